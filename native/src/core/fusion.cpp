#include "core/fusion.h"

#include <algorithm>
#include <list>

#include "core/errors.h"

namespace qdcnn {
namespace {

bool touches(const FusedGroup& g, const Operation& op) {
  for (int j = 0; j < op.n_qubits; ++j) {
    if (std::find(g.qubits.begin(), g.qubits.end(), op.qubits[j]) != g.qubits.end()) return true;
  }
  return false;
}

}  // namespace

std::vector<FusedGroup> fuse_operations(const Circuit& circuit, int max_fused_qubits) {
  const auto& ops = circuit.operations();
  std::vector<FusedGroup> done;
  if (max_fused_qubits < 2) {
    for (size_t i = 0; i < ops.size(); ++i) {
      FusedGroup g;
      g.members = {static_cast<int>(i)};
      g.qubits.assign(ops[i].qubits, ops[i].qubits + ops[i].n_qubits);
      std::sort(g.qubits.begin(), g.qubits.end());
      done.push_back(std::move(g));
    }
    return done;
  }
  // Open groups act on pairwise disjoint qubits, so they commute and may close in any order.
  std::list<FusedGroup> open;
  for (size_t i = 0; i < ops.size(); ++i) {
    const Operation& op = ops[i];
    std::vector<std::list<FusedGroup>::iterator> touching;
    for (auto it = open.begin(); it != open.end(); ++it) {
      if (touches(*it, op)) touching.push_back(it);
    }
    std::vector<int> qubits(op.qubits, op.qubits + op.n_qubits);
    for (auto it : touching) qubits.insert(qubits.end(), it->qubits.begin(), it->qubits.end());
    std::sort(qubits.begin(), qubits.end());
    qubits.erase(std::unique(qubits.begin(), qubits.end()), qubits.end());
    FusedGroup merged;
    if (static_cast<int>(qubits.size()) <= max_fused_qubits) {
      for (auto it : touching) {
        merged.members.insert(merged.members.end(), it->members.begin(), it->members.end());
        open.erase(it);
      }
      merged.qubits = qubits;
    } else {
      for (auto it : touching) {
        done.push_back(std::move(*it));
        open.erase(it);
      }
      merged.qubits.assign(op.qubits, op.qubits + op.n_qubits);
      std::sort(merged.qubits.begin(), merged.qubits.end());
    }
    merged.members.push_back(static_cast<int>(i));
    // Members of merged disjoint groups are concatenated; keep circuit order for readability.
    std::sort(merged.members.begin(), merged.members.end());
    open.push_back(std::move(merged));
  }
  for (FusedGroup& g : open) done.push_back(std::move(g));
  return done;
}

void sort_matrix_qubits(const int32_t* qubits, int k, const cdouble* in, cdouble* out,
                        int* sorted_qubits) {
  // Precondition: 1 <= k <= 2 (single operations). Sorted position j holds gate qubit order[j].
  if (k < 1 || k > 2) throw Error(QDCNN_ERROR_INTERNAL, "sort_matrix_qubits: k must be 1 or 2");
  // Two elements: a swap (std::sort here trips a false GCC 12 -Warray-bounds warning).
  int order[2] = {0, 1};
  if (k == 2 && qubits[1] < qubits[0]) std::swap(order[0], order[1]);
  for (int j = 0; j < k; ++j) sorted_qubits[j] = qubits[order[j]];
  const int dim = 1 << k;
  auto to_gate_index = [&](int sorted_index) {
    int g = 0;
    for (int j = 0; j < k; ++j) g |= ((sorted_index >> j) & 1) << order[j];
    return g;
  };
  for (int r = 0; r < dim; ++r) {
    for (int c = 0; c < dim; ++c) out[r * dim + c] = in[to_gate_index(r) * dim + to_gate_index(c)];
  }
}

}  // namespace qdcnn
