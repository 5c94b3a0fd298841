/**
 * @file qdcnn.h
 * @brief The only public surface of the Qdcnn native state-vector simulator: a C ABI.
 *
 * Conventions that hold for every function in this header:
 *
 * - **Qubit order.** Qubit k is bit k of the basis-state index (little-endian): in a 3-qubit
 *   register the amplitude at index 0b110 = 6 belongs to |q2=1, q1=1, q0=0>.
 * - **Status codes.** Every function returns a ::qdcnn_status. On anything but ::QDCNN_OK the
 *   calling thread's last-error message (see qdcnn_error_message()) names the argument at fault.
 *   Output arguments are written only on success. Nothing throws or aborts across this boundary.
 * - **Types.** Only fixed-width integers, double, float, int32 enums, opaque handles and
 *   pointer + length pairs cross the boundary. Lengths are counts of elements, not bytes.
 * - **Ownership.** Every handle has a create/destroy pair; the caller owns what it created and
 *   destroys it exactly once. Destroying NULL is a no-op. Strings returned through
 *   `const char**` are owned by the library and stay valid until the next call on the same
 *   thread; callers copy them and never free them.
 * - **Threads.** Functions are safe to call concurrently on *different* handles. One handle must
 *   not be used from two threads at once (the library detects this where cheap and reports
 *   ::QDCNN_ERROR_CONCURRENT_USE). Circuits and observables are read-only during execution and
 *   may be shared by simulators running concurrently. The last-error message is thread-local.
 * - **Complex numbers** cross the boundary as interleaved (re, im) doubles.
 * - **Angles.** A rotation angle is one of: a constant; `scale * params[index] + offset`
 *   (a trainable parameter); `scale * inputs[sample, index] + offset` (an input feature).
 */
#ifndef QDCNN_QDCNN_H
#define QDCNN_QDCNN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define QDCNN_API __declspec(dllexport)
#else
#define QDCNN_API __attribute__((visibility("default")))
#endif

/** ABI version. Bumped on any incompatible change of this header; bindings check it at load. */
#define QDCNN_ABI_VERSION 1

/** Largest register a state vector may have (complex64). complex128 allows one qubit fewer. */
#define QDCNN_MAX_QUBITS 30

/** Largest gate a fused unitary may act on. */
#define QDCNN_MAX_FUSED_QUBITS 4

/** Result of every function. */
typedef enum qdcnn_status {
  QDCNN_OK = 0,
  /** A required pointer argument was NULL. */
  QDCNN_ERROR_NULL_POINTER = 1,
  /** An argument has a value that is never valid (unknown enum, non-unitary matrix, ...). */
  QDCNN_ERROR_INVALID_ARGUMENT = 2,
  /** An index (qubit, parameter, input, output, basis state) is outside its range. */
  QDCNN_ERROR_OUT_OF_RANGE = 3,
  /** The same qubit was named twice in one gate or Pauli term. */
  QDCNN_ERROR_DUPLICATE_QUBITS = 4,
  /** A buffer's length does not match what the call needs. */
  QDCNN_ERROR_BUFFER_LENGTH = 5,
  /** An angle, coefficient or amplitude is NaN or infinite. */
  QDCNN_ERROR_NOT_FINITE = 6,
  /** The gate kind is unknown, or not allowed where it was used. */
  QDCNN_ERROR_UNKNOWN_GATE = 7,
  /** More qubits than the precision allows (see ::QDCNN_MAX_QUBITS) or than memory holds. */
  QDCNN_ERROR_TOO_MANY_QUBITS = 8,
  /** An allocation failed. */
  QDCNN_ERROR_OUT_OF_MEMORY = 9,
  /** A circuit file could not be parsed; the message names the line. */
  QDCNN_ERROR_PARSE = 10,
  /** The request is valid but not supported here (e.g. a kernel this CPU lacks). */
  QDCNN_ERROR_UNSUPPORTED = 11,
  /** A handle was used from two threads at once. */
  QDCNN_ERROR_CONCURRENT_USE = 12,
  /** An amplitude vector is all zeros and cannot be normalised. */
  QDCNN_ERROR_ZERO_NORM = 13,
  /** A bug in the library; the message says where. */
  QDCNN_ERROR_INTERNAL = 99
} qdcnn_status;

