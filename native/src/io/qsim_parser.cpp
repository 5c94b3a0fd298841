// Reader for qsim's plain-text circuit format (quantumlib/qsim docs/input_format.md):
//   first line: the qubit count; then one gate per line: `time gate qubit... param...`.
// Blank lines and lines starting with '#' are skipped. Gate definitions follow qsim's
// lib/gates_qsim.h exactly; where qsim's convention differs from qdcnn_gate the angle is
// converted (cp) or the gate is stored as its qsim matrix (UNITARY1/UNITARY2).
#include <cerrno>
#include <cmath>
#include <complex>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "io/parsed_circuit.h"
#include "qdcnn/qdcnn.h"

namespace qdcnn::io {
namespace {

using Complex = std::complex<double>;
constexpr double kHalf = 0.5;
constexpr double kInvSqrt2 = 0.70710678118654752440;

enum class QsimKind {
  Fixed,      // a qdcnn_gate with no angles
  Rotation,   // a qdcnn_gate with the same angles as qsim
  CPhase,     // qsim cp(phi) = diag(1, 1, 1, e^{-i phi}) = CPHASE(-phi)
  Matrix1,    // fixed 2x2 qsim matrix
  Rxy,        // qsim rxy(theta, phi)
  ISwap,      // fixed 4x4 qsim matrix
  FSim,       // qsim fs(theta, phi)
  GlobalPhase // qsim p(phi): the whole state times e^{i phi}; no qubits
};

struct QsimGate {
  const char* name;
  QsimKind kind;
  int32_t gate;  // qdcnn_gate for Fixed/Rotation/CPhase
  int n_qubits;
  int n_params;
};

constexpr QsimGate kQsimGates[] = {
    {"id1", QsimKind::Fixed, QDCNN_GATE_I, 1, 0},
    {"h", QsimKind::Fixed, QDCNN_GATE_H, 1, 0},
    {"t", QsimKind::Fixed, QDCNN_GATE_T, 1, 0},
    {"x", QsimKind::Fixed, QDCNN_GATE_X, 1, 0},
    {"y", QsimKind::Fixed, QDCNN_GATE_Y, 1, 0},
    {"z", QsimKind::Fixed, QDCNN_GATE_Z, 1, 0},
    {"s", QsimKind::Fixed, QDCNN_GATE_S, 1, 0},
    {"x_1_2", QsimKind::Matrix1, QDCNN_GATE_UNITARY1, 1, 0},
    {"y_1_2", QsimKind::Matrix1, QDCNN_GATE_UNITARY1, 1, 0},
    {"hz_1_2", QsimKind::Matrix1, QDCNN_GATE_UNITARY1, 1, 0},
    {"rx", QsimKind::Rotation, QDCNN_GATE_RX, 1, 1},
    {"ry", QsimKind::Rotation, QDCNN_GATE_RY, 1, 1},
    {"rz", QsimKind::Rotation, QDCNN_GATE_RZ, 1, 1},
    {"rxy", QsimKind::Rxy, QDCNN_GATE_UNITARY1, 1, 2},
    {"id2", QsimKind::Fixed, QDCNN_GATE_I, 2, 0},
    {"cz", QsimKind::Fixed, QDCNN_GATE_CZ, 2, 0},
    {"cx", QsimKind::Fixed, QDCNN_GATE_CNOT, 2, 0},
    {"cnot", QsimKind::Fixed, QDCNN_GATE_CNOT, 2, 0},
    {"sw", QsimKind::Fixed, QDCNN_GATE_SWAP, 2, 0},
    {"swap", QsimKind::Fixed, QDCNN_GATE_SWAP, 2, 0},
    {"is", QsimKind::ISwap, QDCNN_GATE_UNITARY2, 2, 0},
    {"fs", QsimKind::FSim, QDCNN_GATE_UNITARY2, 2, 2},
    {"cp", QsimKind::CPhase, QDCNN_GATE_CPHASE, 2, 1},
    {"p", QsimKind::GlobalPhase, QDCNN_GATE_UNITARY1, 0, 1},
};

const QsimGate* find_gate(const std::string& name) {
  for (const QsimGate& gate : kQsimGates) {
    if (name == gate.name) return &gate;
  }
  return nullptr;
}

// qsim's fixed one-qubit matrices (row-major), from lib/gates_qsim.h.
std::vector<Complex> fixed_matrix(const std::string& name) {
  const Complex h(kHalf, kHalf);  // (1 + i) / 2
  if (name == "x_1_2") return {h, std::conj(h), std::conj(h), h};
  if (name == "y_1_2") return {h, -h, h, h};
  // hz_1_2 = sqrt(W) = sqrt(i) * Rxy(pi/4, pi/2)
  return {h, Complex(0, -kInvSqrt2), Complex(kInvSqrt2, 0), h};
}

// Rxy(theta, phi) = exp(-i phi (cos(theta) X + sin(theta) Y) / 2).
std::vector<Complex> rxy_matrix(double theta, double phi) {
  const double c = std::cos(phi / 2);
  const double s = std::sin(phi / 2);
  return {Complex(c, 0), Complex(-s * std::sin(theta), -s * std::cos(theta)),
          Complex(s * std::sin(theta), -s * std::cos(theta)), Complex(c, 0)};
}

// iSWAP: |01> -> i|10>, |10> -> i|01>. Symmetric, so the qubit order does not matter.
std::vector<Complex> iswap_matrix() {
  std::vector<Complex> m(16);
  m[0] = 1;
  m[1 * 4 + 2] = Complex(0, 1);
  m[2 * 4 + 1] = Complex(0, 1);
  m[15] = 1;
  return m;
}

// fSim(theta, phi): [[1,0,0,0],[0,cos t,-i sin t,0],[0,-i sin t,cos t,0],[0,0,0,e^{-i phi}]].
std::vector<Complex> fsim_matrix(double theta, double phi) {
  std::vector<Complex> m(16);
  m[0] = 1;
  m[1 * 4 + 1] = std::cos(theta);
  m[1 * 4 + 2] = Complex(0, -std::sin(theta));
  m[2 * 4 + 1] = Complex(0, -std::sin(theta));
  m[2 * 4 + 2] = std::cos(theta);
  m[15] = std::polar(1.0, -phi);
  return m;
}

bool parse_integer(const std::string& text, long long& value) {
  if (text.empty() || text.size() > 12) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  value = std::stoll(text);
  return true;
}

bool parse_real(const std::string& text, double& value) {
  const char* begin = text.c_str();
  char* end = nullptr;
  errno = 0;
  value = std::strtod(begin, &end);
  return end != begin && *end == '\0' && errno != ERANGE && std::isfinite(value);
}

std::vector<std::string> split_words(const std::string& line) {
  std::istringstream stream(line);
  std::vector<std::string> words;
  std::string word;
  while (stream >> word) words.push_back(word);
  return words;
}

std::string plural(int count, const char* noun) {
  return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

// Appends the gate of one line to ops.
void parse_gate_line(const std::vector<std::string>& words, int line, int32_t n_qubits,
                     std::vector<ParsedOp>& ops) {
  const std::string& name = words[1];
  const QsimGate* gate = find_gate(name);
  if (gate == nullptr) throw ParseError(line, "unknown qsim gate '" + name + "'");
  const size_t expected = 2 + gate->n_qubits + gate->n_params;
  if (words.size() != expected) {
    throw ParseError(line, "gate '" + name + "' takes " + plural(gate->n_qubits, "qubit") +
                               " and " + plural(gate->n_params, "parameter") + ", got " +
                               std::to_string(words.size() - 2) + " values after the name");
  }
  ParsedOp op;
  op.gate = gate->gate;
  for (int k = 0; k < gate->n_qubits; ++k) {
    const std::string& text = words[2 + k];
    long long qubit = 0;
    if (!parse_integer(text, qubit)) {
      throw ParseError(line, "qubit '" + text + "' of gate '" + name + "' is not a qubit index");
    }
    if (qubit >= n_qubits) {
      throw ParseError(line, "qubit index " + text + " of gate '" + name +
                                 "' is out of range for " + std::to_string(n_qubits) +
                                 " qubits");
    }
    for (int32_t earlier : op.qubits) {
      if (earlier == qubit) {
        throw ParseError(line, "gate '" + name + "' names qubit " + text +
                                   " twice (duplicate qubits)");
      }
    }
    op.qubits.push_back(static_cast<int32_t>(qubit));
  }
  std::vector<double> params;
  for (int k = 0; k < gate->n_params; ++k) {
    const std::string& text = words[2 + gate->n_qubits + k];
    double value = 0;
    if (!parse_real(text, value)) {
      throw ParseError(line, "parameter '" + text + "' of gate '" + name +
                                 "' is not a finite number");
    }
    params.push_back(value);
  }

  switch (gate->kind) {
    case QsimKind::Fixed:
      if (gate->n_qubits == 2 && gate->gate == QDCNN_GATE_I) {
        // id2 has no qdcnn_gate of its own: one identity per qubit.
        ops.push_back({QDCNN_GATE_I, {op.qubits[0]}, {}, {}});
        op.qubits = {op.qubits[1]};
      }
      break;
    case QsimKind::Rotation:
      op.angles = params;
      break;
    case QsimKind::CPhase:
      op.angles = {-params[0]};
      break;
    case QsimKind::Matrix1:
      op.matrix = fixed_matrix(name);
      break;
    case QsimKind::Rxy:
      op.matrix = rxy_matrix(params[0], params[1]);
      break;
    case QsimKind::ISwap:
      op.matrix = iswap_matrix();
      break;
    case QsimKind::FSim:
      op.matrix = fsim_matrix(params[0], params[1]);
      break;
    case QsimKind::GlobalPhase: {
      // e^{i phi} times the identity on qubit 0 multiplies every amplitude by e^{i phi}.
      const Complex phase = std::polar(1.0, params[0]);
      op.qubits = {0};
      op.matrix = {phase, 0.0, 0.0, phase};
      break;
    }
  }
  ops.push_back(std::move(op));
}

}  // namespace

ParsedCircuit parse_qsim(std::string_view text) {
  ParsedCircuit circuit;
  bool have_qubit_count = false;
  long long previous_time = -1;
  int line_number = 0;
  size_t position = 0;
  while (position < text.size()) {
    size_t end = text.find('\n', position);
    if (end == std::string_view::npos) end = text.size();
    const std::string line(text.substr(position, end - position));
    position = end + 1;
    ++line_number;

    const std::vector<std::string> words = split_words(line);
    if (words.empty() || words[0][0] == '#') continue;

    if (!have_qubit_count) {
      long long count = 0;
      if (words.size() != 1 || !parse_integer(words[0], count)) {
        throw ParseError(line_number, "the first line must be the qubit count alone, found '" +
                                          line + "'");
      }
      if (count < 1 || count > QDCNN_MAX_QUBITS) {
        throw ParseError(line_number, "qubit count " + words[0] + " is outside 1.." +
                                          std::to_string(QDCNN_MAX_QUBITS));
      }
      circuit.n_qubits = static_cast<int32_t>(count);
      have_qubit_count = true;
      continue;
    }

    long long time = 0;
    if (!parse_integer(words[0], time)) {
      throw ParseError(line_number, "expected a non-negative integer time, found '" +
                                        words[0] + "'");
    }
    if (time < previous_time) {
      throw ParseError(line_number, "time " + words[0] + " is smaller than the previous gate's "
                                    "time " + std::to_string(previous_time) +
                                    " (times must not decrease)");
    }
    previous_time = time;
    if (words.size() < 2) throw ParseError(line_number, "missing gate name after the time");
    parse_gate_line(words, line_number, circuit.n_qubits, circuit.ops);
  }
  if (!have_qubit_count) {
    throw ParseError(line_number == 0 ? 1 : line_number, "empty circuit file: no qubit count");
  }
  return circuit;
}

}  // namespace qdcnn::io
