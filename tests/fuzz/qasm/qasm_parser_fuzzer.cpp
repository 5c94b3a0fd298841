// libFuzzer target: random bytes as OpenQASM 2.0 text (qdcnn_circuit_from_qasm), then the QASM
// export/re-parse round trip of whatever parses. See common/parser_target.h for the checks.
#include <cstddef>
#include <cstdint>

#include "common/parser_target.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  qdcnn::fuzz::fuzz_circuit_parser(qdcnn_circuit_from_qasm, "qdcnn_circuit_from_qasm", data, size);
  return 0;
}
