using System.Globalization;
using Qdcnn.Interop;

namespace Qdcnn.Quantum;

/// <summary>Where a rotation angle comes from.</summary>
public enum AngleSource
{
    /// <summary>A fixed value: the angle is <see cref="Angle.Offset"/>.</summary>
    Constant = QdcnnAngleSource.Constant,

    /// <summary>scale * parameters[index] + offset (trainable).</summary>
    Parameter = QdcnnAngleSource.Parameter,

    /// <summary>scale * inputs[sample, index] + offset (a feature of each sample).</summary>
    Input = QdcnnAngleSource.Input,
}

/// <summary>
/// A gate angle: a constant, a trainable parameter or an input feature, each with scale and
/// offset. A <see cref="double"/> converts implicitly to a constant angle.
/// </summary>
public readonly record struct Angle
{
    private Angle(AngleSource source, int index, double scale, double offset)
    {
        Source = source;
        Index = index;
        Scale = scale;
        Offset = offset;
    }

    /// <summary>Where the angle comes from.</summary>
    public AngleSource Source { get; }

    /// <summary>Parameter or input index (0 for constants).</summary>
    public int Index { get; }

    /// <summary>Multiplies the parameter or input (1 for constants).</summary>
    public double Scale { get; }

    /// <summary>Added to the scaled value; the angle itself for constants.</summary>
    public double Offset { get; }

    /// <summary>A fixed angle in radians.</summary>
    public static Angle Constant(double radians) => new(AngleSource.Constant, 0, 1.0, radians);

    /// <summary>scale * parameters[index] + offset.</summary>
    public static Angle Parameter(int index, double scale = 1.0, double offset = 0.0) =>
        new(AngleSource.Parameter, RequireIndex(index), scale, offset);

    /// <summary>scale * inputs[sample, index] + offset.</summary>
    public static Angle Input(int index, double scale = 1.0, double offset = 0.0) =>
        new(AngleSource.Input, RequireIndex(index), scale, offset);

    /// <summary>A constant angle.</summary>
    public static implicit operator Angle(double radians) => Constant(radians);

    /// <inheritdoc />
    public override string ToString() => Source switch
    {
        AngleSource.Constant => Offset.ToString("R", CultureInfo.InvariantCulture),
        _ => string.Create(CultureInfo.InvariantCulture,
            $"{Scale:R}*{(Source == AngleSource.Parameter ? "param" : "input")}[{Index}]+{Offset:R}"),
    };

    private static int RequireIndex(int index) =>
        index >= 0 ? index : throw new ArgumentOutOfRangeException(nameof(index), index, "An angle index must be >= 0.");
}
