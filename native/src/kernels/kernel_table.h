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

struct KernelTable {
  qdcnn_kernel kind;
  const char* name;
  ApplyMatrixFn<float> apply_f32;
  ApplyMatrixFn<double> apply_f64;
  RealInnerFn<float> real_inner_f32;
  RealInnerFn<double> real_inner_f64;

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
