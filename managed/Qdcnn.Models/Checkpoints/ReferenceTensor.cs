using static TorchSharp.torch;

namespace Qdcnn.Models.Checkpoints;

/// <summary>
/// One tensor of the authors' checkpoint file exactly as stored: its shape, numpy dtype code
/// (<c>f4</c> float32 or <c>f8</c> float64) and row-major values. Values of an <c>f4</c> tensor are
/// float32 numbers written as float64, so converting them to float32 is exact.
/// </summary>
public sealed class ReferenceTensor
{
    internal ReferenceTensor(string name, long[] shape, string dtype, double[] data)
    {
        Name = name;
        Shape = shape;
        Dtype = dtype;
        _data = data;
    }

    private readonly double[] _data;

    /// <summary>Full name, <c>&lt;checkpoint key&gt;/&lt;tensor name&gt;</c>, used in error messages.</summary>
    public string Name { get; }

    /// <summary>Shape as stored (see the spec for each key's layout).</summary>
    public IReadOnlyList<long> Shape { get; }

    /// <summary>numpy dtype code: <c>f4</c> or <c>f8</c>.</summary>
    public string Dtype { get; }

    /// <summary>Row-major values.</summary>
    public IReadOnlyList<double> Data => _data;

    /// <summary>The values as a new tensor of the stored shape and the given element type.</summary>
    public Tensor ToTensor(ScalarType dtype)
    {
        double[] values = _data;
        var shape = Shape.ToArray();
        if (dtype == ScalarType.Float32 && Dtype == "f4")
            return tensor(values.Select(v => (float)v).ToArray(), shape, ScalarType.Float32);
        using var asDouble = tensor(values, shape, ScalarType.Float64);
        return asDouble.to_type(dtype);
    }

    /// <summary>Throws unless the stored shape equals <paramref name="expected"/>.</summary>
    /// <exception cref="InvalidDataException">The shape differs; the message names the tensor and both shapes.</exception>
    public void RequireShape(params long[] expected)
    {
        if (!Shape.SequenceEqual(expected))
            throw new InvalidDataException(
                $"Reference tensor '{Name}' has shape [{string.Join(", ", Shape)}] but [{string.Join(", ", expected)}] is required.");
    }
}
