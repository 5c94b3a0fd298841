namespace Qdcnn.Models;

/// <summary>Builds models by registry name from <see cref="ModelCatalog"/>.</summary>
public static class ModelFactory
{
    /// <summary>Registry names of every model, in catalog order.</summary>
    public static IReadOnlyList<string> Names => ModelCatalog.Entries.Select(e => e.Name).ToList();

    /// <summary>The catalog entry named <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No model has that name; the message lists the known names.</exception>
    public static ModelRegistration Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ModelCatalog.Entries.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException(
                $"Unknown model '{name}'; known models: {string.Join(", ", Names)}.", nameof(name));
    }

    /// <summary>Builds a fresh model named <paramref name="name"/> from <paramref name="config"/>.</summary>
    /// <exception cref="ArgumentException">Unknown name or invalid configuration.</exception>
    public static TextClassifier Create(string name, ModelConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Find(name).Create(config);
    }
}
