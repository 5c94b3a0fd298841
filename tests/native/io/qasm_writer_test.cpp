#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <stdexcept>
#include <string>

#include "io/parsed_circuit.h"
#include "qdcnn/qdcnn.h"
#include "reference_state.h"

namespace qdcnn::io {
namespace {

using testing::Complex;

// Every gate kind the writer handles, on a 3-qubit register, with awkward angles.
ParsedCircuit every_gate_circuit() {
  ParsedCircuit c;
  c.n_qubits = 3;
  const double a = 0.1234567890123456789, b = -2.718281828459045, d = 1e-7;
  c.ops = {{QDCNN_GATE_I, {0}, {}, {}},         {QDCNN_GATE_H, {0}, {}, {}},
           {QDCNN_GATE_X, {1}, {}, {}},         {QDCNN_GATE_Y, {2}, {}, {}},
           {QDCNN_GATE_Z, {0}, {}, {}},         {QDCNN_GATE_S, {1}, {}, {}},
           {QDCNN_GATE_SDG, {2}, {}, {}},       {QDCNN_GATE_T, {0}, {}, {}},
           {QDCNN_GATE_TDG, {1}, {}, {}},       {QDCNN_GATE_SX, {2}, {}, {}},
           {QDCNN_GATE_RX, {0}, {a}, {}},       {QDCNN_GATE_RY, {1}, {b}, {}},
           {QDCNN_GATE_RZ, {2}, {d}, {}},       {QDCNN_GATE_PHASE, {0}, {b}, {}},
           {QDCNN_GATE_U3, {1}, {a, b, d}, {}}, {QDCNN_GATE_CNOT, {0, 2}, {}, {}},
           {QDCNN_GATE_CZ, {2, 1}, {}, {}},     {QDCNN_GATE_SWAP, {1, 0}, {}, {}},
           {QDCNN_GATE_CRX, {0, 1}, {a}, {}},   {QDCNN_GATE_CRY, {2, 0}, {b}, {}},
           {QDCNN_GATE_CRZ, {1, 2}, {1.5}, {}}, {QDCNN_GATE_CPHASE, {2, 1}, {a}, {}},
           {QDCNN_GATE_RXX, {0, 2}, {b}, {}},   {QDCNN_GATE_RYY, {2, 1}, {0.9}, {}},
           {QDCNN_GATE_RZZ, {1, 0}, {a}, {}},   {QDCNN_GATE_H, {1}, {}, {}}};
  return c;
}

TEST(QasmWriter, WritesAHeaderAndOneRegister) {
  ParsedCircuit c;
  c.n_qubits = 2;
  c.ops = {{QDCNN_GATE_CNOT, {1, 0}, {}, {}}, {QDCNN_GATE_RZ, {0}, {0.1}, {}}};
  EXPECT_EQ(write_qasm(c),
            "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncx q[1],q[0];\n"
            "rz(0.10000000000000001) q[0];\n");
}

TEST(QasmWriter, RoundTripReproducesTheStateExactly) {
  const ParsedCircuit original = every_gate_circuit();
  const std::string text = write_qasm(original);
  const ParsedCircuit reparsed = parse_qasm(text);
  EXPECT_EQ(reparsed.n_qubits, original.n_qubits);
  EXPECT_LT(testing::distance(testing::run(original), testing::run(reparsed), false), 1e-14) << text;
}

TEST(QasmWriter, AnglesKeepFullPrecision) {
  const ParsedCircuit original = every_gate_circuit();
  const ParsedCircuit reparsed = parse_qasm(write_qasm(original));
  // Ops other than the decomposed RXX/RYY come back one to one, bit-identical.
  size_t j = 0;
  for (const ParsedOp& op : original.ops) {
    if (op.gate == QDCNN_GATE_RXX || op.gate == QDCNN_GATE_RYY) {
      j += 7;
      continue;
    }
    ASSERT_LT(j, reparsed.ops.size());
    EXPECT_EQ(reparsed.ops[j].gate, op.gate);
    EXPECT_EQ(reparsed.ops[j].qubits, op.qubits);
    EXPECT_EQ(reparsed.ops[j].angles, op.angles);
    ++j;
  }
  EXPECT_EQ(j, reparsed.ops.size());
}

TEST(QasmWriter, OneQubitUnitaryBecomesU3UpToGlobalPhase) {
  std::mt19937_64 rng(7);
  std::normal_distribution<double> normal;
  for (int trial = 0; trial < 200; ++trial) {
    // Random unitary from a random complex matrix by Gram-Schmidt; every tenth one a special
    // case: diagonal, anti-diagonal or nearly so.
    Complex m[4];
    for (Complex& x : m) x = Complex(normal(rng), normal(rng));
    if (trial % 10 == 1) m[1] = m[2] = 0;
    if (trial % 10 == 2) m[0] = m[3] = 0;
    if (trial % 10 == 3) m[2] = 1e-14, m[1] = -1e-14;
    double n0 = std::sqrt(std::norm(m[0]) + std::norm(m[2]));
    m[0] /= n0, m[2] /= n0;
    const Complex proj = std::conj(m[0]) * m[1] + std::conj(m[2]) * m[3];
    m[1] -= proj * m[0], m[3] -= proj * m[2];
    double n1 = std::sqrt(std::norm(m[1]) + std::norm(m[3]));
    m[1] /= n1, m[3] /= n1;
    ParsedCircuit c;
    c.n_qubits = 2;
    c.ops = {{QDCNN_GATE_H, {0}, {}, {}},
             {QDCNN_GATE_UNITARY1, {trial % 2}, {}, {m[0], m[1], m[2], m[3]}},
             {QDCNN_GATE_CNOT, {0, 1}, {}, {}}};
    const ParsedCircuit reparsed = parse_qasm(write_qasm(c));
    ASSERT_EQ(reparsed.ops.size(), 3u);
    EXPECT_EQ(reparsed.ops[1].gate, QDCNN_GATE_U3);
    EXPECT_LT(testing::distance(testing::run(c), testing::run(reparsed), true), 1e-13) << "trial " << trial;
  }
}

TEST(QasmWriter, RejectsWhatQasm2CannotExpressOrInvalidOps) {
  ParsedCircuit c;
  c.n_qubits = 2;
  std::vector<Complex> identity(16, 0.0);
  for (int k = 0; k < 4; ++k) identity[k * 5] = 1;
  c.ops = {{QDCNN_GATE_UNITARY2, {0, 1}, {}, identity}};
  try {
    write_qasm(c);
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find("QASM 2.0 cannot express an arbitrary two-qubit unitary"), std::string::npos);
  }
  c.ops = {{QDCNN_GATE_H, {2}, {}, {}}};
  EXPECT_THROW(write_qasm(c), std::invalid_argument);
  c.ops = {{QDCNN_GATE_RX, {0}, {}, {}}};
  EXPECT_THROW(write_qasm(c), std::invalid_argument);
  c.ops = {{QDCNN_GATE_RX, {0}, {std::nan("")}, {}}};
  EXPECT_THROW(write_qasm(c), std::invalid_argument);
  c.ops = {{QDCNN_GATE_CZ, {1, 1}, {}, {}}};
  EXPECT_THROW(write_qasm(c), std::invalid_argument);
  c.ops = {{99, {0}, {}, {}}};
  EXPECT_THROW(write_qasm(c), std::invalid_argument);
  c.ops = {};
  c.n_qubits = 0;
  EXPECT_THROW(write_qasm(c), std::invalid_argument);
}

TEST(QasmWriter, QsimCircuitsExportAndReimportToTheSameState) {
  // A qsim file without two-qubit matrix gates: every gate (incl. UNITARY1) is expressible.
  const ParsedCircuit original = parse_qsim(
      "3\n0 h 0\n0 x_1_2 1\n0 y_1_2 2\n1 hz_1_2 0\n1 rxy 1 0.3 1.1\n2 cz 0 1\n2 cp 1 2 0.4\n"
      "3 rz 2 0.2\n3 cnot 2 0\n4 sw 0 1\n5 t 2\n");
  const ParsedCircuit reparsed = parse_qasm(write_qasm(original));
  EXPECT_LT(testing::distance(testing::run(original), testing::run(reparsed), true), 1e-13);
}

}  // namespace
}  // namespace qdcnn::io