/** Floating-point precision of a state vector. */
typedef enum qdcnn_precision {
  /** Two float32 per amplitude (up to 30 qubits). */
  QDCNN_PRECISION_COMPLEX64 = 0,
  /** Two float64 per amplitude (up to 29 qubits). */
  QDCNN_PRECISION_COMPLEX128 = 1
} qdcnn_precision;

/** Gate kinds. The number of qubits and angles each takes is in brackets. */
typedef enum qdcnn_gate {
  QDCNN_GATE_I = 0,        /**< identity [1 qubit, 0 angles] */
  QDCNN_GATE_H = 1,        /**< Hadamard [1, 0] */
  QDCNN_GATE_X = 2,        /**< Pauli X [1, 0] */
  QDCNN_GATE_Y = 3,        /**< Pauli Y [1, 0] */
  QDCNN_GATE_Z = 4,        /**< Pauli Z [1, 0] */
  QDCNN_GATE_S = 5,        /**< diag(1, i) [1, 0] */
  QDCNN_GATE_SDG = 6,      /**< diag(1, -i) [1, 0] */
  QDCNN_GATE_T = 7,        /**< diag(1, e^{i pi/4}) [1, 0] */
  QDCNN_GATE_TDG = 8,      /**< diag(1, e^{-i pi/4}) [1, 0] */
  QDCNN_GATE_SX = 9,       /**< sqrt(X) = (1/2)[[1+i, 1-i], [1-i, 1+i]] [1, 0] */
  QDCNN_GATE_RX = 10,      /**< exp(-i theta X / 2) [1, 1] */
  QDCNN_GATE_RY = 11,      /**< exp(-i theta Y / 2) [1, 1] */
  QDCNN_GATE_RZ = 12,      /**< exp(-i theta Z / 2) [1, 1] */
  QDCNN_GATE_PHASE = 13,   /**< diag(1, e^{i phi}) [1, 1] */
  QDCNN_GATE_U3 = 14,      /**< OpenQASM U(theta, phi, lambda) [1, 3] */
  QDCNN_GATE_CNOT = 15,    /**< qubits (control, target) [2, 0] */
  QDCNN_GATE_CZ = 16,      /**< [2, 0] */
  QDCNN_GATE_SWAP = 17,    /**< [2, 0] */
  QDCNN_GATE_CRX = 18,     /**< qubits (control, target) [2, 1] */
  QDCNN_GATE_CRY = 19,     /**< qubits (control, target) [2, 1] */
  QDCNN_GATE_CRZ = 20,     /**< qubits (control, target) [2, 1] */
  QDCNN_GATE_CPHASE = 21,  /**< qubits (control, target) [2, 1] */
  QDCNN_GATE_RXX = 22,     /**< exp(-i theta X(x)X / 2) [2, 1] */
  QDCNN_GATE_RYY = 23,     /**< exp(-i theta Y(x)Y / 2) [2, 1] */
  QDCNN_GATE_RZZ = 24,     /**< exp(-i theta Z(x)Z / 2) [2, 1] */
  QDCNN_GATE_UNITARY1 = 25, /**< arbitrary 2x2 unitary [1, 0]; see qdcnn_circuit_add_unitary() */
  QDCNN_GATE_UNITARY2 = 26  /**< arbitrary 4x4 unitary [2, 0]; see qdcnn_circuit_add_unitary() */
} qdcnn_gate;

/** Where a gate angle comes from. */
typedef enum qdcnn_angle_source {
  /** angle = offset (index and scale are ignored). */
  QDCNN_ANGLE_CONSTANT = 0,
  /** angle = scale * params[index] + offset; differentiable by the adjoint method. */
  QDCNN_ANGLE_PARAMETER = 1,
  /** angle = scale * inputs[sample * n_inputs + index] + offset; differentiable too. */
  QDCNN_ANGLE_INPUT = 2
} qdcnn_angle_source;

/** Single-qubit Pauli operators in a Pauli string. */
typedef enum qdcnn_pauli {
  QDCNN_PAULI_I = 0,
  QDCNN_PAULI_X = 1,
  QDCNN_PAULI_Y = 2,
  QDCNN_PAULI_Z = 3
} qdcnn_pauli;

/** State-vector kernels. ::QDCNN_KERNEL_AUTO picks the best this CPU supports. */
typedef enum qdcnn_kernel {
  QDCNN_KERNEL_AUTO = 0,
  QDCNN_KERNEL_SCALAR = 1,
  QDCNN_KERNEL_AVX2 = 2,
  QDCNN_KERNEL_AVX512 = 3
} qdcnn_kernel;

