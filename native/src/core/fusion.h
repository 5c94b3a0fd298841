#pragma once
// Gate fusion (as qsim does): consecutive gates are grouped into unitaries on at most
// max_fused_qubits qubits, keeping the order of every pair of gates that share a qubit.
#include <vector>

#include "core/circuit.h"

namespace qdcnn {

struct FusedGroup {
  std::vector<int> members;  // operation indices, in circuit order
  std::vector<int> qubits;   // ascending union of the members' qubits
};

// max_fused_qubits 0 or 1 gives one group per operation.
std::vector<FusedGroup> fuse_operations(const Circuit& circuit, int max_fused_qubits);

// Matrix of the product of `members` (applied in order) on `sorted_qubits`, row-major, bit j of
// an index = sorted_qubits[j]. Each member's matrix comes from matrix_of(op_index, out).
template <typename MatrixOf>
void product_matrix(const Circuit& circuit, const std::vector<int>& members,
                    const std::vector<int>& sorted_qubits, MatrixOf matrix_of, cdouble* out);

// Rearranges a matrix in gate-qubit order (bit j = qubits[j]) into ascending-qubit order.
void sort_matrix_qubits(const int32_t* qubits, int k, const cdouble* in, cdouble* out,
                        int* sorted_qubits);

}  // namespace qdcnn

#include "core/fusion_impl.h"
