// Each gate against an independently written matrix, unitarity, and analytic derivatives.
#include <gtest/gtest.h>

#include <cmath>

#include "core/gates.h"
#include "test_support.h"

namespace qdcnn::test {
namespace {

const cd I1(0, 1);
using M = std::vector<cd>;

// Matrices of 2x2 operators as row-major vectors.
const M kI = {1, 0, 0, 1}, kX = {0, 1, 1, 0}, kY = {0, -I1, I1, 0}, kZ = {1, 0, 0, -1};

M kron_bits(const M& on_qubit1, const M& on_qubit0) {
  // Index bit 0 = gate qubit 0, bit 1 = gate qubit 1: M[(r1 r0), (c1 c0)] = A[r1][c1] B[r0][c0].
  M out(16);
  for (int r = 0; r < 4; ++r)
    for (int c = 0; c < 4; ++c)
      out[r * 4 + c] = on_qubit1[(r >> 1) * 2 + (c >> 1)] * on_qubit0[(r & 1) * 2 + (c & 1)];
  return out;
}

M rotation(const M& p, double theta) {  // exp(-i theta P / 2) for P^2 = I
  const size_t n = p.size();
  const int d = n == 4 ? 2 : 4;
  M out(n);
  for (int r = 0; r < d; ++r)
    for (int c = 0; c < d; ++c)
      out[r * d + c] = (r == c ? std::cos(theta / 2) : 0.0) - I1 * std::sin(theta / 2) * p[r * d + c];
  return out;
}

M controlled(const M& u) {  // control = gate qubit 0 (bit 0), target = bit 1
  M out(16, 0.0);
  out[0 * 4 + 0] = 1;
  out[2 * 4 + 2] = 1;
  out[1 * 4 + 1] = u[0];
  out[1 * 4 + 3] = u[1];
  out[3 * 4 + 1] = u[2];
  out[3 * 4 + 3] = u[3];
  return out;
}

M expected(int32_t gate, const std::vector<double>& a) {
  const double r = 1 / std::sqrt(2.0);
  switch (gate) {
    case QDCNN_GATE_I: return kI;
    case QDCNN_GATE_H: return {r, r, r, -r};
    case QDCNN_GATE_X: return kX;
    case QDCNN_GATE_Y: return kY;
    case QDCNN_GATE_Z: return kZ;
    case QDCNN_GATE_S: return {1, 0, 0, I1};
    case QDCNN_GATE_SDG: return {1, 0, 0, -I1};
    case QDCNN_GATE_T: return {1, 0, 0, std::exp(I1 * M_PI / 4.0)};
    case QDCNN_GATE_TDG: return {1, 0, 0, std::exp(-I1 * M_PI / 4.0)};
    case QDCNN_GATE_SX: return {0.5 + 0.5 * I1, 0.5 - 0.5 * I1, 0.5 - 0.5 * I1, 0.5 + 0.5 * I1};
    case QDCNN_GATE_RX: return rotation(kX, a[0]);
    case QDCNN_GATE_RY: return rotation(kY, a[0]);
    case QDCNN_GATE_RZ: return rotation(kZ, a[0]);
    case QDCNN_GATE_PHASE: return {1, 0, 0, std::exp(I1 * a[0])};
    case QDCNN_GATE_U3:
      return {std::cos(a[0] / 2), -std::exp(I1 * a[2]) * std::sin(a[0] / 2),
              std::exp(I1 * a[1]) * std::sin(a[0] / 2),
              std::exp(I1 * (a[1] + a[2])) * std::cos(a[0] / 2)};
    case QDCNN_GATE_CNOT: return controlled(kX);
    case QDCNN_GATE_CZ: return controlled(kZ);
    case QDCNN_GATE_SWAP: return {1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1};
    case QDCNN_GATE_CRX: return controlled(rotation(kX, a[0]));
    case QDCNN_GATE_CRY: return controlled(rotation(kY, a[0]));
    case QDCNN_GATE_CRZ: return controlled(rotation(kZ, a[0]));
    case QDCNN_GATE_CPHASE: return controlled({1, 0, 0, std::exp(I1 * a[0])});
    case QDCNN_GATE_RXX: return rotation(kron_bits(kX, kX), a[0]);
    case QDCNN_GATE_RYY: return rotation(kron_bits(kY, kY), a[0]);
    case QDCNN_GATE_RZZ: return rotation(kron_bits(kZ, kZ), a[0]);
  }
  ADD_FAILURE() << "no expected matrix for gate " << gate;
  return {};
}

TEST(Gates, EveryGateMatchesItsMatrix) {
  const std::vector<double> angles = {0.7, -1.3, 2.1};
  for (const GateShape& g : all_fixed_gates()) {
    std::vector<double> a(angles.begin(), angles.begin() + g.n_angles);
    const M actual = gate_matrix(g.gate, g.n_qubits, a);
    const M want = expected(g.gate, a);
    ASSERT_EQ(actual.size(), want.size()) << "gate " << g.gate;
    EXPECT_LT(max_abs_diff(actual, want), 1e-14) << "gate " << find_gate(g.gate)->name;
  }
}

TEST(Gates, EveryGateIsUnitary) {
  for (const GateShape& g : all_fixed_gates()) {
    std::vector<double> a = {0.3, 1.9, -2.5};
    a.resize(static_cast<size_t>(g.n_angles));
    const M m = gate_matrix(g.gate, g.n_qubits, a);
    EXPECT_TRUE(is_unitary(m.data(), 1 << g.n_qubits, 1e-12)) << find_gate(g.gate)->name;
  }
}

TEST(Gates, DerivativesMatchFiniteDifferences) {
  const double h = 1e-6;
  for (const GateShape& g : all_fixed_gates()) {
    for (int which = 0; which < g.n_angles; ++which) {
      std::vector<double> a = {0.4, -0.8, 1.5};
      a.resize(static_cast<size_t>(g.n_angles));
      M d(size_t{1} << (2 * g.n_qubits));
      gate_matrix_derivative_into(g.gate, a.data(), which, d.data());
      std::vector<double> plus = a, minus = a;
      plus[static_cast<size_t>(which)] += h;
      minus[static_cast<size_t>(which)] -= h;
      const M mp = gate_matrix(g.gate, g.n_qubits, plus), mm = gate_matrix(g.gate, g.n_qubits, minus);
      for (size_t i = 0; i < d.size(); ++i) {
        EXPECT_NEAR(std::abs(d[i] - (mp[i] - mm[i]) / (2 * h)), 0.0, 1e-8)
            << find_gate(g.gate)->name << " angle " << which << " entry " << i;
      }
    }
  }
}

TEST(Gates, TableAgreesWithEnum) {
  for (int32_t kind = 0; kind <= QDCNN_GATE_UNITARY2; ++kind) {
    ASSERT_NE(find_gate(kind), nullptr);
    EXPECT_EQ(find_gate(kind)->kind, kind);
  }
  EXPECT_EQ(find_gate(-1), nullptr);
  EXPECT_EQ(find_gate(QDCNN_GATE_UNITARY2 + 1), nullptr);
}

}  // namespace
}  // namespace qdcnn::test