/** Opaque circuit: a gate list with angle bindings, an initial-state rule, a qubit count. */
typedef struct qdcnn_circuit qdcnn_circuit;
/** Opaque list of outputs; each output is a real-weighted sum of Pauli strings. */
typedef struct qdcnn_observable qdcnn_observable;
/** Opaque state vector of 2^n amplitudes, 64-byte aligned, allocated once. */
typedef struct qdcnn_state qdcnn_state;
/** Opaque execution context: kernel choice, threads, fusion, scratch buffers. */
typedef struct qdcnn_simulator qdcnn_simulator;

/* ------------------------------------------------------------------------------------------ */
/* Library                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/** Writes ::QDCNN_ABI_VERSION of the compiled library to *version. */
QDCNN_API qdcnn_status qdcnn_library_abi_version(int32_t* version);

/**
 * Points *message at the calling thread's last error message (an empty string if none).
 * The text is owned by the library and valid until the next call on this thread.
 */
QDCNN_API qdcnn_status qdcnn_error_message(const char** message);

/** Points *name at a static, human-readable name of a status code ("QDCNN_ERROR_PARSE"). */
QDCNN_API qdcnn_status qdcnn_status_name(int32_t status, const char** name);

/** Writes 1 to *available if this CPU and build can run the kernel, else 0. */
QDCNN_API qdcnn_status qdcnn_kernel_available(int32_t kernel, int32_t* available);

/**
 * Writes the kernel ::QDCNN_KERNEL_AUTO resolves to: the best available one, or the one named
 * by the environment variable QDCNN_KERNEL (scalar, avx2, avx512) when it is set. An unknown or
 * unavailable name in QDCNN_KERNEL makes this (and every simulator creation) fail with
 * ::QDCNN_ERROR_UNSUPPORTED rather than fall back silently.
 */
QDCNN_API qdcnn_status qdcnn_kernel_default(int32_t* kernel);

/** Writes the number of live handles of all kinds (for leak checks in tests). */
QDCNN_API qdcnn_status qdcnn_debug_live_handles(int64_t* count);

/**
 * Writes the 2^k x 2^k matrix of a gate, row-major, interleaved (re, im), to out.
 * Row and column indices follow the qubit order: bit j of an index is the gate's j-th qubit.
 * @param angles     n_angles values, as many as the gate takes.
 * @param out_length must be 2 * 4^k (8 for 1-qubit gates, 32 for 2-qubit gates).
 */
QDCNN_API qdcnn_status qdcnn_gate_matrix(int32_t gate, const double* angles, size_t n_angles,
                                         double* out, size_t out_length);

/* ------------------------------------------------------------------------------------------ */
/* Circuit                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/** Creates an empty circuit on n_qubits (1..QDCNN_MAX_QUBITS) starting in |0...0>. */
QDCNN_API qdcnn_status qdcnn_circuit_create(int32_t n_qubits, qdcnn_circuit** circuit);

/** Destroys a circuit. NULL is a no-op. */
QDCNN_API qdcnn_status qdcnn_circuit_destroy(qdcnn_circuit* circuit);

/**
 * Appends a gate.
 * @param qubits   n_qubits distinct qubit indices, as many as the gate takes (control first).
 * @param sources  n_angles ::qdcnn_angle_source values, one per angle the gate takes.
 * @param indices  parameter or input index per angle (ignored for constants; must be >= 0).
 * @param scales   scale per angle (finite).
 * @param offsets  offset per angle (finite); the angle itself for constants.
 * Angle arrays may be NULL when n_angles is 0. UNITARY1/UNITARY2 are rejected here; use
 * qdcnn_circuit_add_unitary().
 */
QDCNN_API qdcnn_status qdcnn_circuit_add_gate(qdcnn_circuit* circuit, int32_t gate,
                                              const int32_t* qubits, size_t n_qubits,
                                              const int32_t* sources, const int32_t* indices,
                                              const double* scales, const double* offsets,
                                              size_t n_angles);

/**
 * Appends an arbitrary unitary on 1 or 2 qubits.
 * @param matrix  row-major, interleaved (re, im), 2 * 4^n_qubits doubles; bit j of a row or
 *                column index is qubits[j]. Must be unitary to 1e-8 (relative).
 */
