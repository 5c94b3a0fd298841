#pragma once
// Choice between a fused step's dense matrix and its sparse factors inside cache blocks.
#include <vector>

#include "core/circuit.h"
#include "core/program.h"
#include "kernels/kernel_table.h"

namespace qdcnn {

// Lowest block-local qubit a factor sequence may touch: below it the contiguous runs of the
// sequence kernel are shorter than a 64-byte vector (16 floats, 8 doubles).
template <typename T>
constexpr int min_sequence_local_qubit() {
  return sizeof(T) == 4 ? 4 : 3;
}

// The step's members as sparse factors on block-local qubits (local[j] is the block position of
// step.qubits[j]), when every member is a rotation [[a, -conj(b)], [b, conj(a)]] (rx, ry, rz and
// any other 1-qubit gate of that form, exactly) or a cz, the local qubits are all
// >= min_sequence_local_qubit<T>(), and the factors need fewer operations than the dense matrix.
// Otherwise returns false and leaves ops empty. inputs: this sample's row (may be null when the
// step does not depend on inputs).
template <typename T>
bool block_sequence_ops(const Circuit& circuit, const Step<T>& step, const int* local,
                        const double* params, const double* inputs, std::vector<PlanarOp<T>>* ops);

}  // namespace qdcnn
