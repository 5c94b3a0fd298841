#include "capi/circuit_builder.h"

#include <algorithm>
#include <cmath>

#include "capi/validate.h"

namespace qdcnn::capi {

void check_gate_qubits(const Circuit& circuit, const int32_t* qubits, size_t n_qubits,
                       int expected, const std::string& argument) {
  require_length(n_qubits, static_cast<uint64_t>(expected), ("n_" + argument).c_str());
  require_non_null(qubits, argument.c_str());
  for (size_t j = 0; j < n_qubits; ++j) {
    require_qubit(qubits[j], circuit.n_qubits(), argument + "[" + std::to_string(j) + "]",
                  "circuit");
    for (size_t i = 0; i < j; ++i) {
      if (qubits[i] == qubits[j]) {
        throw Error(QDCNN_ERROR_DUPLICATE_QUBITS,
                    argument + "[" + std::to_string(i) + "] and " + argument + "[" +
                        std::to_string(j) + "] are both qubit " + std::to_string(qubits[j]));
      }
    }
  }
}

void check_unitary(const cdouble* matrix, int k, const std::string& where) {
  const int dim = 1 << k;
  for (int i = 0; i < dim * dim; ++i) {
    require_finite(matrix[i].real(), where + " entry " + std::to_string(i) + " (real part)");
    require_finite(matrix[i].imag(), where + " entry " + std::to_string(i) + " (imaginary part)");
  }
  if (!is_unitary(matrix, dim, 1e-8)) {
    throw Error(QDCNN_ERROR_INVALID_ARGUMENT, where + " is not unitary to 1e-8");
  }
}

Operation constant_operation(const Circuit& circuit, int32_t gate, const int32_t* qubits,
                             size_t n_qubits, const double* angles, size_t n_angles,
                             const cdouble* matrix, size_t matrix_size,
                             const std::string& where) {
  const GateInfo* info = find_gate(gate);
  if (!info) {
    throw Error(QDCNN_ERROR_UNKNOWN_GATE, where + ": gate " + std::to_string(gate) + " is unknown");
  }
  Operation op;
  op.gate = gate;
  op.n_qubits = info->n_qubits;
  check_gate_qubits(circuit, qubits, n_qubits, info->n_qubits, where + ": qubits");
  for (int j = 0; j < info->n_qubits; ++j) op.qubits[j] = qubits[j];
  require_length(n_angles, static_cast<uint64_t>(info->n_angles), (where + ": angle count").c_str());
  op.n_angles = info->n_angles;
  for (int j = 0; j < info->n_angles; ++j) {
    require_finite(angles[j], where + ": angle " + std::to_string(j));
    op.angles[j].source = QDCNN_ANGLE_CONSTANT;
    op.angles[j].offset = angles[j];
  }
  if (gate == QDCNN_GATE_UNITARY1 || gate == QDCNN_GATE_UNITARY2) {
    require_length(matrix_size, uint64_t{1} << (2 * info->n_qubits),
                   (where + ": matrix size").c_str());
    check_unitary(matrix, info->n_qubits, where + ": matrix");
    op.matrix.assign(matrix, matrix + matrix_size);
  }
  return op;
}

}  // namespace qdcnn::capi