QDCNN_API qdcnn_status qdcnn_circuit_add_unitary(qdcnn_circuit* circuit, const int32_t* qubits,
                                                 size_t n_qubits, const double* matrix,
                                                 size_t matrix_length);

/** Starts the circuit from the basis state |index> instead of |0...0>. */
QDCNN_API qdcnn_status qdcnn_circuit_set_initial_basis(qdcnn_circuit* circuit, uint64_t index);

/**
 * Starts the circuit from the amplitude encoding of inputs[offset .. offset + length) of each
 * sample: the real vector zero-padded to 2^n and normalised. length must be in 1..2^n. Running
 * on a sample whose slice is all zeros fails with ::QDCNN_ERROR_ZERO_NORM. The adjoint
 * gradient flows through the normalisation into these inputs.
 */
QDCNN_API qdcnn_status qdcnn_circuit_set_initial_amplitudes(qdcnn_circuit* circuit,
                                                            int32_t input_offset, int32_t length);

/**
 * Raises the circuit's declared parameter and input counts to at least these values. Counts are
 * otherwise inferred as (largest index used + 1); execution buffers must match the counts.
 */
QDCNN_API qdcnn_status qdcnn_circuit_declare(qdcnn_circuit* circuit, int32_t n_params,
                                             int32_t n_inputs);

/** Writes the qubit, gate, parameter and input counts (any pointer may be NULL). */
QDCNN_API qdcnn_status qdcnn_circuit_info(const qdcnn_circuit* circuit, int32_t* n_qubits,
                                          int64_t* n_gates, int32_t* n_params, int32_t* n_inputs);

/**
 * Parses OpenQASM 2.0 text (one `qreg`, the qelib1 gates listed in ::qdcnn_gate, `barrier` and
 * `measure` ignored, `creg` accepted). Angles may use pi, + - * / and parentheses.
 * On ::QDCNN_ERROR_PARSE the message names the line.
 */
QDCNN_API qdcnn_status qdcnn_circuit_from_qasm(const char* text, size_t length,
                                               qdcnn_circuit** circuit);

/**
 * Parses qsim's plain-text circuit format: first line the qubit count, then lines
 * `time gate qubit... param...` (gates id1 h x y z t s rx ry rz x_1_2 y_1_2 hz_1_2 cz cx is
 * sw fs cp p). On ::QDCNN_ERROR_PARSE the message names the line.
 */
QDCNN_API qdcnn_status qdcnn_circuit_from_qsim(const char* text, size_t length,
                                               qdcnn_circuit** circuit);

/**
 * Writes the circuit as OpenQASM 2.0 with every angle bound to params and inputs (sample 0 of
 * a one-sample input vector). Two-call pattern: *required receives the byte count without the
 * terminating NUL; the text and a NUL are written only when capacity > *required.
 * buffer may be NULL when capacity is 0.
 */
QDCNN_API qdcnn_status qdcnn_circuit_to_qasm(const qdcnn_circuit* circuit, const double* params,
                                             size_t n_params, const double* inputs,
                                             size_t n_inputs, char* buffer, size_t capacity,
                                             size_t* required);

/* ------------------------------------------------------------------------------------------ */
/* Observable                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/** Creates an empty list of outputs on n_qubits. */
QDCNN_API qdcnn_status qdcnn_observable_create(int32_t n_qubits, qdcnn_observable** observable);

/** Destroys an observable. NULL is a no-op. */
QDCNN_API qdcnn_status qdcnn_observable_destroy(qdcnn_observable* observable);

/** Appends one output <Z_qubit>. */
QDCNN_API qdcnn_status qdcnn_observable_add_z(qdcnn_observable* observable, int32_t qubit);

/**
 * Adds coefficient * P_{qubits[0]} (x) ... to output `output`. output may equal the current
 * output count, which appends a new output. An empty term (length 0) is coefficient * I.
 * @param paulis ::qdcnn_pauli per qubit; qubits distinct.
 */
QDCNN_API qdcnn_status qdcnn_observable_add_term(qdcnn_observable* observable, int32_t output,
                                                 double coefficient, const int32_t* paulis,
                                                 const int32_t* qubits, size_t length);

/** Writes the number of outputs. */
QDCNN_API qdcnn_status qdcnn_observable_count(const qdcnn_observable* observable,
                                              int32_t* n_outputs);

/* ------------------------------------------------------------------------------------------ */
/* State vector                                                                               */
/* ------------------------------------------------------------------------------------------ */

