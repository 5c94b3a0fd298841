#pragma once
// The QASM writer/reader round trip, checked on any circuit the fuzzers manage to build.
#include <cstddef>

#include "qdcnn/qdcnn.h"

namespace qdcnn::fuzz {

// Exports `circuit` with qdcnn_circuit_to_qasm (angles bound to params and inputs) and checks:
// the two-call pattern (nothing written unless capacity > required, then text + NUL of exactly
// `required` bytes); the library re-parses its own output; qubit counts agree; writing the
// re-parsed circuit is a fixed point (text2 == text3). When `compare_states` is set (the circuit
// starts in |0...0> and is small), the re-parsed circuit must prepare the same state up to a
// global phase. Export may legitimately fail (e.g. two-qubit unitaries have no QASM 2.0 form).
void check_qasm_round_trip(const qdcnn_circuit* circuit, const double* params, size_t n_params,
                           const double* inputs, size_t n_inputs, bool compare_states);

}  // namespace qdcnn::fuzz
