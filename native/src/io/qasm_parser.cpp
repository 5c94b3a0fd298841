// OpenQASM 2.0 reader: one qreg, the qelib1 gates that map onto qdcnn_gate, constant angles.
#include <cstdlib>
#include <string>
#include <vector>

#include "io/angle_expression.h"
#include "io/parsed_circuit.h"
#include "io/qasm_lexer.h"
#include "qdcnn/qdcnn.h"

namespace qdcnn::io {
namespace {

constexpr double kHalfPi = 1.57079632679489661923;

struct QasmGate {
  const char* name;
  int32_t gate;
  int n_qubits;
  int n_angles;  // angles written in the file (u2 takes 2, stored as U3 with 3)
};

// The qelib1 names (and the OpenQASM built-ins U and CX) this reader understands.
constexpr QasmGate kQasmGates[] = {
    {"id", QDCNN_GATE_I, 1, 0},       {"i", QDCNN_GATE_I, 1, 0},
    {"h", QDCNN_GATE_H, 1, 0},        {"x", QDCNN_GATE_X, 1, 0},
    {"y", QDCNN_GATE_Y, 1, 0},        {"z", QDCNN_GATE_Z, 1, 0},
    {"s", QDCNN_GATE_S, 1, 0},        {"sdg", QDCNN_GATE_SDG, 1, 0},
    {"t", QDCNN_GATE_T, 1, 0},        {"tdg", QDCNN_GATE_TDG, 1, 0},
    {"sx", QDCNN_GATE_SX, 1, 0},      {"rx", QDCNN_GATE_RX, 1, 1},
    {"ry", QDCNN_GATE_RY, 1, 1},      {"rz", QDCNN_GATE_RZ, 1, 1},
    {"p", QDCNN_GATE_PHASE, 1, 1},    {"u1", QDCNN_GATE_PHASE, 1, 1},
    {"u3", QDCNN_GATE_U3, 1, 3},      {"u", QDCNN_GATE_U3, 1, 3},
    {"U", QDCNN_GATE_U3, 1, 3},       {"u2", QDCNN_GATE_U3, 1, 2},
    {"cx", QDCNN_GATE_CNOT, 2, 0},    {"CX", QDCNN_GATE_CNOT, 2, 0},
    {"cnot", QDCNN_GATE_CNOT, 2, 0},  {"cz", QDCNN_GATE_CZ, 2, 0},
    {"swap", QDCNN_GATE_SWAP, 2, 0},  {"crx", QDCNN_GATE_CRX, 2, 1},
    {"cry", QDCNN_GATE_CRY, 2, 1},    {"crz", QDCNN_GATE_CRZ, 2, 1},
    {"cp", QDCNN_GATE_CPHASE, 2, 1},  {"cu1", QDCNN_GATE_CPHASE, 2, 1},
    {"rxx", QDCNN_GATE_RXX, 2, 1},    {"ryy", QDCNN_GATE_RYY, 2, 1},
    {"rzz", QDCNN_GATE_RZZ, 2, 1},
};

const QasmGate* find_gate(const std::string& name) {
  for (const QasmGate& gate : kQasmGates) {
    if (name == gate.name) return &gate;
  }
  return nullptr;
}

std::string plural(int count, const char* noun) {
  return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

// A gate argument: the whole register (index < 0) or one qubit of it.
struct QubitArgument {
  int32_t index;
  int line;
};

class QasmParser {
 public:
  explicit QasmParser(std::string_view text) : tokens_(tokenize_qasm(text)), cursor_(tokens_) {}

  ParsedCircuit parse() {
    bool first_statement = true;
    while (cursor_.peek().kind != TokenKind::End) {
      parse_statement(first_statement);
      first_statement = false;
    }
    if (register_name_.empty()) {
      throw ParseError(cursor_.peek().line, "no 'qreg' declaration: the circuit has no qubits");
    }
    return std::move(circuit_);
  }

 private:
  void parse_statement(bool first_statement) {
    const Token& keyword = cursor_.next();
    if (keyword.kind != TokenKind::Identifier) {
      throw ParseError(keyword.line, "expected a statement, found " + describe(keyword));
    }
    const std::string& word = keyword.text;
    if (word == "OPENQASM") {
      parse_version(keyword, first_statement);
    } else if (word == "include") {
      parse_include();
    } else if (word == "qreg") {
      parse_qreg(keyword);
    } else if (word == "creg") {
      parse_register_declaration("creg");
    } else if (word == "barrier" || word == "measure") {
      skip_to_semicolon(word);  // no effect on the state vector
    } else if (word == "gate" || word == "opaque" || word == "if" || word == "reset") {
      throw ParseError(keyword.line, "'" + word + "' is not supported (only gate applications "
                                     "of qelib1 gates, barrier and measure)");
    } else {
      parse_gate_application(keyword);
    }
  }

  void parse_version(const Token& keyword, bool first_statement) {
    if (!first_statement) {
      throw ParseError(keyword.line, "'OPENQASM' must be the first statement");
    }
    const Token& version = cursor_.next();
    if ((version.kind != TokenKind::Real && version.kind != TokenKind::Integer) ||
        std::strtod(version.text.c_str(), nullptr) != 2.0) {
      throw ParseError(version.line, "unsupported OpenQASM version " + describe(version) +
                                         " (only 2.0 is supported)");
    }
    cursor_.expect(";", "after the OPENQASM version");
  }

  void parse_include() {
    const Token& file = cursor_.next();
    if (file.kind != TokenKind::String) {
      throw ParseError(file.line, "expected a quoted file name after 'include', found " +
                                      describe(file));
    }
    if (file.text != "qelib1.inc") {
      throw ParseError(file.line, "cannot include \"" + file.text +
                                      "\": only \"qelib1.inc\" is known");
    }
    cursor_.expect(";", "after the include");
  }

  void parse_qreg(const Token& keyword) {
    if (!register_name_.empty()) {
      throw ParseError(keyword.line, "a second 'qreg' is not supported: declare one quantum "
                                     "register ('" + register_name_ + "' was declared on line " +
                                     std::to_string(register_line_) + ")");
    }
    const auto [name, size, line] = parse_register_declaration("qreg");
    if (size < 1 || size > QDCNN_MAX_QUBITS) {
      throw ParseError(line, "qreg '" + name + "' has " + std::to_string(size) +
                                 " qubits; 1.." + std::to_string(QDCNN_MAX_QUBITS) +
                                 " are supported");
    }
    register_name_ = name;
    register_line_ = line;
    circuit_.n_qubits = static_cast<int32_t>(size);
  }

  struct Declaration {
    std::string name;
    long long size;
    int line;
  };

  Declaration parse_register_declaration(const std::string& kind) {
    const Token& name = cursor_.next();
    if (name.kind != TokenKind::Identifier) {
      throw ParseError(name.line, "expected a register name after '" + kind + "', found " +
                                      describe(name));
    }
    cursor_.expect("[", "after the register name");
    const Token& size = cursor_.next();
    if (size.kind != TokenKind::Integer) {
      throw ParseError(size.line, "expected an integer register size, found " + describe(size));
    }
    cursor_.expect("]", "after the register size");
    cursor_.expect(";", "after the " + kind + " declaration");
    const long long value = size.text.size() > 6 ? 1000000 : std::stoll(size.text);
    return {name.text, value, name.line};
  }

  void skip_to_semicolon(const std::string& word) {
    while (!cursor_.at_symbol(";")) {
      if (cursor_.peek().kind == TokenKind::End) {
        throw ParseError(cursor_.previous_line(), "missing semicolon after '" + word + "'");
      }
      cursor_.next();
    }
    cursor_.next();
  }

  void parse_gate_application(const Token& name) {
    const QasmGate* gate = find_gate(name.text);
    if (gate == nullptr) throw ParseError(name.line, "unknown gate '" + name.text + "'");
    if (register_name_.empty()) {
      throw ParseError(name.line, "gate '" + name.text + "' used before any 'qreg' declaration");
    }

    std::vector<double> angles;
    if (cursor_.accept("(")) {
      if (!cursor_.at_symbol(")")) {
        do {
          angles.push_back(parse_angle_expression(cursor_));
        } while (cursor_.accept(","));
      }
      cursor_.expect(")", "closing the angle list of '" + name.text + "'");
    }
    if (static_cast<int>(angles.size()) != gate->n_angles) {
      throw ParseError(name.line, "gate '" + name.text + "' takes " +
                                      plural(gate->n_angles, "angle") + ", got " +
                                      std::to_string(angles.size()));
    }
    if (gate->n_angles == 2) angles.insert(angles.begin(), kHalfPi);  // u2(phi, lambda)

    std::vector<QubitArgument> arguments;
    do {
      arguments.push_back(parse_qubit_argument());
    } while (cursor_.accept(","));
    if (static_cast<int>(arguments.size()) != gate->n_qubits) {
      throw ParseError(name.line, "gate '" + name.text + "' takes " +
                                      plural(gate->n_qubits, "qubit") + ", got " +
                                      std::to_string(arguments.size()));
    }
    cursor_.expect(";", "after the arguments of '" + name.text + "'");

    // A whole-register argument broadcasts: the gate is applied once per qubit index.
    bool broadcast = false;
    for (const QubitArgument& argument : arguments) broadcast |= argument.index < 0;
    const int32_t repetitions = broadcast ? circuit_.n_qubits : 1;
    for (int32_t k = 0; k < repetitions; ++k) {
      ParsedOp op;
      op.gate = gate->gate;
      op.angles = angles;
      for (const QubitArgument& argument : arguments) {
        op.qubits.push_back(argument.index < 0 ? k : argument.index);
      }
      if (op.qubits.size() == 2 && op.qubits[0] == op.qubits[1]) {
        throw ParseError(name.line, "gate '" + name.text + "' names qubit " + register_name_ +
                                        "[" + std::to_string(op.qubits[0]) +
                                        "] twice (duplicate qubits)");
      }
      circuit_.ops.push_back(std::move(op));
    }
  }

  QubitArgument parse_qubit_argument() {
    const Token& name = cursor_.next();
    if (name.kind != TokenKind::Identifier) {
      throw ParseError(name.line, "expected a qubit argument, found " + describe(name));
    }
    if (name.text != register_name_) {
      throw ParseError(name.line, "unknown quantum register '" + name.text +
                                      "' (the qreg is '" + register_name_ + "')");
    }
    if (!cursor_.accept("[")) return {-1, name.line};
    const Token& index = cursor_.next();
    if (index.kind != TokenKind::Integer) {
      throw ParseError(index.line, "expected an integer qubit index, found " + describe(index));
    }
    const long long value = index.text.size() > 10 ? -1 : std::stoll(index.text);
    if (value < 0 || value >= circuit_.n_qubits) {
      throw ParseError(index.line, "qubit index " + index.text + " is out of range for " +
                                       register_name_ + "[" +
                                       std::to_string(circuit_.n_qubits) + "]");
    }
    cursor_.expect("]", "after the qubit index");
    return {static_cast<int32_t>(value), name.line};
  }

  std::vector<Token> tokens_;
  TokenCursor cursor_;
  ParsedCircuit circuit_;
  std::string register_name_;
  int register_line_ = 0;
};

}  // namespace

ParsedCircuit parse_qasm(std::string_view text) { return QasmParser(text).parse(); }

}  // namespace qdcnn::io
