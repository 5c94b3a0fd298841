using System.Numerics;
using System.Runtime.InteropServices;
using Qdcnn.Interop;

namespace Qdcnn.Quantum;

/// <summary>
/// A state vector of 2^n amplitudes in one <see cref="Quantum.Precision"/>, allocated once and
/// reusable. Qubit k is bit k of the basis-state index. Not for use from two threads at once.
/// </summary>
public sealed unsafe class StateVector : IDisposable
{
    /// <summary>Allocates a state of <paramref name="numQubits"/> qubits set to |0...0&gt;.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Too many qubits for the precision or this machine's memory.</exception>
    public StateVector(int numQubits, Precision precision = Precision.Complex128)
    {
        QdcnnState* pointer;
        NativeStatus.Check(NativeMethods.qdcnn_state_create(numQubits, (int)precision, &pointer));
        Handle = StateHandle.Own(pointer);
        NumQubits = numQubits;
        Precision = precision;
    }

    internal StateHandle Handle { get; }

    /// <summary>Number of qubits.</summary>
    public int NumQubits { get; }

    /// <summary>Precision of the amplitudes.</summary>
    public Precision Precision { get; }

    /// <summary>Number of amplitudes, 2^n.</summary>
    public long Length => 1L << NumQubits;

    /// <summary>Sets the state to |index&gt;.</summary>
    public void SetBasis(ulong index)
    {
        using var lease = Handle.Lease();
        NativeStatus.Check(NativeMethods.qdcnn_state_set_basis(Handle.Pointer, index));
    }

    /// <summary>Amplitude-encodes a real vector (zero-padded to 2^n, normalised; all zeros is an error).</summary>
    public void SetRealAmplitudes(ReadOnlySpan<double> values)
    {
        using var lease = Handle.Lease();
        fixed (double* v = values)
        {
            NativeStatus.Check(NativeMethods.qdcnn_state_set_real_amplitudes(Handle.Pointer, v, (nuint)values.Length));
        }
    }

    /// <summary>Copies 2^n amplitudes in, as they are (not renormalised).</summary>
    public void SetAmplitudes(ReadOnlySpan<Complex> amplitudes)
    {
        var interleaved = MemoryMarshal.Cast<Complex, double>(amplitudes);
        using var lease = Handle.Lease();
        fixed (double* a = interleaved)
        {
            NativeStatus.Check(NativeMethods.qdcnn_state_set_amplitudes(Handle.Pointer, a, (nuint)interleaved.Length));
        }
    }

    /// <summary>Copies the 2^n amplitudes into <paramref name="destination"/> (length 2^n).</summary>
    public void GetAmplitudes(Span<Complex> destination)
    {
        var interleaved = MemoryMarshal.Cast<Complex, double>(destination);
        using var lease = Handle.Lease();
        fixed (double* a = interleaved)
        {
            NativeStatus.Check(NativeMethods.qdcnn_state_get_amplitudes(Handle.Pointer, a, (nuint)interleaved.Length));
        }
    }

    /// <summary>The 2^n amplitudes.</summary>
    public Complex[] GetAmplitudes()
    {
        var amplitudes = new Complex[Length];
        GetAmplitudes(amplitudes);
        return amplitudes;
    }

    /// <summary>Writes |amplitude|² of every basis state into <paramref name="destination"/> (length 2^n).</summary>
    public void Probabilities(Span<double> destination)
    {
        using var lease = Handle.Lease();
        fixed (double* p = destination)
        {
            NativeStatus.Check(NativeMethods.qdcnn_state_probabilities(Handle.Pointer, p, (nuint)destination.Length));
        }
    }

    /// <summary>|amplitude|² of every basis state.</summary>
    public double[] Probabilities()
    {
        var probabilities = new double[Length];
        Probabilities(probabilities);
        return probabilities;
    }

    /// <summary>The squared norm (1 for a normalised state).</summary>
    public double NormSquared()
    {
        using var lease = Handle.Lease();
        double norm;
        NativeStatus.Check(NativeMethods.qdcnn_state_norm_squared(Handle.Pointer, &norm));
        return norm;
    }

    /// <summary>Writes one expectation value per output of <paramref name="observable"/>.</summary>
    public void Expectation(Observable observable, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(observable);
        using var lease = Handle.Lease();
        using var observableLease = observable.Handle.Lease();
        fixed (double* v = destination)
        {
            NativeStatus.Check(NativeMethods.qdcnn_state_expectation(Handle.Pointer, observable.Handle.Pointer, v, (nuint)destination.Length));
        }
    }

    /// <summary>One expectation value per output of <paramref name="observable"/>.</summary>
    public double[] Expectation(Observable observable)
    {
        ArgumentNullException.ThrowIfNull(observable);
        var values = new double[observable.OutputCount];
        Expectation(observable, values);
        return values;
    }

    /// <summary>Draws basis-state indices from the state's distribution; the same seed gives the same draws everywhere.</summary>
    public void Sample(ulong seed, Span<ulong> destination)
    {
        using var lease = Handle.Lease();
        fixed (ulong* s = destination)
        {
            NativeStatus.Check(NativeMethods.qdcnn_state_sample(Handle.Pointer, seed, s, (nuint)destination.Length));
        }
    }

    /// <summary>Draws <paramref name="shots"/> basis-state indices with a seeded generator.</summary>
    public ulong[] Sample(int shots, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shots);
        var samples = new ulong[shots];
        Sample(seed, samples);
        return samples;
    }

    /// <summary>Frees the native state.</summary>
    public void Dispose() => Handle.Dispose();
}
