#pragma once
// Circuit files (OpenQASM 2.0, qsim's text format) as a plain list of gates with bound angles.
// The C ABI (qdcnn_circuit_from_qasm / from_qsim / to_qasm) converts between this and a circuit.
#include <complex>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>
namespace qdcnn::io {
struct ParsedOp {
  int32_t gate;                               // a qdcnn_gate value
  std::vector<int32_t> qubits;                // control first
  std::vector<double> angles;                 // bound constant angles, as many as the gate takes
  std::vector<std::complex<double>> matrix;   // only for UNITARY1/UNITARY2: row-major 2^k x 2^k, bit j of index = qubits[j]
};
struct ParsedCircuit { int32_t n_qubits = 0; std::vector<ParsedOp> ops; };
// A circuit file could not be parsed. what() reads "line N: message"; line() is N (1-based).
class ParseError : public std::runtime_error {
 public:
  ParseError(int line, const std::string& message);
  int line() const noexcept;
 private:
  int line_;
};
ParsedCircuit parse_qasm(std::string_view text);   // throws ParseError
ParsedCircuit parse_qsim(std::string_view text);   // throws ParseError
std::string write_qasm(const ParsedCircuit& circuit); // throws std::invalid_argument for what QASM 2.0 cannot express
}
