#pragma once
// Lane kernels for single-qubit ops in a relabelled frame. Permutation ops (X, CNOT, SWAP) are
// not applied to the data: the lane program tracks the affine GF(2) map between a row's stored
// ("physical") index p and its logical basis index, and later single-qubit ops address through
// it. A 2x2 op on logical qubit q then pairs rows p and p ^ flip (flip = the physical bits that
// flip logical bit q), and row p plays the logical |0> of the pair when
// parity(p & role_mask) == role (else |1>). A CNOT ladder thus costs no pass at all.
#include <cstdint>
#include <type_traits>
#include <utility>

#include "kernels/kernel_table.h"

namespace qdcnn {

// The pairs of one relabelled 2x2 op within a block of rows (masks local to the block).
struct LanePairs {
  uint64_t flip = 0;       // non-zero
  uint64_t role_mask = 0;  // parity(flip & role_mask) == 1
  int role = 0;            // 0 or 1
  bool controlled = false;
  uint64_t ctrl_mask = 0;  // controlled: pairs with parity(p & ctrl_mask) != ctrl_want are skipped
  int ctrl_want = 1;       // (parity(flip & ctrl_mask) == 0)
};

// Most ops one apply_group / adjoint_group call takes, and the group size the adjoint uses
// (4 ops undone over psi and lambda spill registers: measured slower than 3).
constexpr int kMaxLaneGroup = 4;
constexpr int kMaxLaneAdjointGroup = 3;
// Gradient modes of adjoint_group.
constexpr int kLaneGradNone = 0, kLaneGradDerivative = 1, kLaneGradRy = 2;

// As dense1, inner1 and adjoint_step1 of LaneKernels, on the pairs of `pairs`.
template <typename T>
struct LaneRelabelKernels {
  void (*dense1)(T* re, T* im, int n, const LanePairs& pairs, const T* mre, const T* mim,
                 bool real);
  void (*inner1)(const T* bre, const T* bim, const T* kre, const T* kim, int n,
                 const LanePairs& pairs, const T* mre, const T* mim, bool real, double* out);
  void (*adjoint_step1)(T* pre, T* pim, T* lre, T* lim, int n, const LanePairs& pairs,
                        const T* are, const T* aim, const T* dre, const T* dim, bool real,
                        double* out);
  // adjoint_step1 for an RY (or the RY block of a CRY), whose dU/dtheta U^dagger is -iY/2 for
  // every angle: out[l] += Re <lambda| -iY |psi> over the pairs, both taken before the undo (so
  // the gradient is half of it), without multiplying by a derivative matrix.
  void (*adjoint_step1_ry)(T* pre, T* pim, T* lre, T* lim, int n, const LanePairs& pairs,
                           const T* are, const T* aim, bool real, double* out);
  // `count` (2 to kMaxLaneGroup) uncontrolled ops of independent pairs (parity(pairs[i].flip &
  // pairs[j].role_mask) == (i == j)) in one pass: dense1 of pairs[0], m[0], then of pairs[1],
  // m[1], ... (m[j]: lane-form 2x2, re then im block).
  void (*apply_group)(T* re, T* im, int n, int count, const LanePairs* pairs, const T* const* m,
                      bool real);
  // The adjoint steps of ops count-1 down to 0 of such a group in one pass, each as
  // adjoint_step1 (mode kLaneGradDerivative, d[j] = dU) or adjoint_step1_ry (kLaneGradRy, out
  // NOT halved) or without a sum (kLaneGradNone); op j's sum goes to out[j * kLanes + l].
  void (*adjoint_group)(T* pre, T* pim, T* lre, T* lim, int n, int count, const LanePairs* pairs,
                        const T* const* adj, const T* const* d, int mode, bool real,
                        double* out);
};

// The kernels of the same instruction set as the simulator's kernel table.
template <typename T>
const LaneRelabelKernels<T>& lane_relabel_kernels(qdcnn_kernel kind);

}  // namespace qdcnn
