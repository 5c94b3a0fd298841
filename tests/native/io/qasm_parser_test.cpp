#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "io/parsed_circuit.h"
#include "qdcnn/qdcnn.h"

namespace qdcnn::io {
namespace {

const std::string kHeader = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[3];\n";

ParsedOp parse_single(const std::string& statement) {
  const ParsedCircuit circuit = parse_qasm(kHeader + statement + "\n");
  EXPECT_EQ(circuit.n_qubits, 3);
  EXPECT_EQ(circuit.ops.size(), 1u) << statement;
  return circuit.ops.empty() ? ParsedOp{} : circuit.ops[0];
}

// The line ParseError names, or -1 when the text parses.
int error_line(const std::string& text) {
  try {
    parse_qasm(text);
  } catch (const ParseError& error) {
    return error.line();
  }
  return -1;
}

std::string error_message(const std::string& text) {
  try {
    parse_qasm(text);
  } catch (const ParseError& error) {
    return error.what();
  }
  return "";
}

struct GateCase {
  const char* statement;
  int32_t gate;
  std::vector<int32_t> qubits;
  std::vector<double> angles;
};

class QasmGateTest : public ::testing::TestWithParam<GateCase> {};

TEST_P(QasmGateTest, ParsesToTheGateQubitsAndAngles) {
  const GateCase& c = GetParam();
  const ParsedOp op = parse_single(c.statement);
  EXPECT_EQ(op.gate, c.gate) << c.statement;
  EXPECT_EQ(op.qubits, c.qubits) << c.statement;
  ASSERT_EQ(op.angles.size(), c.angles.size()) << c.statement;
  for (size_t k = 0; k < c.angles.size(); ++k) EXPECT_NEAR(op.angles[k], c.angles[k], 1e-15) << c.statement;
  EXPECT_TRUE(op.matrix.empty());
}

const double pi = M_PI;

INSTANTIATE_TEST_SUITE_P(
    EveryQelib1Gate, QasmGateTest,
    ::testing::Values(
        GateCase{"id q[1];", QDCNN_GATE_I, {1}, {}}, GateCase{"i q[1];", QDCNN_GATE_I, {1}, {}},
        GateCase{"h q[0];", QDCNN_GATE_H, {0}, {}}, GateCase{"x q[2];", QDCNN_GATE_X, {2}, {}},
        GateCase{"y q[1];", QDCNN_GATE_Y, {1}, {}}, GateCase{"z q[0];", QDCNN_GATE_Z, {0}, {}},
        GateCase{"s q[0];", QDCNN_GATE_S, {0}, {}}, GateCase{"sdg q[0];", QDCNN_GATE_SDG, {0}, {}},
        GateCase{"t q[0];", QDCNN_GATE_T, {0}, {}}, GateCase{"tdg q[0];", QDCNN_GATE_TDG, {0}, {}},
        GateCase{"sx q[2];", QDCNN_GATE_SX, {2}, {}},
        GateCase{"rx(0.25) q[1];", QDCNN_GATE_RX, {1}, {0.25}},
        GateCase{"ry(-1.5) q[1];", QDCNN_GATE_RY, {1}, {-1.5}},
        GateCase{"rz(pi) q[2];", QDCNN_GATE_RZ, {2}, {pi}},
        GateCase{"p(pi/8) q[0];", QDCNN_GATE_PHASE, {0}, {pi / 8}},
        GateCase{"u1(0.5) q[0];", QDCNN_GATE_PHASE, {0}, {0.5}},
        GateCase{"u3(0.1,0.2,0.3) q[1];", QDCNN_GATE_U3, {1}, {0.1, 0.2, 0.3}},
        GateCase{"u(0.1,0.2,0.3) q[1];", QDCNN_GATE_U3, {1}, {0.1, 0.2, 0.3}},
        GateCase{"U(0.1,0.2,0.3) q[1];", QDCNN_GATE_U3, {1}, {0.1, 0.2, 0.3}},
        GateCase{"u2(0.2,0.3) q[1];", QDCNN_GATE_U3, {1}, {pi / 2, 0.2, 0.3}},
        GateCase{"cx q[0],q[2];", QDCNN_GATE_CNOT, {0, 2}, {}},
        GateCase{"CX q[2],q[0];", QDCNN_GATE_CNOT, {2, 0}, {}},
        GateCase{"cnot q[1],q[0];", QDCNN_GATE_CNOT, {1, 0}, {}},
        GateCase{"cz q[1],q[2];", QDCNN_GATE_CZ, {1, 2}, {}},
        GateCase{"swap q[2],q[1];", QDCNN_GATE_SWAP, {2, 1}, {}},
        GateCase{"crx(0.7) q[0],q[1];", QDCNN_GATE_CRX, {0, 1}, {0.7}},
        GateCase{"cry(0.7) q[1],q[0];", QDCNN_GATE_CRY, {1, 0}, {0.7}},
        GateCase{"crz(0.7) q[2],q[0];", QDCNN_GATE_CRZ, {2, 0}, {0.7}},
        GateCase{"cp(0.7) q[0],q[1];", QDCNN_GATE_CPHASE, {0, 1}, {0.7}},
        GateCase{"cu1(0.7) q[0],q[1];", QDCNN_GATE_CPHASE, {0, 1}, {0.7}},
        GateCase{"rxx(0.4) q[0],q[2];", QDCNN_GATE_RXX, {0, 2}, {0.4}},
        GateCase{"ryy(0.4) q[0],q[2];", QDCNN_GATE_RYY, {0, 2}, {0.4}},
        GateCase{"rzz(0.4) q[2],q[0];", QDCNN_GATE_RZZ, {2, 0}, {0.4}}));

struct ExpressionCase {
  const char* expression;
  double value;
};

class QasmExpressionTest : public ::testing::TestWithParam<ExpressionCase> {};

TEST_P(QasmExpressionTest, EvaluatesTheAngle) {
  const ParsedOp op = parse_single(std::string("rz(") + GetParam().expression + ") q[0];");
  ASSERT_EQ(op.angles.size(), 1u);
  EXPECT_NEAR(op.angles[0], GetParam().value, 1e-14) << GetParam().expression;
}

INSTANTIATE_TEST_SUITE_P(
    Expressions, QasmExpressionTest,
    ::testing::Values(ExpressionCase{"3", 3}, ExpressionCase{"0.125", 0.125},
                      ExpressionCase{".5", 0.5}, ExpressionCase{"1e-3", 1e-3},
                      ExpressionCase{"2.5E+2", 250}, ExpressionCase{"-pi", -pi},
                      ExpressionCase{"-pi/2", -pi / 2}, ExpressionCase{"pi*3/4", pi * 3 / 4},
                      ExpressionCase{"1+2*3", 7}, ExpressionCase{"(1+2)*3", 9},
                      ExpressionCase{"2-3-4", -5}, ExpressionCase{"8/2/2", 2},
                      ExpressionCase{"2^3", 8}, ExpressionCase{"2^3^2", 512},
                      ExpressionCase{"-2^2", -4}, ExpressionCase{"2^-1", 0.5},
                      ExpressionCase{"--1", 1}, ExpressionCase{"+0.5", 0.5},
                      ExpressionCase{"((pi))", pi}, ExpressionCase{"sin(pi/2)", 1},
                      ExpressionCase{"cos(0)+sqrt(4)", 3}, ExpressionCase{"ln(exp(2))", 2},
                      ExpressionCase{"tan(0)", 0}));

TEST(QasmParser, SplitsStatementsOnSemicolonsAcrossLines) {
  const ParsedCircuit circuit = parse_qasm(
      "OPENQASM 2.0; include \"qelib1.inc\"; qreg q[2]; creg c[2];\n"
      "h q[0]; cx q[0],\n   q[1]; rz(\n pi/4\n) q[1];  // trailing comment; h q[0];\n"
      "// a whole-line comment\nbarrier q[0],q[1];\nmeasure q[0] -> c[0];\nmeasure q -> c;\n");
  EXPECT_EQ(circuit.n_qubits, 2);
  ASSERT_EQ(circuit.ops.size(), 3u);
  EXPECT_EQ(circuit.ops[0].gate, QDCNN_GATE_H);
  EXPECT_EQ(circuit.ops[1].gate, QDCNN_GATE_CNOT);
  EXPECT_EQ(circuit.ops[2].gate, QDCNN_GATE_RZ);
  EXPECT_NEAR(circuit.ops[2].angles[0], pi / 4, 1e-15);
}

TEST(QasmParser, HeaderAndIncludeAreOptional) {
  const ParsedCircuit circuit = parse_qasm("qreg r[1]; x r[0];");
  EXPECT_EQ(circuit.n_qubits, 1);
  ASSERT_EQ(circuit.ops.size(), 1u);
}

TEST(QasmParser, RegisterWideGateAppliesToEveryQubit) {
  const ParsedCircuit circuit = parse_qasm(kHeader + "h q;\nrx(0.5) q;\n");
  ASSERT_EQ(circuit.ops.size(), 6u);
  for (int k = 0; k < 3; ++k) {
    EXPECT_EQ(circuit.ops[k].gate, QDCNN_GATE_H);
    EXPECT_EQ(circuit.ops[k].qubits, std::vector<int32_t>{k});
    EXPECT_EQ(circuit.ops[3 + k].angles, std::vector<double>{0.5});
  }
}

TEST(QasmParser, RegisterWideTwoQubitGateNamingAQubitTwiceIsAnError) {
  // cx q[0], q broadcasts to cx q[0],q[0] first: a duplicate.
  EXPECT_EQ(error_line(kHeader + "cx q[0],q;\n"), 4);
  EXPECT_EQ(error_line(kHeader + "cx q,q;\n"), 4);
}

TEST(QasmParser, MalformedFilesNameTheLine) {
  // unknown gate
  EXPECT_EQ(error_line(kHeader + "h q[0];\nfoo q[0];\n"), 5);
  EXPECT_NE(error_message(kHeader + "foo q[0];\n").find("unknown gate 'foo'"), std::string::npos);
  // bad qubit index
  EXPECT_EQ(error_line(kHeader + "h q[3];\n"), 4);
  EXPECT_NE(error_message(kHeader + "h q[3];\n").find("out of range"), std::string::npos);
  EXPECT_EQ(error_line(kHeader + "h q[-1];\n"), 4);
  EXPECT_EQ(error_line(kHeader + "h r[0];\n"), 4);
  // wrong argument counts
  EXPECT_EQ(error_line(kHeader + "\nrx q[0];\n"), 5);
  EXPECT_NE(error_message(kHeader + "rx q[0];\n").find("takes 1 angle, got 0"), std::string::npos);
  EXPECT_EQ(error_line(kHeader + "h(0.1) q[0];\n"), 4);
  EXPECT_EQ(error_line(kHeader + "u3(1,2) q[0];\n"), 4);
  EXPECT_EQ(error_line(kHeader + "cx q[0];\n"), 4);
  EXPECT_NE(error_message(kHeader + "cx q[0];\n").find("takes 2 qubits, got 1"), std::string::npos);
  EXPECT_EQ(error_line(kHeader + "h q[0],q[1];\n"), 4);
  // missing semicolon: the line of the unterminated statement, not the next one
  EXPECT_EQ(error_line(kHeader + "h q[0]\ncx q[0],q[1];\n"), 4);
  EXPECT_NE(error_message(kHeader + "h q[0]\nx q[1];\n").find("missing semicolon"), std::string::npos);
  EXPECT_EQ(error_line(kHeader + "h q[0]"), 4);
  // duplicate qubits
  EXPECT_EQ(error_line(kHeader + "cx q[1],q[1];\n"), 4);
  EXPECT_NE(error_message(kHeader + "cz q[1],q[1];\n").find("duplicate"), std::string::npos);
  // more than one qreg
  EXPECT_EQ(error_line(kHeader + "qreg r[2];\n"), 4);
  EXPECT_NE(error_message(kHeader + "qreg r[2];\n").find("second 'qreg'"), std::string::npos);
  // expressions
  EXPECT_EQ(error_line(kHeader + "rz(theta) q[0];\n"), 4);
  EXPECT_EQ(error_line(kHeader + "rz(1/0) q[0];\n"), 4);
  EXPECT_EQ(error_line(kHeader + "rz((1+2) q[0];\n"), 4);
  EXPECT_EQ(error_line(kHeader + "rz(1e) q[0];\n"), 4);
  EXPECT_EQ(error_line(kHeader + "rz(1+) q[0];\n"), 4);
  // header and declarations
  EXPECT_EQ(error_line("OPENQASM 3.0;\nqreg q[1];\n"), 1);
  EXPECT_EQ(error_line("qreg q[1];\nOPENQASM 2.0;\n"), 2);
  EXPECT_EQ(error_line("OPENQASM 2.0;\ninclude \"stdgates.inc\";\n"), 2);
  EXPECT_EQ(error_line("OPENQASM 2.0;\nh q[0];\n"), 2);
  EXPECT_EQ(error_line("OPENQASM 2.0;\nqreg q[0];\n"), 2);
  EXPECT_EQ(error_line("OPENQASM 2.0;\nqreg q[31];\n"), 2);
  EXPECT_EQ(error_line("OPENQASM 2.0;\nqreg q[2.5];\n"), 2);
  EXPECT_EQ(error_line("OPENQASM 2.0;\n\n"), 3);
  EXPECT_EQ(error_line(kHeader + "gate foo a { h a; }\n"), 4);
  EXPECT_EQ(error_line(kHeader + "reset q[0];\n"), 4);
  EXPECT_EQ(error_line(kHeader + "h q[0]; @\n"), 4);
  EXPECT_EQ(error_line(kHeader + "include \"qelib1.inc\n"), 4);
  EXPECT_EQ(error_line(kHeader + "barrier q\n"), 4);
  // the message starts with the line
  EXPECT_EQ(error_message(kHeader + "\n\nfoo q[0];").rfind("line 6: ", 0), 0u);
}

TEST(QasmParser, EmptyInputIsAnError) {
  EXPECT_EQ(error_line(""), 1);
  EXPECT_EQ(error_line("// only a comment\n"), 2);
}

}  // namespace
}  // namespace qdcnn::io

namespace qdcnn::io {
namespace {

TEST(QasmParser, DeeplyNestedExpressionsAreAnErrorNotACrash) {
  const std::string deep_parentheses = std::string(5000, '(') + "1" + std::string(5000, ')');
  EXPECT_EQ(error_line(kHeader + "rz(" + deep_parentheses + ") q[0];\n"), 4);
  EXPECT_EQ(error_line(kHeader + "rz(" + std::string(5000, '-') + "1) q[0];\n"), 4);
  // Moderate nesting is fine.
  const ParsedOp op = parse_single("rz(" + std::string(50, '(') + "2" + std::string(50, ')') + ") q[0];");
  EXPECT_EQ(op.angles, std::vector<double>{2.0});
}

}  // namespace
}  // namespace qdcnn::io
