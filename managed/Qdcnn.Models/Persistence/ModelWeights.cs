namespace Qdcnn.Models;

/// <summary>
/// Saves and loads a model's weights (its state_dict, every parameter and buffer by name) in TorchSharp's
/// binary format. Values are written as raw bytes, so a load restores them bit for bit. The file holds
/// weights only: the caller keeps the model name and <see cref="ModelConfig"/> to rebuild the model first.
/// </summary>
public static class ModelWeights
{
    /// <summary>
    /// Writes the weights to <paramref name="path"/> through a temporary file in the same folder that is then
    /// renamed, so a failure never leaves a half-written file.
    /// </summary>
    public static void Save(TextClassifier model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(path);
        string fullPath = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(fullPath)!, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = File.Create(temp)) Save(model, stream);
            File.Move(temp, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Writes the weights to <paramref name="stream"/> (left open).</summary>
    public static void Save(TextClassifier model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        model.save(writer);
    }

    /// <summary>
    /// Loads weights saved by <see cref="Save(TextClassifier, string)"/> into <paramref name="model"/>, which must be
    /// built with the same name and configuration (every name and shape must match).
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file does not fit the model; the message names the file.</exception>
    public static void Load(TextClassifier model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"Model weights file not found: {path}", path);
        using var stream = File.OpenRead(path);
        try
        {
            Load(model, stream);
        }
        catch (Exception ex) when (ex is ArgumentException or EndOfStreamException or InvalidDataException or FormatException
                                       or OverflowException)
        {
            throw new InvalidDataException($"{path}: cannot load into model '{model.Name}': {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Loads weights from <paramref name="stream"/> (left open) into <paramref name="model"/>. All or nothing: when the
    /// stream does not fit (another shape, truncated, trailing bytes) the model keeps the weights it had.
    /// </summary>
    /// <exception cref="InvalidDataException">A seekable stream has bytes left after the last tensor.</exception>
    public static void Load(TextClassifier model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        // TorchSharp copies each tensor into the model as it reads it, so a stream that fails part-way would leave
        // the model half-loaded: keep a copy of the current values and put it back on failure.
        var backup = CopyState(model);
        try
        {
            using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            model.load(reader, strict: true);
            if (stream.CanSeek && stream.Position != stream.Length)
                throw new InvalidDataException(
                    $"{stream.Length - stream.Position} bytes follow the last tensor: the file belongs to another model or is damaged.");
        }
        catch
        {
            RestoreState(model, backup);
            throw;
        }
        finally
        {
            foreach (var tensor in backup.Values) tensor.Dispose();
        }
    }

    private static Dictionary<string, TorchSharp.torch.Tensor> CopyState(TextClassifier model)
    {
        using var noGrad = TorchSharp.torch.no_grad();
        var copy = new Dictionary<string, TorchSharp.torch.Tensor>(StringComparer.Ordinal);
        foreach (var (name, value) in model.state_dict())
        {
            using var detached = value.detach();
            copy[name] = detached.clone().DetachFromDisposeScope();
        }
        return copy;
    }

    private static void RestoreState(TextClassifier model, Dictionary<string, TorchSharp.torch.Tensor> state)
    {
        using var noGrad = TorchSharp.torch.no_grad();
        foreach (var (name, value) in model.state_dict())
        {
            if (state.TryGetValue(name, out var saved)) value.copy_(saved);
        }
    }
}
