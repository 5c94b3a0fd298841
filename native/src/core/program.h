#pragma once
// A circuit compiled for one call: matrices bound to the parameters, sorted qubits, optional
// fusion. Steps whose matrix depends on inputs are rebuilt per sample into scratch memory.
#include <complex>
#include <vector>

#include "core/circuit.h"

namespace qdcnn {

template <typename T>
struct Step {
  int k = 1;
  int qubits[QDCNN_MAX_FUSED_QUBITS] = {0, 0, 0, 0};  // ascending
  std::vector<int> members;                            // operation indices, in order
  bool per_sample = false;                             // matrix depends on inputs
  std::vector<std::complex<T>> matrix;                 // row-major, sorted order; if !per_sample

  int dim() const { return 1 << k; }
};

template <typename T>
struct Program {
  std::vector<Step<T>> steps;
};

// params: the circuit's n_params() values. max_fused_qubits 0 means no fusion.
template <typename T>
Program<T> compile_program(const Circuit& circuit, const double* params, int max_fused_qubits);

// The step's matrix for one sample (precision T, sorted order); out holds dim()^2 values.
template <typename T>
void step_matrix(const Circuit& circuit, const Step<T>& step, const double* params,
                 const double* inputs, std::complex<T>* out);

// Matrix of the step's members on its sorted qubits in double precision.
template <typename T>
void step_matrix_f64(const Circuit& circuit, const Step<T>& step, const double* params,
                     const double* inputs, cdouble* out);

}  // namespace qdcnn
