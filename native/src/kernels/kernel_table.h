#pragma once
// One table of function pointers per instruction set, chosen once per simulator.
#include <complex>
#include <cstdint>

#include "qdcnn/qdcnn.h"

namespace qdcnn {

// Applies a dense 2^k x 2^k matrix (row-major; bit j of an index is qubits[j]) to the amplitude
// groups [begin, end) of the 2^(n-k) groups (group g = the 2^k amplitudes whose other bits spell g).
// Preconditions: 1 <= k <= QDCNN_MAX_FUSED_QUBITS, qubits strictly ascending and < n_qubits,
// begin and end multiples of kGroupAlignment (or end == 2^(n-k)).
template <typename T>
using ApplyMatrixFn = void (*)(std::complex<T>* state, int n_qubits, const int* qubits, int k,
                               const std::complex<T>* matrix, uint64_t begin, uint64_t end);

// Re <bra| M |ket> restricted to amplitude groups [begin, end); same preconditions as above.
template <typename T>
using RealInnerFn = double (*)(const std::complex<T>* bra, const std::complex<T>* ket,
                               int n_qubits, const int* qubits, int k,
                               const std::complex<T>* matrix, uint64_t begin, uint64_t end);

// Ranges handed to a kernel start at a multiple of this many groups (wider than any SIMD register).
constexpr uint64_t kGroupAlignment = 64;

// Batch-major ("lane") layout: a chunk of kLanes<T> samples (one 64-byte row per amplitude), the
// sample index innermost, so every gate is applied to all samples of the chunk with SIMD across
// samples. Amplitude i of lane l is re[i * kLanes + l] (im likewise; unused for real circuits).
template <typename T>
constexpr int kLanes = static_cast<int>(64 / sizeof(T));

// Lane kernels (see lane_kernels.h). Matrices are in lane form: entry e of lane l at m[e * W + l].
// Preconditions: qubits < n and distinct; q0 < q1; real => matrices real and im may be null.
template <typename T>
struct LaneKernels {
  // Controlled (control >= 0) or plain 2x2 matrix on target.
  void (*dense1)(T* re, T* im, int n, int target, int control, const T* mre, const T* mim,
                 bool real);
  // 4x4 matrix on q0 < q1 (bit 0 of a row index is q0).
  void (*dense2)(T* re, T* im, int n, int q0, int q1, const T* mre, const T* mim, bool real);
  // Diagonal with 2^k entries on k = 1 or 2 qubits (bit j of an entry index is qubits[j]).
  void (*diag)(T* re, T* im, int n, const int* qubits, int k, const T* dre, const T* dim,
               bool real);
  // Swaps rows i and i ^ flip wherever (i & select_mask) == select_value (X, CNOT, SWAP).
  void (*permute)(T* plane, int n, uint64_t select_mask, uint64_t select_value, uint64_t flip);
  // Row i <- row source[i] for a permutation source of 2^n rows; temp holds 2^n rows.
  void (*gather)(T* plane, T* temp, int n, const uint32_t* source);
  // out[l] += Re <bra_l| M |ket_l> for the three matrix shapes above.
  void (*inner1)(const T* bre, const T* bim, const T* kre, const T* kim, int n, int target,
                 int control, const T* mre, const T* mim, bool real, double* out);
  // One adjoint step of a dense1 op in one pass: psi <- A psi; out[l] += Re <lambda| D |psi>
  // unless D (dre) is null; lambda <- A lambda. A = the op's adjoint, D = dU/dangle.
  void (*adjoint_step1)(T* pre, T* pim, T* lre, T* lim, int n, int target, int control,
                        const T* are, const T* aim, const T* dre, const T* dim, bool real,
                        double* out);
  void (*inner2)(const T* bre, const T* bim, const T* kre, const T* kim, int n, int q0, int q1,
                 const T* mre, const T* mim, bool real, double* out);
  void (*inner_diag)(const T* bre, const T* bim, const T* kre, const T* kim, int n,
                     const int* qubits, int k, const T* dre, const T* dim, bool real,
                     double* out);
  // out[q * W + l] = <Z_q> (q < n), out[n * W + l] = squared norm; scratch holds 2^n * W values.
  void (*z_expectations)(const T* re, const T* im, int n, T* scratch, bool real, double* out);
};

// One sparse factor of a fused step, applied inside cache blocks by PlanarKernels::apply_sequence.
// kPlanarRotation: [[a, -conj(b)], [b, conj(a)]] on q0; kPlanarSignFlip: negates the amplitudes
// with q0 and q1 both set (cz). Qubits are block-local.
enum PlanarOpKind { kPlanarRotation = 0, kPlanarSignFlip = 1 };
template <typename T>
struct PlanarOp {
  int kind = kPlanarRotation;
  int q0 = 0, q1 = 0;
  T ar = 1, ai = 0, br = 0, bi = 0;
};

// Planar ("split") layout used inside cache blocks: amplitude i is (re[i], im[i]). In this layout
// a complex product needs 3 real multiplications (c (a + b), (c + d) b, (d - c) a for
// (c + i d)(a + i b)) instead of 4, which matters once a block sits in cache and the dense
// 3- and 4-qubit matrices make the kernels arithmetic-bound.
template <typename T>
struct PlanarKernels {
  // Same contract as ApplyMatrixFn over all 2^(n-k) groups of a planar state of n qubits.
  void (*apply)(T* re, T* im, int n_qubits, const int* qubits, int k,
                const std::complex<T>* matrix);
  // Conversions of `count` amplitudes between the interleaved and the planar layout.
  void (*to_planar)(const std::complex<T>* in, T* re, T* im, uint64_t count);
  void (*from_planar)(const T* re, const T* im, std::complex<T>* out, uint64_t count);
  // Applies ops[0 .. count) in order to a planar state of n qubits; every op acts on qubits among
  // qubits[0 .. k) (ascending, 1 <= k <= 4). Equals the dense product of the ops, with fewer
  // operations when they are rotations and sign flips (block_sequence_kernels.h).
  void (*apply_sequence)(T* re, T* im, int n_qubits, const int* qubits, int k,
                         const PlanarOp<T>* ops, int count);
};

struct KernelTable {
  qdcnn_kernel kind;
  const char* name;
  ApplyMatrixFn<float> apply_f32;
  ApplyMatrixFn<double> apply_f64;
  RealInnerFn<float> real_inner_f32;
  RealInnerFn<double> real_inner_f64;
  LaneKernels<float> lanes_f32;
  LaneKernels<double> lanes_f64;
  PlanarKernels<float> planar_f32;
  PlanarKernels<double> planar_f64;