/**
 * Allocates a state of n_qubits in the given precision, set to |0...0>. Fails with
 * ::QDCNN_ERROR_TOO_MANY_QUBITS when the size exceeds the precision's limit or the memory this
 * machine has available, and ::QDCNN_ERROR_OUT_OF_MEMORY if the allocation itself fails.
 */
QDCNN_API qdcnn_status qdcnn_state_create(int32_t n_qubits, int32_t precision,
                                          qdcnn_state** state);

/** Destroys a state. NULL is a no-op. */
QDCNN_API qdcnn_status qdcnn_state_destroy(qdcnn_state* state);

/** Writes the qubit count and precision (either pointer may be NULL). */
QDCNN_API qdcnn_status qdcnn_state_info(const qdcnn_state* state, int32_t* n_qubits,
                                        int32_t* precision);

/** Sets the state to the basis state |index>. */
QDCNN_API qdcnn_status qdcnn_state_set_basis(qdcnn_state* state, uint64_t index);

/** Amplitude-encodes a real vector: zero-padded to 2^n, normalised; all zeros is an error. */
QDCNN_API qdcnn_status qdcnn_state_set_real_amplitudes(qdcnn_state* state, const double* values,
                                                       size_t length);

/** Copies 2^n interleaved (re, im) amplitudes in (length = 2^(n+1)); not renormalised. */
QDCNN_API qdcnn_status qdcnn_state_set_amplitudes(qdcnn_state* state, const double* amplitudes,
                                                  size_t length);

/** Copies the 2^n amplitudes out, interleaved (re, im); length = 2^(n+1). */
QDCNN_API qdcnn_status qdcnn_state_get_amplitudes(const qdcnn_state* state, double* amplitudes,
                                                  size_t length);

/** Writes |amplitude|^2 of every basis state; length = 2^n. */
QDCNN_API qdcnn_status qdcnn_state_probabilities(const qdcnn_state* state, double* probabilities,
                                                 size_t length);

/** Writes the squared norm of the state. */
QDCNN_API qdcnn_status qdcnn_state_norm_squared(const qdcnn_state* state, double* norm_squared);

/** Writes one value per output of the observable (length = its output count). */
QDCNN_API qdcnn_status qdcnn_state_expectation(const qdcnn_state* state,
                                               const qdcnn_observable* observable,
                                               double* values, size_t length);

/**
 * Draws `shots` basis-state indices from the state's distribution with a seeded generator
 * (same seed, same state, same results on every platform and kernel).
 */
QDCNN_API qdcnn_status qdcnn_state_sample(const qdcnn_state* state, uint64_t seed,
                                          uint64_t* samples, size_t shots);

/* ------------------------------------------------------------------------------------------ */
/* Simulator                                                                                  */
/* ------------------------------------------------------------------------------------------ */

/**
 * Creates a simulator for one precision with kernel ::QDCNN_KERNEL_AUTO, one thread and
 * fusion off.
 */
QDCNN_API qdcnn_status qdcnn_simulator_create(int32_t precision, qdcnn_simulator** simulator);

/** Destroys a simulator and its worker threads. NULL is a no-op. */
QDCNN_API qdcnn_status qdcnn_simulator_destroy(qdcnn_simulator* simulator);

/** Selects a kernel; ::QDCNN_ERROR_UNSUPPORTED if this CPU lacks it. */
QDCNN_API qdcnn_status qdcnn_simulator_set_kernel(qdcnn_simulator* simulator, int32_t kernel);

/** Writes the kernel in use (never ::QDCNN_KERNEL_AUTO). */
QDCNN_API qdcnn_status qdcnn_simulator_get_kernel(const qdcnn_simulator* simulator,
                                                  int32_t* kernel);

/**
 * Sets the worker thread count (1..256; 0 = the number of CPUs). Workers wait passively
 * (no spinning). Small circuits are parallel over the batch, large ones over amplitudes.
 */
QDCNN_API qdcnn_status qdcnn_simulator_set_threads(qdcnn_simulator* simulator, int32_t threads);

/**
 * Sets gate fusion: 0 turns it off; 2..QDCNN_MAX_FUSED_QUBITS fuses consecutive gates into
 * unitaries on at most that many qubits before execution. Results equal unfused execution to
 * rounding. Adjoint differentiation always runs unfused. Registers above 16 (complex128) or
 * 17 (complex64) qubits apply consecutive steps in cache-sized blocks, one memory sweep per block
 * window; the environment variable QDCNN_CACHE_BLOCKING=0 makes them run one pass per step.
 */
