#include <gtest/gtest.h>

#include <cmath>
#include <complex>
#include <string>

#include "io/parsed_circuit.h"
#include "qdcnn/qdcnn.h"
#include "reference_state.h"

namespace qdcnn::io {
namespace {

using testing::Complex;
using testing::Matrix;

int error_line(const std::string& text) {
  try {
    parse_qsim(text);
  } catch (const ParseError& error) {
    return error.line();
  }
  return -1;
}

ParsedOp parse_single(const std::string& line) {
  const ParsedCircuit circuit = parse_qsim("3\n" + line + "\n");
  EXPECT_EQ(circuit.ops.size(), 1u) << line;
  return circuit.ops.empty() ? ParsedOp{} : circuit.ops[0];
}

void expect_matrix_near(const Matrix& actual, const Matrix& expected, const std::string& what) {
  ASSERT_EQ(actual.size(), expected.size()) << what;
  for (size_t k = 0; k < actual.size(); ++k) {
    EXPECT_NEAR(std::abs(actual[k] - expected[k]), 0.0, 1e-15) << what << " entry " << k;
  }
}

Matrix multiply(const Matrix& a, const Matrix& b) {
  const size_t n = a.size() == 4 ? 2 : 4;
  Matrix c(n * n, 0.0);
  for (size_t i = 0; i < n; ++i)
    for (size_t j = 0; j < n; ++j)
      for (size_t k = 0; k < n; ++k) c[i * n + j] += a[i * n + k] * b[k * n + j];
  return c;
}

TEST(QsimParser, NamedGatesMapOntoQdcnnGates) {
  struct Case { const char* line; int32_t gate; std::vector<int32_t> qubits; std::vector<double> angles; };
  const Case cases[] = {
      {"0 id1 1", QDCNN_GATE_I, {1}, {}},       {"0 h 0", QDCNN_GATE_H, {0}, {}},
      {"0 t 2", QDCNN_GATE_T, {2}, {}},         {"0 x 1", QDCNN_GATE_X, {1}, {}},
      {"0 y 1", QDCNN_GATE_Y, {1}, {}},         {"0 z 1", QDCNN_GATE_Z, {1}, {}},
      {"0 s 1", QDCNN_GATE_S, {1}, {}},         {"0 rx 1 0.79", QDCNN_GATE_RX, {1}, {0.79}},
      {"0 ry 2 -1.05", QDCNN_GATE_RY, {2}, {-1.05}}, {"0 rz 0 1e-2", QDCNN_GATE_RZ, {0}, {0.01}},
      {"0 cz 2 0", QDCNN_GATE_CZ, {2, 0}, {}},  {"0 cx 0 1", QDCNN_GATE_CNOT, {0, 1}, {}},
      {"0 cnot 1 0", QDCNN_GATE_CNOT, {1, 0}, {}}, {"0 sw 0 2", QDCNN_GATE_SWAP, {0, 2}, {}},
      {"0 swap 2 1", QDCNN_GATE_SWAP, {2, 1}, {}},
      // qsim's cp(phi) is diag(1, 1, 1, e^{-i phi}) (lib/gates_qsim.h): CPHASE(-phi).
      {"0 cp 0 1 0.78", QDCNN_GATE_CPHASE, {0, 1}, {-0.78}},
  };
  for (const Case& c : cases) {
    const ParsedOp op = parse_single(c.line);
    EXPECT_EQ(op.gate, c.gate) << c.line;
    EXPECT_EQ(op.qubits, c.qubits) << c.line;
    EXPECT_EQ(op.angles, c.angles) << c.line;
  }
}

TEST(QsimParser, MatrixGatesMatchTheirDefinitions) {
  const Complex i(0, 1);
  const double r = 1 / std::sqrt(2.0);
  // x_1_2 = sqrt(X) = SX.
  ParsedOp op = parse_single("0 x_1_2 1");
  EXPECT_EQ(op.gate, QDCNN_GATE_UNITARY1);
  EXPECT_EQ(op.qubits, std::vector<int32_t>{1});
  expect_matrix_near(op.matrix, testing::one_qubit_matrix(QDCNN_GATE_SX, {}), "x_1_2");
  expect_matrix_near(multiply(op.matrix, op.matrix), testing::one_qubit_matrix(QDCNN_GATE_X, {}), "x_1_2^2");
  // y_1_2 squares to Y.
  op = parse_single("0 y_1_2 0");
  expect_matrix_near(multiply(op.matrix, op.matrix), testing::one_qubit_matrix(QDCNN_GATE_Y, {}), "y_1_2^2");
  // hz_1_2 = sqrt(i) Rxy(pi/4, pi/2); squared: i Rxy(pi/4, pi) = W = (X + Y)/sqrt(2).
  op = parse_single("0 hz_1_2 2");
  expect_matrix_near(multiply(op.matrix, op.matrix), {0, r * (1.0 - i), r * (1.0 + i), 0}, "hz_1_2^2");
  // rxy(theta, phi) = exp(-i phi (cos theta X + sin theta Y) / 2).
  op = parse_single("0 rxy 0 1.05 0.79");
  EXPECT_TRUE(op.angles.empty());
  const double c = std::cos(0.79 / 2), s = std::sin(0.79 / 2);
  const Complex nx = std::cos(1.05), ny = std::sin(1.05);
  expect_matrix_near(op.matrix, {c, -i * s * (nx - i * ny), -i * s * (nx + i * ny), c}, "rxy");
  // rxy(0, phi) = RX(phi).
  op = parse_single("0 rxy 0 0 0.6");
  expect_matrix_near(op.matrix, testing::one_qubit_matrix(QDCNN_GATE_RX, {0.6}), "rxy(0, phi)");
}

TEST(QsimParser, TwoQubitMatrixGatesMatchTheirDefinitions) {
  const Complex i(0, 1);
  ParsedOp op = parse_single("0 is 0 2");
  EXPECT_EQ(op.gate, QDCNN_GATE_UNITARY2);
  EXPECT_EQ(op.qubits, (std::vector<int32_t>{0, 2}));
  Matrix iswap(16, 0.0);
  iswap[0] = iswap[15] = 1;
  iswap[1 * 4 + 2] = iswap[2 * 4 + 1] = i;
  expect_matrix_near(op.matrix, iswap, "is");
  // fSim(theta, phi) with theta = pi/2, phi = 0 is iSWAP^dagger... up to the sign of i.
  op = parse_single("0 fs 1 2 0.3 0.7");
  Matrix fsim(16, 0.0);
  fsim[0] = 1;
  fsim[1 * 4 + 1] = fsim[2 * 4 + 2] = std::cos(0.3);
  fsim[1 * 4 + 2] = fsim[2 * 4 + 1] = -i * std::sin(0.3);
  fsim[15] = std::polar(1.0, -0.7);
  expect_matrix_near(op.matrix, fsim, "fs");
}

TEST(QsimParser, Id2IsTwoIdentities) {
  const ParsedCircuit circuit = parse_qsim("3\n0 id2 2 0\n");
  ASSERT_EQ(circuit.ops.size(), 2u);
  EXPECT_EQ(circuit.ops[0].gate, QDCNN_GATE_I);
  EXPECT_EQ(circuit.ops[0].qubits, std::vector<int32_t>{2});
  EXPECT_EQ(circuit.ops[1].qubits, std::vector<int32_t>{0});
}

TEST(QsimParser, GlobalPhaseMultipliesEveryAmplitude) {
  // qsim's `p phi` (GateGPh in lib/gates_qsim.h) takes no qubits.
  const ParsedCircuit circuit = parse_qsim("2\n0 h 0\n1 p 0.5\n");
  ASSERT_EQ(circuit.ops.size(), 2u);
  EXPECT_EQ(circuit.ops[1].gate, QDCNN_GATE_UNITARY1);
  ParsedCircuit without = circuit;
  without.ops.pop_back();
  const auto a = testing::run(circuit);
  const auto b = testing::run(without);
  for (size_t k = 0; k < a.size(); ++k) {
    EXPECT_NEAR(std::abs(a[k] - std::polar(1.0, 0.5) * b[k]), 0.0, 1e-15);
  }
}

TEST(QsimParser, AcceptsBlankLinesCommentsAndEqualTimes) {
  const ParsedCircuit circuit = parse_qsim(
      "# a comment\n\n  4  \n0 h 0\n0 h 1\n\n1 cz 0 1\r\n1 rz 2 0.5\n5 fs 2 3 0.1 0.2\n");
  EXPECT_EQ(circuit.n_qubits, 4);
  EXPECT_EQ(circuit.ops.size(), 5u);
}

TEST(QsimParser, MalformedFilesNameTheLine) {
  EXPECT_EQ(error_line(""), 1);
  EXPECT_EQ(error_line("two\n"), 1);
  EXPECT_EQ(error_line("0\n"), 1);
  EXPECT_EQ(error_line("31\n"), 1);
  EXPECT_EQ(error_line("2 3\n"), 1);
  EXPECT_EQ(error_line("2\n0 h 0\n0 foo 1\n"), 3);   // unknown gate
  EXPECT_EQ(error_line("2\n0 h 2\n"), 2);             // qubit out of range
  EXPECT_EQ(error_line("2\n0 h -1\n"), 2);            // not a qubit index
  EXPECT_EQ(error_line("2\n0 cz 1 1\n"), 2);          // duplicate qubits
  EXPECT_EQ(error_line("2\n0 cz 1\n"), 2);            // too few qubits
  EXPECT_EQ(error_line("2\n0 h 0 1\n"), 2);           // trailing value
  EXPECT_EQ(error_line("2\n0 rx 0\n"), 2);            // missing parameter
  EXPECT_EQ(error_line("2\n0 rx 0 abc\n"), 2);        // not a number
  EXPECT_EQ(error_line("2\n0 rx 0 nan\n"), 2);        // not finite
  EXPECT_EQ(error_line("2\n0 rx 0 1e999\n"), 2);      // overflows
  EXPECT_EQ(error_line("2\n0 fs 0 1 0.1\n"), 2);
  EXPECT_EQ(error_line("2\n1 h 0\n\n0 h 1\n"), 4);     // time decreases
  EXPECT_EQ(error_line("2\nx h 0\n"), 2);             // bad time
  EXPECT_EQ(error_line("2\n-1 h 0\n"), 2);
  EXPECT_EQ(error_line("2\n3\n"), 2);                 // no gate name
  try {
    parse_qsim("2\n0 h 0\n1 bogus 0\n");
    FAIL() << "expected a ParseError";
  } catch (const ParseError& error) {
    EXPECT_STREQ(error.what(), "line 3: unknown qsim gate 'bogus'");
  }
}

}  // namespace
}  // namespace qdcnn::io
