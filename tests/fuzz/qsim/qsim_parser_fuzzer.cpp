// libFuzzer target: random bytes as qsim's plain-text circuit format (qdcnn_circuit_from_qsim),
// then the QASM export/re-parse round trip of whatever parses (export may refuse qsim's
// two-qubit matrix gates). See common/parser_target.h for the checks.
#include <cstddef>
#include <cstdint>

#include "common/parser_target.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  qdcnn::fuzz::fuzz_circuit_parser(qdcnn_circuit_from_qsim, "qdcnn_circuit_from_qsim", data, size);
  return 0;
}