QDCNN_API qdcnn_status qdcnn_simulator_set_fusion(qdcnn_simulator* simulator,
                                                  int32_t max_fused_qubits);

/**
 * Prepares the circuit's initial state in `state` (inputs of one sample, may be NULL if the
 * circuit has no inputs) and applies the circuit. The state must have the circuit's qubit count
 * and the simulator's precision.
 */
QDCNN_API qdcnn_status qdcnn_simulator_run(qdcnn_simulator* simulator,
                                           const qdcnn_circuit* circuit, const double* params,
                                           size_t n_params, const double* inputs, size_t n_inputs,
                                           qdcnn_state* state);

/** Applies the circuit's gates to `state` as it is, without preparing an initial state. */
QDCNN_API qdcnn_status qdcnn_simulator_apply(qdcnn_simulator* simulator,
                                             const qdcnn_circuit* circuit, const double* params,
                                             size_t n_params, const double* inputs,
                                             size_t n_inputs, qdcnn_state* state);

/**
 * Batched forward pass: for each of `batch` samples, prepares the initial state from that
 * sample's inputs, runs the circuit with the shared params, and writes the observable's outputs.
 * @param inputs       batch * n_inputs values, row-major (may be NULL if n_inputs is 0).
 * @param outputs      batch * n_outputs values, row-major.
 */
QDCNN_API qdcnn_status qdcnn_simulator_forward(qdcnn_simulator* simulator,
                                               const qdcnn_circuit* circuit,
                                               const qdcnn_observable* observable,
                                               const double* params, size_t params_length,
                                               const double* inputs, size_t inputs_length,
                                               size_t batch, double* outputs,
                                               size_t outputs_length);

/** qdcnn_simulator_forward() with float32 buffers (the state keeps the simulator's precision). */
QDCNN_API qdcnn_status qdcnn_simulator_forward_f32(qdcnn_simulator* simulator,
                                                   const qdcnn_circuit* circuit,
                                                   const qdcnn_observable* observable,
                                                   const float* params, size_t params_length,
                                                   const float* inputs, size_t inputs_length,
                                                   size_t batch, float* outputs,
                                                   size_t outputs_length);

/**
 * Adjoint vector-Jacobian product. Given dL/doutputs (batch * n_outputs), writes
 * dL/dinputs (batch * n_inputs) and dL/dparams (n_params, summed over the batch). Uses about
 * three state vectors per sample in flight (the upstream gradient is folded into one
 * observable). grad_inputs or grad_params may be NULL (length 0) when not wanted.
 */
QDCNN_API qdcnn_status qdcnn_simulator_backward(
    qdcnn_simulator* simulator, const qdcnn_circuit* circuit, const qdcnn_observable* observable,
    const double* params, size_t params_length, const double* inputs, size_t inputs_length,
    size_t batch, const double* grad_outputs, size_t grad_outputs_length, double* grad_inputs,
    size_t grad_inputs_length, double* grad_params, size_t grad_params_length);

/** qdcnn_simulator_backward() with float32 buffers (accumulation is in double). */
QDCNN_API qdcnn_status qdcnn_simulator_backward_f32(
    qdcnn_simulator* simulator, const qdcnn_circuit* circuit, const qdcnn_observable* observable,
    const float* params, size_t params_length, const float* inputs, size_t inputs_length,
    size_t batch, const float* grad_outputs, size_t grad_outputs_length, float* grad_inputs,
    size_t grad_inputs_length, float* grad_params, size_t grad_params_length);

/* ------------------------------------------------------------------------------------------ */
/* Noise                                                                                      */
/* ------------------------------------------------------------------------------------------ */

/** Largest register the density-matrix method simulates (a density matrix holds 4^n values). */
#define QDCNN_MAX_DENSITY_MATRIX_QUBITS 12

