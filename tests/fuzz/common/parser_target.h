#pragma once
// The body shared by the circuit-file parser fuzzers: parse random bytes, and on success check
// the parsed circuit through the QASM round trip.
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "common/contract.h"
#include "common/live_handles.h"
#include "common/qasm_round_trip.h"
#include "qdcnn/qdcnn.h"

namespace qdcnn::fuzz {

using CircuitParser = qdcnn_status (*)(const char* text, size_t length, qdcnn_circuit** circuit);

// `data` is libFuzzer's exactly-sized heap copy of the input (no NUL after it), so reading
// past `size` is caught by AddressSanitizer.
inline void fuzz_circuit_parser(CircuitParser parse, const char* call, const uint8_t* data,
                                size_t size) {
  LiveHandleBaseline baseline;
  qdcnn_circuit* const unwritten = reinterpret_cast<qdcnn_circuit*>(uintptr_t{0x5e5e5e5e0});
  qdcnn_circuit* circuit = unwritten;
  const qdcnn_status status =
      check_status(parse(reinterpret_cast<const char*>(data), size, &circuit), call);
  if (status == QDCNN_OK) {
    if (circuit == nullptr || circuit == unwritten) {
      contract_violation(call, "succeeded without writing a circuit handle");
    }
    check_qasm_round_trip(circuit, nullptr, 0, nullptr, 0, /*compare_states=*/true);
    check_status(qdcnn_circuit_destroy(circuit), "qdcnn_circuit_destroy");
  } else {
    if (circuit != unwritten) contract_violation(call, "wrote *circuit although it failed");
    if (status == QDCNN_ERROR_PARSE) {
      const char* message = "";
      qdcnn_error_message(&message);
      if (std::strstr(message, "line") == nullptr) {
        contract_violation(call, "a parse error message does not name the line");
      }
    }
  }
  baseline.verify();
}

}  // namespace qdcnn::fuzz