  template <typename T>
  const PlanarKernels<T>& planar() const {
    if constexpr (sizeof(T) == sizeof(float)) {
      return planar_f32;
    } else {
      return planar_f64;
    }
  }

  template <typename T>
  const LaneKernels<T>& lanes() const {
    if constexpr (sizeof(T) == sizeof(float)) {
      return lanes_f32;
    } else {
      return lanes_f64;
    }
  }

  template <typename T>
  ApplyMatrixFn<T> apply() const {
    if constexpr (sizeof(T) == sizeof(float)) {
      return apply_f32;
    } else {
      return apply_f64;
    }
  }
  template <typename T>
  RealInnerFn<T> real_inner() const {
    if constexpr (sizeof(T) == sizeof(float)) {
      return real_inner_f32;
    } else {
      return real_inner_f64;
    }
  }
};

// The ISA-specific tables, each defined in its own translation unit.
const KernelTable& scalar_kernel_table();
#ifdef QDCNN_HAVE_AVX2
const KernelTable& avx2_kernel_table();
#endif
#ifdef QDCNN_HAVE_AVX512
const KernelTable& avx512_kernel_table();
#endif

// Whether this CPU and build can run `kernel` (AUTO counts as available).
bool kernel_available(int32_t kernel);

// What AUTO resolves to: QDCNN_KERNEL from the environment if set (throws Error UNSUPPORTED for an
// unknown or unavailable name), else the best available kernel.
qdcnn_kernel resolve_default_kernel();

// Table of a concrete, available kernel (throws Error UNSUPPORTED otherwise); AUTO is resolved.
const KernelTable& kernel_table(int32_t kernel);

}  // namespace qdcnn
