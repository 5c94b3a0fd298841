// OpenQASM 2.0 writer. Every gate maps onto qelib1.inc names, except:
// - RXX and RYY are written as their standard CNOT decompositions (qelib1.inc has no ryy in
//   most versions; rxx/ryy are exact: basis change, cx, rz, cx, basis change back);
// - UNITARY1 is written as u3(theta, phi, lambda) from a ZYZ decomposition. Its global phase is
//   dropped: the re-imported circuit equals the original up to a global phase;
// - UNITARY2 cannot be written (std::invalid_argument).
#include <cmath>
#include <complex>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "io/parsed_circuit.h"
#include "qdcnn/qdcnn.h"

namespace qdcnn::io {
namespace {

using Complex = std::complex<double>;
constexpr double kTwoPi = 6.28318530717958647693;

struct WrittenGate {
  int32_t gate;
  const char* name;
  int n_qubits;
  int n_angles;
};

constexpr WrittenGate kWrittenGates[] = {
    {QDCNN_GATE_I, "id", 1, 0},         {QDCNN_GATE_H, "h", 1, 0},
    {QDCNN_GATE_X, "x", 1, 0},          {QDCNN_GATE_Y, "y", 1, 0},
    {QDCNN_GATE_Z, "z", 1, 0},          {QDCNN_GATE_S, "s", 1, 0},
    {QDCNN_GATE_SDG, "sdg", 1, 0},      {QDCNN_GATE_T, "t", 1, 0},
    {QDCNN_GATE_TDG, "tdg", 1, 0},      {QDCNN_GATE_SX, "sx", 1, 0},
    {QDCNN_GATE_RX, "rx", 1, 1},        {QDCNN_GATE_RY, "ry", 1, 1},
    {QDCNN_GATE_RZ, "rz", 1, 1},        {QDCNN_GATE_PHASE, "u1", 1, 1},
    {QDCNN_GATE_U3, "u3", 1, 3},        {QDCNN_GATE_CNOT, "cx", 2, 0},
    {QDCNN_GATE_CZ, "cz", 2, 0},        {QDCNN_GATE_SWAP, "swap", 2, 0},
    {QDCNN_GATE_CRX, "crx", 2, 1},      {QDCNN_GATE_CRY, "cry", 2, 1},
    {QDCNN_GATE_CRZ, "crz", 2, 1},      {QDCNN_GATE_CPHASE, "cu1", 2, 1},
    {QDCNN_GATE_RXX, nullptr, 2, 1},    {QDCNN_GATE_RYY, nullptr, 2, 1},
    {QDCNN_GATE_RZZ, "rzz", 2, 1},      {QDCNN_GATE_UNITARY1, nullptr, 1, 0},
    {QDCNN_GATE_UNITARY2, nullptr, 2, 0},
};

const WrittenGate& find_gate(int32_t gate, size_t op_index) {
  for (const WrittenGate& written : kWrittenGates) {
    if (written.gate == gate) return written;
  }
  throw std::invalid_argument("op " + std::to_string(op_index) + ": unknown gate kind " +
                              std::to_string(gate));
}

std::string number(double value) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  return buffer;
}

std::string qubit(int32_t index) { return "q[" + std::to_string(index) + "]"; }

// Angles (theta, phi, lambda) with U = e^{i alpha} u3(theta, phi, lambda), where
// u3 = [[cos(t/2), -e^{i l} sin(t/2)], [e^{i p} sin(t/2), e^{i(p+l)} cos(t/2)]].
// Phases are taken from the larger entries so that tiny entries do not spoil them.
void zyz_angles(const Complex* u, double& theta, double& phi, double& lambda) {
  const double c = std::abs(u[0]);
  const double s = std::abs(u[2]);
  theta = 2 * std::atan2(s, c);
  constexpr double kTiny = 1e-12;
  if (c >= s) {
    const double alpha = std::arg(u[0]);
    const double sum = std::arg(u[3]) - alpha;  // phi + lambda
    phi = s > kTiny ? std::arg(u[2]) - alpha : 0.0;
    lambda = sum - phi;
  } else {
    const double alpha_phi = std::arg(u[2]);      // alpha + phi
    const double alpha_lambda = std::arg(-u[1]);  // alpha + lambda
    const double alpha = c > kTiny ? std::arg(u[0]) : alpha_lambda;
    phi = alpha_phi - alpha;
    lambda = alpha_lambda - alpha;
  }
  // Keep the angles in (-pi, pi] for readability; u3 is 2 pi periodic in phi and lambda.
  phi = std::remainder(phi, kTwoPi);
  lambda = std::remainder(lambda, kTwoPi);
}

void check_op(const ParsedOp& op, const WrittenGate& gate, int32_t n_qubits, size_t index) {
  const std::string where = "op " + std::to_string(index) + ": ";
  if (static_cast<int>(op.qubits.size()) != gate.n_qubits) {
    throw std::invalid_argument(where + "gate " + std::to_string(op.gate) + " needs " +
                                std::to_string(gate.n_qubits) + " qubits, has " +
                                std::to_string(op.qubits.size()));
  }
  for (int32_t q : op.qubits) {
    if (q < 0 || q >= n_qubits) {
      throw std::invalid_argument(where + "qubit " + std::to_string(q) + " is out of range");
    }
  }
  if (op.qubits.size() == 2 && op.qubits[0] == op.qubits[1]) {
    throw std::invalid_argument(where + "duplicate qubits");
  }
  if (static_cast<int>(op.angles.size()) != gate.n_angles) {
    throw std::invalid_argument(where + "gate needs " + std::to_string(gate.n_angles) +
                                " angles, has " + std::to_string(op.angles.size()));
  }
  for (double angle : op.angles) {
    if (!std::isfinite(angle)) throw std::invalid_argument(where + "angle is not finite");
  }
}

void write_op(const ParsedOp& op, size_t index, int32_t n_qubits, std::string& out) {
  const WrittenGate& gate = find_gate(op.gate, index);
  check_op(op, gate, n_qubits, index);
  if (op.gate == QDCNN_GATE_UNITARY2) {
    throw std::invalid_argument("op " + std::to_string(index) +
                                ": QASM 2.0 cannot express an arbitrary two-qubit unitary");
  }
  if (op.gate == QDCNN_GATE_UNITARY1) {
    if (op.matrix.size() != 4) {
      throw std::invalid_argument("op " + std::to_string(index) +
                                  ": a one-qubit unitary needs 4 matrix entries");
    }
    double theta = 0, phi = 0, lambda = 0;
    zyz_angles(op.matrix.data(), theta, phi, lambda);
    out += "u3(" + number(theta) + "," + number(phi) + "," + number(lambda) + ") " +
           qubit(op.qubits[0]) + ";\n";
    return;
  }
  if (op.gate == QDCNN_GATE_RXX || op.gate == QDCNN_GATE_RYY) {
    // exp(-i t P(x)P / 2) = B^dagger (cx; rz(t) on the second; cx) B with B mapping P to Z:
    // B = h for X; B = rx(pi/2) for Y (rx(-pi/2) Z rx(pi/2) = Y).
    const std::string a = qubit(op.qubits[0]);
    const std::string b = qubit(op.qubits[1]);
    const bool xx = op.gate == QDCNN_GATE_RXX;
    const std::string in = xx ? "h " : "rx(pi/2) ";
    const std::string back = xx ? "h " : "rx(-pi/2) ";
    out += std::string("// ") + (xx ? "rxx(" : "ryy(") + number(op.angles[0]) + ") " + a +
           "," + b + "\n";
    out += in + a + ";\n" + in + b + ";\n";
    out += "cx " + a + "," + b + ";\n";
    out += "rz(" + number(op.angles[0]) + ") " + b + ";\n";
    out += "cx " + a + "," + b + ";\n";
    out += back + a + ";\n" + back + b + ";\n";
    return;
  }
  out += gate.name;
  if (!op.angles.empty()) {
    out += "(";
    for (size_t k = 0; k < op.angles.size(); ++k) {
      if (k > 0) out += ",";
      out += number(op.angles[k]);
    }
    out += ")";
  }
  out += " ";
  for (size_t k = 0; k < op.qubits.size(); ++k) {
    if (k > 0) out += ",";
    out += qubit(op.qubits[k]);
  }
  out += ";\n";
}

}  // namespace

std::string write_qasm(const ParsedCircuit& circuit) {
  if (circuit.n_qubits < 1 || circuit.n_qubits > QDCNN_MAX_QUBITS) {
    throw std::invalid_argument("qubit count " + std::to_string(circuit.n_qubits) +
                                " is outside 1.." + std::to_string(QDCNN_MAX_QUBITS));
  }
  std::string out = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[" +
                    std::to_string(circuit.n_qubits) + "];\n";
  for (size_t k = 0; k < circuit.ops.size(); ++k) write_op(circuit.ops[k], k, circuit.n_qubits, out);
  return out;
}

}  // namespace qdcnn::io
