// The portable relabelled-pair lane kernels, and the choice of instruction set.
#include "core/lane_relabel.h"

namespace qdcnn {
namespace lane_relabel_scalar {
#define QDCNN_LANES_PORTABLE 1
#include "kernels/lane_kernels.h"
#undef QDCNN_LANES_PORTABLE
#include "core/lane_relabel_kernels.h"
}  // namespace lane_relabel_scalar

#ifdef QDCNN_HAVE_AVX2
template <typename T>
const LaneRelabelKernels<T>& lane_relabel_kernels_avx2();
#endif
#ifdef QDCNN_HAVE_AVX512
template <typename T>
const LaneRelabelKernels<T>& lane_relabel_kernels_avx512();
#endif

template <typename T>
const LaneRelabelKernels<T>& lane_relabel_kernels(qdcnn_kernel kind) {
#ifdef QDCNN_HAVE_AVX512
  if (kind == QDCNN_KERNEL_AVX512) return lane_relabel_kernels_avx512<T>();
#endif
#ifdef QDCNN_HAVE_AVX2
  if (kind == QDCNN_KERNEL_AVX2) return lane_relabel_kernels_avx2<T>();
#endif
  (void)kind;
  static const LaneRelabelKernels<T> table = lane_relabel_scalar::make_lane_relabel_kernels<T>();
  return table;
}
template const LaneRelabelKernels<float>& lane_relabel_kernels<float>(qdcnn_kernel);
template const LaneRelabelKernels<double>& lane_relabel_kernels<double>(qdcnn_kernel);

}  // namespace qdcnn
