using Qdcnn.Interop;

namespace Qdcnn.Quantum;

/// <summary>
/// A list of outputs on <see cref="NumQubits"/> qubits; each output is a real-weighted sum of
/// Pauli strings (⟨Z_q⟩ being the common case). Read-only during execution.
/// </summary>
public sealed unsafe class Observable : IDisposable
{
    /// <summary>Creates an observable with no outputs.</summary>
    public Observable(int numQubits)
    {
        QdcnnObservable* pointer;
        NativeStatus.Check(NativeMethods.qdcnn_observable_create(numQubits, &pointer));
        Handle = ObservableHandle.Own(pointer);
        NumQubits = numQubits;
    }

    internal ObservableHandle Handle { get; }

    /// <summary>Number of qubits the observable acts on.</summary>
    public int NumQubits { get; }

    /// <summary>Number of outputs.</summary>
    public int OutputCount
    {
        get
        {
            using var lease = Handle.Lease();
            int count;
            NativeStatus.Check(NativeMethods.qdcnn_observable_count(Handle.Pointer, &count));
            return count;
        }
    }

    /// <summary>One output ⟨Z_q⟩ for each of <paramref name="qubits"/>, in order.</summary>
    public static Observable Z(int numQubits, params int[] qubits)
    {
        ArgumentNullException.ThrowIfNull(qubits);
        var observable = new Observable(numQubits);
        try
        {
            foreach (var qubit in qubits)
            {
                observable.AddZ(qubit);
            }

            return observable;
        }
        catch
        {
            observable.Dispose();
            throw;
        }
    }

    /// <summary>One output ⟨Z_q⟩ for every qubit 0..n-1.</summary>
    public static Observable ZOnEachQubit(int numQubits) => Z(numQubits, Enumerable.Range(0, Math.Max(numQubits, 0)).ToArray());

    /// <summary>Appends the output ⟨Z_qubit⟩.</summary>
    public Observable AddZ(int qubit)
    {
        using var lease = Handle.Lease();
        NativeStatus.Check(NativeMethods.qdcnn_observable_add_z(Handle.Pointer, qubit));
        return this;
    }

    /// <summary>
    /// Adds coefficient * term to output <paramref name="output"/>; an index equal to
    /// <see cref="OutputCount"/> appends a new output.
    /// </summary>
    public Observable AddTerm(int output, double coefficient, PauliString term)
    {
        ArgumentNullException.ThrowIfNull(term);
        var count = term.Factors.Count;
        Span<int> paulis = stackalloc int[count];
        Span<int> qubits = stackalloc int[count];
        for (var i = 0; i < count; i++)
        {
            paulis[i] = (int)term.Factors[i].Pauli;
            qubits[i] = term.Factors[i].Qubit;
        }

        using var lease = Handle.Lease();
        fixed (int* p = paulis)
        fixed (int* q = qubits)
        {
            NativeStatus.Check(NativeMethods.qdcnn_observable_add_term(Handle.Pointer, output, coefficient, p, q, (nuint)count));
        }

        return this;
    }

    /// <summary>Appends one output: the weighted sum of the given terms.</summary>
    public Observable AddOutput(params (double Coefficient, PauliString Term)[] terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Length == 0)
        {
            throw new ArgumentException("An output needs at least one term.", nameof(terms));
        }

        var output = OutputCount;
        foreach (var (coefficient, term) in terms)
        {
            AddTerm(output, coefficient, term);
        }

        return this;
    }

    /// <summary>Frees the native observable.</summary>
    public void Dispose() => Handle.Dispose();
}