/**
 * Noise channels, each with one probability p in [0, 1] (NaN or anything outside is
 * ::QDCNN_ERROR_INVALID_ARGUMENT). Kraus forms:
 * - depolarizing: (1 - p) rho + p/3 (X rho X + Y rho Y + Z rho Z), so <Z> of |0> becomes 1 - 4p/3;
 * - two-qubit depolarizing: (1 - p) rho + p/15 sum of the 15 non-identity Pauli pairs P rho P;
 * - amplitude damping: K0 = [[1, 0], [0, sqrt(1-p)]], K1 = [[0, sqrt(p)], [0, 0]] (|1> decays to
 *   |0> with probability p);
 * - phase damping: K0 = [[1, 0], [0, sqrt(1-p)]], K1 = [[0, 0], [0, sqrt(p)]] (coherences shrink
 *   by sqrt(1-p));
 * - bit flip: (1 - p) rho + p X rho X; phase flip: (1 - p) rho + p Z rho Z.
 */
typedef enum qdcnn_noise_channel {
  QDCNN_NOISE_DEPOLARIZING = 0,       /**< one qubit; on each qubit of the gate */
  QDCNN_NOISE_DEPOLARIZING2 = 1,      /**< two qubits; only after two-qubit gates, on both */
  QDCNN_NOISE_AMPLITUDE_DAMPING = 2,  /**< one qubit; p is the decay probability gamma */
  QDCNN_NOISE_PHASE_DAMPING = 3,      /**< one qubit; p is lambda */
  QDCNN_NOISE_BIT_FLIP = 4,           /**< one qubit */
  QDCNN_NOISE_PHASE_FLIP = 5          /**< one qubit */
} qdcnn_noise_channel;

/** How qdcnn_simulator_forward_noisy() simulates noise. */
typedef enum qdcnn_noise_method {
  /** Exact: evolves the 4^n-entry density matrix (at most ::QDCNN_MAX_DENSITY_MATRIX_QUBITS). */
  QDCNN_NOISE_METHOD_DENSITY_MATRIX = 0,
  /**
   * Seeded Monte-Carlo trajectories on a state vector: at each channel one Kraus operator K_i is
   * drawn with probability ||K_i psi||^2 and the state renormalised; outputs are averaged over
   * the trajectories (statistical error ~ 1/sqrt(trajectories)).
   */
  QDCNN_NOISE_METHOD_TRAJECTORIES = 1
} qdcnn_noise_method;

/**
 * Opaque noise model: channels applied after gates (chosen by gate kind, by gate arity or by
 * qubit, applied in the order they were added) and readout error per qubit. Read-only during
 * execution; may be shared by simulators running concurrently. It holds no qubit count: qubit
 * indices are checked against the circuit when it runs.
 */
typedef struct qdcnn_noise_model qdcnn_noise_model;

/** Creates an empty noise model (no channels, no readout error). */
QDCNN_API qdcnn_status qdcnn_noise_model_create(qdcnn_noise_model** model);

/** Destroys a noise model. NULL is a no-op. */
QDCNN_API qdcnn_status qdcnn_noise_model_destroy(qdcnn_noise_model* model);

/**
 * After every gate of kind `gate`, applies the channel: a one-qubit channel to each of the
 * gate's qubits, ::QDCNN_NOISE_DEPOLARIZING2 to its two qubits together.
 * @param gate        a ::qdcnn_gate; must be a two-qubit kind for ::QDCNN_NOISE_DEPOLARIZING2
 *                    (else ::QDCNN_ERROR_INVALID_ARGUMENT).
 * @param channel     a ::qdcnn_noise_channel.
 * @param probability in [0, 1].
 */
QDCNN_API qdcnn_status qdcnn_noise_model_add_gate_noise(qdcnn_noise_model* model, int32_t gate,
                                                        int32_t channel, double probability);

/**
 * After every gate acting on `gate_qubits` qubits (1 or 2; 0 = every gate), applies the channel
 * as qdcnn_noise_model_add_gate_noise() does. ::QDCNN_NOISE_DEPOLARIZING2 needs gate_qubits = 2.
 */
QDCNN_API qdcnn_status qdcnn_noise_model_add_arity_noise(qdcnn_noise_model* model,
                                                         int32_t gate_qubits, int32_t channel,
                                                         double probability);

/**
 * After every gate that acts on `qubit` (>= 0), applies a one-qubit channel to that qubit only.
 * ::QDCNN_NOISE_DEPOLARIZING2 is ::QDCNN_ERROR_INVALID_ARGUMENT here.
 */
QDCNN_API qdcnn_status qdcnn_noise_model_add_qubit_noise(qdcnn_noise_model* model, int32_t qubit,
                                                         int32_t channel, double probability);

