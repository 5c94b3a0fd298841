#pragma once
// A tiny, independent state-vector reference for the circuit-file tests: gate matrices written
// from the definitions in qdcnn.h, applied densely. Small registers only (n <= 10).
#include <cmath>
#include <complex>
#include <stdexcept>
#include <vector>

#include "io/parsed_circuit.h"
#include "qdcnn/qdcnn.h"

namespace qdcnn::io::testing {

using Complex = std::complex<double>;
using Matrix = std::vector<Complex>;  // row-major; bit j of an index is the gate's j-th qubit

inline Matrix one_qubit_matrix(int32_t gate, const std::vector<double>& a) {
  const Complex i(0, 1);
  const double r = 1 / std::sqrt(2.0);
  switch (gate) {
    case QDCNN_GATE_I: return {1, 0, 0, 1};
    case QDCNN_GATE_H: return {r, r, r, -r};
    case QDCNN_GATE_X: return {0, 1, 1, 0};
    case QDCNN_GATE_Y: return {0, -i, i, 0};
    case QDCNN_GATE_Z: return {1, 0, 0, -1};
    case QDCNN_GATE_S: return {1, 0, 0, i};
    case QDCNN_GATE_SDG: return {1, 0, 0, -i};
    case QDCNN_GATE_T: return {1, 0, 0, std::polar(1.0, M_PI / 4)};
    case QDCNN_GATE_TDG: return {1, 0, 0, std::polar(1.0, -M_PI / 4)};
    case QDCNN_GATE_SX: return {(1.0 + i) / 2.0, (1.0 - i) / 2.0, (1.0 - i) / 2.0, (1.0 + i) / 2.0};
    case QDCNN_GATE_RX: return {std::cos(a[0] / 2), -i * std::sin(a[0] / 2), -i * std::sin(a[0] / 2), std::cos(a[0] / 2)};
    case QDCNN_GATE_RY: return {std::cos(a[0] / 2), -std::sin(a[0] / 2), std::sin(a[0] / 2), std::cos(a[0] / 2)};
    case QDCNN_GATE_RZ: return {std::polar(1.0, -a[0] / 2), 0, 0, std::polar(1.0, a[0] / 2)};
    case QDCNN_GATE_PHASE: return {1, 0, 0, std::polar(1.0, a[0])};
    case QDCNN_GATE_U3:
      return {std::cos(a[0] / 2), -std::polar(1.0, a[2]) * std::sin(a[0] / 2),
              std::polar(1.0, a[1]) * std::sin(a[0] / 2), std::polar(1.0, a[1] + a[2]) * std::cos(a[0] / 2)};
    default: throw std::invalid_argument("not a one-qubit gate");
  }
}

// Controlled gates: qubit 0 of the matrix (bit 0) is the control.
inline Matrix two_qubit_matrix(int32_t gate, const std::vector<double>& a) {
  Matrix m(16, 0.0);
  auto controlled = [&m](const Matrix& u) {
    m[0 * 4 + 0] = 1;  // control (bit 0) = 0: identity on indices 0 and 2
    m[2 * 4 + 2] = 1;
    m[1 * 4 + 1] = u[0];  // control = 1: indices 1 (target 0) and 3 (target 1)
    m[1 * 4 + 3] = u[1];
    m[3 * 4 + 1] = u[2];
    m[3 * 4 + 3] = u[3];
  };
  const Complex i(0, 1);
  const double c = a.empty() ? 0 : std::cos(a[0] / 2);
  const double s = a.empty() ? 0 : std::sin(a[0] / 2);
  switch (gate) {
    case QDCNN_GATE_CNOT: controlled(one_qubit_matrix(QDCNN_GATE_X, {})); break;
    case QDCNN_GATE_CZ: controlled(one_qubit_matrix(QDCNN_GATE_Z, {})); break;
    case QDCNN_GATE_CRX: controlled(one_qubit_matrix(QDCNN_GATE_RX, a)); break;
    case QDCNN_GATE_CRY: controlled(one_qubit_matrix(QDCNN_GATE_RY, a)); break;
    case QDCNN_GATE_CRZ: controlled(one_qubit_matrix(QDCNN_GATE_RZ, a)); break;
    case QDCNN_GATE_CPHASE: controlled(one_qubit_matrix(QDCNN_GATE_PHASE, a)); break;
    case QDCNN_GATE_SWAP: m[0] = m[1 * 4 + 2] = m[2 * 4 + 1] = m[15] = 1; break;
    case QDCNN_GATE_RXX:  // cos - i sin X(x)X; X(x)X maps index k to 3 - k
      for (int k = 0; k < 4; ++k) { m[k * 4 + k] = c; m[k * 4 + (3 - k)] = -i * s; }
      break;
    case QDCNN_GATE_RYY: {  // Y(x)Y |k> = sign |3-k>: +1 for |01>,|10>, -1 for |00>,|11>
      const double sign[4] = {-1, 1, 1, -1};
      for (int k = 0; k < 4; ++k) { m[k * 4 + k] = c; m[(3 - k) * 4 + k] = -i * s * sign[k]; }
      break;
    }
    case QDCNN_GATE_RZZ:
      for (int k = 0; k < 4; ++k) {
        const int parity = (k & 1) ^ (k >> 1);
        m[k * 4 + k] = std::polar(1.0, parity ? a[0] / 2 : -a[0] / 2);
      }
      break;
    default: throw std::invalid_argument("not a two-qubit gate");
  }
  return m;
}

inline Matrix op_matrix(const ParsedOp& op) {
  if (op.gate == QDCNN_GATE_UNITARY1 || op.gate == QDCNN_GATE_UNITARY2) return op.matrix;
  return op.qubits.size() == 1 ? one_qubit_matrix(op.gate, op.angles) : two_qubit_matrix(op.gate, op.angles);
}

// Applies a k-qubit matrix (k = qubits.size()) to the state.
inline void apply(std::vector<Complex>& state, const Matrix& m, const std::vector<int32_t>& qubits) {
  const size_t k = qubits.size();
  const size_t dim = size_t{1} << k;
  std::vector<Complex> in(dim), out(dim);
  std::vector<size_t> offsets(dim, 0);
  size_t mask = 0;
  for (size_t j = 0; j < k; ++j) mask |= size_t{1} << qubits[j];
  for (size_t local = 0; local < dim; ++local) {
    for (size_t j = 0; j < k; ++j) {
      if (local >> j & 1) offsets[local] |= size_t{1} << qubits[j];
    }
  }
  for (size_t base = 0; base < state.size(); ++base) {
    if (base & mask) continue;
    for (size_t r = 0; r < dim; ++r) in[r] = state[base | offsets[r]];
    for (size_t r = 0; r < dim; ++r) {
      Complex sum = 0;
      for (size_t col = 0; col < dim; ++col) sum += m[r * dim + col] * in[col];
      out[r] = sum;
    }
    for (size_t r = 0; r < dim; ++r) state[base | offsets[r]] = out[r];
  }
}

// The circuit applied to |0...0>, or (by default) to a fixed, non-trivial product state so
// that every gate matters.
inline std::vector<Complex> run(const ParsedCircuit& circuit, bool from_zero = false) {
  std::vector<Complex> state(size_t{1} << circuit.n_qubits, 0.0);
  state[0] = 1;
  for (int32_t q = 0; q < circuit.n_qubits && !from_zero; ++q) {
    apply(state, one_qubit_matrix(QDCNN_GATE_U3, {0.3 + 0.4 * q, 0.2 * q, -0.1 * q}), {q});
  }
  for (const ParsedOp& op : circuit.ops) apply(state, op_matrix(op), op.qubits);
  return state;
}

// max_k |a_k - e^{i g} b_k| with the global phase g chosen from the largest amplitude when
// up_to_phase, else g = 0.
inline double distance(const std::vector<Complex>& a, const std::vector<Complex>& b, bool up_to_phase) {
  Complex phase = 1;
  if (up_to_phase) {
    size_t largest = 0;
    for (size_t k = 0; k < a.size(); ++k) if (std::abs(a[k]) > std::abs(a[largest])) largest = k;
    phase = a[largest] / b[largest];
    phase /= std::abs(phase);
  }
  double worst = 0;
  for (size_t k = 0; k < a.size(); ++k) worst = std::max(worst, std::abs(a[k] - phase * b[k]));
  return worst;
}

}  // namespace qdcnn::io::testing
