// The portable reference kernel: plain C++ loops, no instruction-set flags.
#include "kernels/kernel_table.h"

namespace qdcnn {
namespace scalar_isa {
#include "kernels/kernels_generic.h"
#include "kernels/block_sequence_kernels.h"
#define QDCNN_LANES_PORTABLE 1
#include "kernels/lane_kernels.h"
#undef QDCNN_LANES_PORTABLE

template <typename T>
void apply(std::complex<T>* state, int /*n_qubits*/, const int* qubits, int k,
           const std::complex<T>* matrix, uint64_t begin, uint64_t end) {
  apply_generic_any<T>(state, qubits, k, matrix, begin, end);
}

template <typename T>
double real_inner(const std::complex<T>* bra, const std::complex<T>* ket, int /*n_qubits*/,
                  const int* qubits, int k, const std::complex<T>* matrix, uint64_t begin,
                  uint64_t end) {
  return real_inner_generic_any<T>(bra, ket, qubits, k, matrix, begin, end);
}

template <typename T>
void apply_planar(T* re, T* im, int n_qubits, const int* qubits, int k,
                  const std::complex<T>* matrix) {
  apply_planar_generic_any<T>(re, im, qubits, k, matrix, 0, uint64_t{1} << (n_qubits - k));
}

template <typename T>
PlanarKernels<T> make_planar_kernels() {
  return PlanarKernels<T>{&apply_planar<T>, &to_planar_generic<T>, &from_planar_generic<T>,
                          &apply_sequence_runs<T>};
}
}  // namespace scalar_isa

const KernelTable& scalar_kernel_table() {
  static const KernelTable table{QDCNN_KERNEL_SCALAR, "scalar", &scalar_isa::apply<float>,
                                 &scalar_isa::apply<double>,
                                 &scalar_isa::real_inner<float>,
                                 &scalar_isa::real_inner<double>,
                                 scalar_isa::make_lane_kernels<float>(),
                                 scalar_isa::make_lane_kernels<double>(),
                                 scalar_isa::make_planar_kernels<float>(),
                                 scalar_isa::make_planar_kernels<double>()};
  return table;
}

}  // namespace qdcnn