/**
 * Sets the readout error of `qubit` (>= 0), replacing an earlier setting: a true 0 is read as 1
 * with probability p1_given_0, a true 1 as 0 with p0_given_1 (each in [0, 1]). It acts on the
 * measured distribution, so a Z string on qubits S becomes
 * sum over subsets T of S of prod_{q in S\T} (p0_given_1 - p1_given_0)_q
 * prod_{q in T} (1 - p0_given_1 - p1_given_0)_q <Z_T>; for one qubit,
 * <Z> -> (1 - p01 - p10) <Z> + (p01 - p10) with p01 = p0_given_1 and p10 = p1_given_0.
 * X and Y factors are measured as Z after a basis rotation (see
 * qdcnn_simulator_forward_noisy()), so every Pauli factor on a qubit with readout error reads the
 * same way: P -> (1 - p01 - p10) P + (p01 - p10), e.g. with readout error on qubit 0 only,
 * <X0> -> (1 - p01 - p10) <X0> + (p01 - p10) and
 * <Z0 X1> -> (1 - p01 - p10) <Z0 X1> + (p01 - p10) <X1>; exact outputs and shot estimates alike.
 */
QDCNN_API qdcnn_status qdcnn_noise_model_set_readout_error(qdcnn_noise_model* model,
                                                           int32_t qubit, double p1_given_0,
                                                           double p0_given_1);

/** Sets the readout error of every qubit that has no setting of its own (initially 0, 0). */
QDCNN_API qdcnn_status qdcnn_noise_model_set_default_readout_error(qdcnn_noise_model* model,
                                                                   double p1_given_0,
                                                                   double p0_given_1);

/** Writes the number of channel rules added so far (readout settings not counted). */
QDCNN_API qdcnn_status qdcnn_noise_model_count(const qdcnn_noise_model* model, int64_t* n_rules);

/**
 * Batched noisy forward pass: as qdcnn_simulator_forward(), with the circuit run under `noise`
 * (NULL: no noise) and each output either exact or estimated from measurement shots.
 * Gates run unfused, each followed by its channels. Sample b draws from its own random stream,
 * derived from `seed` and b: results do not depend on the thread count.
 * @param method       a ::qdcnn_noise_method. The density-matrix method needs at most
 *                     ::QDCNN_MAX_DENSITY_MATRIX_QUBITS qubits (else
 *                     ::QDCNN_ERROR_TOO_MANY_QUBITS) and ignores `trajectories`.
 * @param trajectories trajectories per sample for ::QDCNN_NOISE_METHOD_TRAJECTORIES (>= 1, else
 *                     ::QDCNN_ERROR_OUT_OF_RANGE). With shots > 0 each shot is one noisy run:
 *                     the shots are spread evenly over min(trajectories, shots) trajectories.
 * @param shots        0: exact expectations (averaged over trajectories for that method).
 *                     > 0: outputs are estimated from measurement samples. The terms are grouped
 *                     by measurement basis (the X/Y pattern of the Pauli string: Z-type terms
 *                     share the computational basis); per sample, each basis used gets `shots`
 *                     outcomes of the noisy state rotated into it (H on X qubits, H S^dagger on Y
 *                     qubits; readout error then confuses the measured distribution), each term
 *                     is estimated by the mean parity of its qubits' outcome bits, and each output
 *                     is the coefficient-weighted sum of its terms' estimates. With trajectories,
 *                     every basis is sampled from the same trajectories.
 * @param seed         seeds trajectory choices and shot sampling. Z-type terms draw from the
 *                     sample's stream; each other basis from its own stream derived from `seed`,
 *                     the sample and the basis, so adding X or Y outputs leaves the estimates of
 *                     Z-type outputs unchanged.
 * @param outputs      batch * n_outputs values, row-major; written only on success.
 * Qubits named by the noise model must exist in the circuit (else ::QDCNN_ERROR_OUT_OF_RANGE).
 */
QDCNN_API qdcnn_status qdcnn_simulator_forward_noisy(
    qdcnn_simulator* simulator, const qdcnn_circuit* circuit, const qdcnn_observable* observable,
    const qdcnn_noise_model* noise, int32_t method, uint64_t trajectories, uint64_t shots,
    uint64_t seed, const double* params, size_t params_length, const double* inputs,
    size_t inputs_length, size_t batch, double* outputs, size_t outputs_length);

#ifdef __cplusplus
}
#endif

#endif /* QDCNN_QDCNN_H */
