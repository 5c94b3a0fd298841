#pragma once
// Declarative gate table: every qdcnn_gate with its arity, angle count and matrix builder.
#include <complex>
#include <cstdint>
#include <vector>

#include "qdcnn/qdcnn.h"

namespace qdcnn {

using cdouble = std::complex<double>;

struct GateInfo {
  int32_t kind;
  const char* name;  // lower-case, as in OpenQASM where one exists
  int n_qubits;
  int n_angles;
  bool diagonal;     // matrix is diagonal for every angle
};

// nullptr for values outside the qdcnn_gate enum.
const GateInfo* find_gate(int32_t kind);

// Row-major 2^k x 2^k matrix; bit j of a row/column index is the gate's j-th qubit.
// Precondition: angles holds info.n_angles values; not valid for UNITARY1/UNITARY2.
std::vector<cdouble> gate_matrix(int32_t kind, const double* angles);
void gate_matrix_into(int32_t kind, const double* angles, cdouble* out);

// d(matrix)/d(angles[which]), same layout.
void gate_matrix_derivative_into(int32_t kind, const double* angles, int which, cdouble* out);

// True when the matrix is unitary to `tolerance` (max abs entry of M^dagger M - I).
bool is_unitary(const cdouble* matrix, int dim, double tolerance);

}  // namespace qdcnn
