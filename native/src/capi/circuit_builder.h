#pragma once
// Validated construction of operations, shared by qdcnn_circuit_add_* and the file parsers.
#include <string>

#include "core/circuit.h"

namespace qdcnn::capi {

// Checks qubits (range, duplicates) and returns the op's qubit count; `argument` prefixes
// messages ("qubits").
void check_gate_qubits(const Circuit& circuit, const int32_t* qubits, size_t n_qubits,
                       int expected, const std::string& argument);

// Builds and checks an operation of `gate` with constant angles (file formats).
Operation constant_operation(const Circuit& circuit, int32_t gate, const int32_t* qubits,
                             size_t n_qubits, const double* angles, size_t n_angles,
                             const cdouble* matrix, size_t matrix_size,
                             const std::string& where);

// Checks a row-major unitary of dimension 2^k (finite, unitary to 1e-8 relative).
void check_unitary(const cdouble* matrix, int k, const std::string& where);

}  // namespace qdcnn::capi
