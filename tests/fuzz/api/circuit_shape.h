#pragma once
// What the library reports about a circuit (qdcnn_circuit_info), cross-checked against the
// harness's mirror: the counts execution buffers must match.
#include <cstdint>

#include "api/handle_pool.h"

namespace qdcnn::fuzz {

struct CircuitShape {
  int32_t n_qubits = 0;
  int64_t n_gates = 0;
  int32_t n_params = 0;
  int32_t n_inputs = 0;
};

// NULL circuit: an all-zero shape. Otherwise traps when the library's counts contradict the
// header: qubit and gate counts as built, n_params = max(declared, largest index + 1), and
// n_inputs at least what the gates and the initial-state rule use.
CircuitShape query_shape(const CircuitMirror* circuit);

// Tolerance of norm and bound checks for a precision: complex64 states round to float.
inline double precision_tolerance(int32_t precision) {
  return precision == QDCNN_PRECISION_COMPLEX64 ? 1e-4 : 1e-6;
}

}  // namespace qdcnn::fuzz
