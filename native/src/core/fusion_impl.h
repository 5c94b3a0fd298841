#pragma once
// Template part of fusion.h.
#include <algorithm>

namespace qdcnn {

template <typename MatrixOf>
void product_matrix(const Circuit& circuit, const std::vector<int>& members,
                    const std::vector<int>& sorted_qubits, MatrixOf matrix_of, cdouble* out) {
  const int k = static_cast<int>(sorted_qubits.size());
  const int dim = 1 << k;
  // Column-major working copy: column c is the image of basis state c.
  std::vector<cdouble> f(static_cast<size_t>(dim) * dim, 0.0), next(static_cast<size_t>(dim));
  for (int c = 0; c < dim; ++c) f[static_cast<size_t>(c) * dim + c] = 1.0;
  cdouble g[16];
  for (int index : members) {
    const Operation& op = circuit.operations()[static_cast<size_t>(index)];
    matrix_of(index, g);
    int pos[2];
    for (int j = 0; j < op.n_qubits; ++j) {
      pos[j] = static_cast<int>(std::find(sorted_qubits.begin(), sorted_qubits.end(), op.qubits[j]) -
                                sorted_qubits.begin());
    }
    const int gdim = 1 << op.n_qubits;
    int gate_mask = 0;
    for (int j = 0; j < op.n_qubits; ++j) gate_mask |= 1 << pos[j];
    for (int c = 0; c < dim; ++c) {
      cdouble* col = &f[static_cast<size_t>(c) * dim];
      for (int i = 0; i < dim; ++i) {
        int gr = 0;
        for (int j = 0; j < op.n_qubits; ++j) gr |= ((i >> pos[j]) & 1) << j;
        const int rest = i & ~gate_mask;
        cdouble sum = 0;
        for (int gc = 0; gc < gdim; ++gc) {
          int src = rest;
          for (int j = 0; j < op.n_qubits; ++j) src |= ((gc >> j) & 1) << pos[j];
          sum += g[gr * gdim + gc] * col[src];
        }
        next[static_cast<size_t>(i)] = sum;
      }
      std::copy(next.begin(), next.end(), col);
    }
  }
  for (int r = 0; r < dim; ++r) {
    for (int c = 0; c < dim; ++c) out[r * dim + c] = f[static_cast<size_t>(c) * dim + r];
  }
}

}  // namespace qdcnn
