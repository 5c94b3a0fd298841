#pragma once
// Per-thread working memory of the batch-major (lane) path, grown on demand and kept across calls.
#include <complex>
#include <cstddef>
#include <vector>

#include "core/memory.h"

namespace qdcnn {

// A 64-byte aligned buffer that only grows (contents are not kept when it does).
template <typename T>
class LaneBuffer {
 public:
  T* ensure(size_t count) {
    if (count > capacity_) {
      data_ = make_aligned_array<T>(count);
      capacity_ = count;
    }
    return data_.get();
  }

 private:
  AlignedArray<T> data_;
  size_t capacity_ = 0;
};

template <typename T>
struct LaneScratch {
  LaneBuffer<T> psi;       // re plane then im plane of the chunk's states
  LaneBuffer<T> lambda;    // the adjoint bra, same layout
  LaneBuffer<T> work;      // expectation scratch
  LaneBuffer<T> matrices;  // per-sample matrices of the chunk
  LaneBuffer<T> temp;      // one op's adjoint or derivative
  LaneBuffer<T> contraction;  // product-state gradients (see lane_product_state.h)
  LaneBuffer<T> ordered;   // the final state in logical row order (see LaneProgram::final_source)
  std::vector<std::complex<double>> factors, factor_derivatives, contracted;
  std::vector<double> values;       // per-lane expectations / inner products
  std::vector<double> grad_params;  // this thread's parameter gradient
};

}  // namespace qdcnn
