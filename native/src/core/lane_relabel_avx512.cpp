// The relabelled-pair lane kernels compiled for AVX512 (flags set on this file only in CMake);
// only called when the simulator's kernel table is the AVX512 one.
#include "core/lane_relabel.h"

namespace qdcnn {
namespace lane_relabel_avx512 {
#include "kernels/lane_kernels.h"
#include "core/lane_relabel_kernels.h"
}  // namespace lane_relabel_avx512

template <typename T>
const LaneRelabelKernels<T>& lane_relabel_kernels_avx512() {
  static const LaneRelabelKernels<T> table = lane_relabel_avx512::make_lane_relabel_kernels<T>();
  return table;
}
template const LaneRelabelKernels<float>& lane_relabel_kernels_avx512<float>();
template const LaneRelabelKernels<double>& lane_relabel_kernels_avx512<double>();

}  // namespace qdcnn
