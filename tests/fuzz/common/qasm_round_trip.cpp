#include "common/qasm_round_trip.h"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "common/contract.h"
#include "common/simulate.h"

namespace qdcnn::fuzz {
namespace {

// Text larger than this is not worth copying around in a fuzz iteration.
constexpr size_t kMaxQasmBytes = size_t{1} << 22;
// A circuit simulated for the state comparison has at most this many gates.
constexpr int64_t kMaxComparedGates = 4096;

// Exports with the two-call pattern; returns false when the export is refused or too large.
bool export_qasm(const qdcnn_circuit* circuit, const double* params, size_t n_params,
                 const double* inputs, size_t n_inputs, std::string& text) {
  const char* call = "qdcnn_circuit_to_qasm";
  constexpr size_t kUnwritten = SIZE_MAX;
  size_t required = kUnwritten;
  if (check_status(qdcnn_circuit_to_qasm(circuit, params, n_params, inputs, n_inputs, nullptr, 0,
                                         &required),
                   call) != QDCNN_OK) {
    if (required != kUnwritten) contract_violation(call, "wrote *required although it failed");
    return false;
  }
  if (required == kUnwritten) contract_violation(call, "succeeded without writing *required");
  if (required > kMaxQasmBytes) return false;

  // capacity == required is one byte too small: nothing may be written.
  std::vector<char> buffer(required + 1, 'Z');
  size_t required_again = kUnwritten;
  check_status(qdcnn_circuit_to_qasm(circuit, params, n_params, inputs, n_inputs, buffer.data(),
                                     required, &required_again),
               call);
  for (char c : buffer) {
    if (c != 'Z') contract_violation(call, "wrote text although capacity <= required");
  }

  required_again = kUnwritten;
  expect_ok(qdcnn_circuit_to_qasm(circuit, params, n_params, inputs, n_inputs, buffer.data(),
                                  buffer.size(), &required_again),
            call, "the second call of the two-call pattern must succeed");
  if (required_again != required) contract_violation(call, "*required changed between calls");
  if (buffer[required] != '\0' || std::strlen(buffer.data()) != required) {
    contract_violation(call, "the text is not exactly *required bytes followed by a NUL");
  }
  text.assign(buffer.data(), required);
  return true;
}

// Parses text the library itself wrote: that must always succeed.
qdcnn_circuit* reparse(const std::string& text) {
  qdcnn_circuit* circuit = nullptr;
  // An exactly-sized heap copy, not NUL-terminated, so that reading past `length` is caught.
  std::vector<char> exact(text.begin(), text.end());
  const qdcnn_status status =
      check_status(qdcnn_circuit_from_qasm(exact.data(), exact.size(), &circuit),
                   "qdcnn_circuit_from_qasm");
  if (status != QDCNN_OK) {
    std::fprintf(stderr, "qdcnn fuzz: the library's own QASM output was:\n%s\n", text.c_str());
    contract_violation("qdcnn_circuit_from_qasm", "could not parse the library's own QASM output");
  }
  return circuit;
}

}  // namespace

void check_qasm_round_trip(const qdcnn_circuit* circuit, const double* params, size_t n_params,
                           const double* inputs, size_t n_inputs, bool compare_states) {
  std::string text1;
  if (!export_qasm(circuit, params, n_params, inputs, n_inputs, text1)) return;
  qdcnn_circuit* reparsed = reparse(text1);

  int32_t qubits_before = 0, qubits_after = 0;
  int64_t gates_before = 0;
  check_status(qdcnn_circuit_info(circuit, &qubits_before, &gates_before, nullptr, nullptr),
               "qdcnn_circuit_info");
  check_status(qdcnn_circuit_info(reparsed, &qubits_after, nullptr, nullptr, nullptr),
               "qdcnn_circuit_info");
  if (qubits_before != qubits_after) {
    contract_violation("qdcnn_circuit_to_qasm", "the re-parsed circuit has another qubit count");
  }

  // Writing the re-parsed circuit again must give the same text (all gates are plain by now).
  std::string text2, text3;
  if (!export_qasm(reparsed, nullptr, 0, nullptr, 0, text2)) {
    contract_violation("qdcnn_circuit_to_qasm", "cannot export a circuit parsed from QASM");
  }
  qdcnn_circuit* reparsed_again = reparse(text2);
  if (!export_qasm(reparsed_again, nullptr, 0, nullptr, 0, text3)) {
    contract_violation("qdcnn_circuit_to_qasm", "cannot export a circuit parsed from QASM");
  }
  if (text2 != text3) {
    std::fprintf(stderr, "qdcnn fuzz: first export:\n%s\nsecond export:\n%s\n", text2.c_str(),
                 text3.c_str());
    contract_violation("qdcnn_circuit_to_qasm", "export -> parse -> export is not a fixed point");
  }

  if (compare_states && gates_before <= kMaxComparedGates) {
    std::vector<double> original, round_tripped;
    if (simulate_amplitudes(circuit, params, n_params, inputs, n_inputs, original)) {
      if (!simulate_amplitudes(reparsed, nullptr, 0, nullptr, 0, round_tripped)) {
        contract_violation("qdcnn_simulator_run", "cannot run a re-parsed circuit");
      }
      const double f = fidelity(original, round_tripped);
      if (!(f >= 1.0 - 1e-6)) {
        std::fprintf(stderr, "qdcnn fuzz: fidelity %.17g, QASM:\n%s\n", f, text1.c_str());
        contract_violation("qdcnn_circuit_to_qasm",
                           "the re-parsed circuit prepares another state (beyond global phase)");
      }
    }
  }
  check_status(qdcnn_circuit_destroy(reparsed_again), "qdcnn_circuit_destroy");
  check_status(qdcnn_circuit_destroy(reparsed), "qdcnn_circuit_destroy");
}

}  // namespace qdcnn::fuzz
