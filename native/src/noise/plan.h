#pragma once
// A circuit interleaved with its noise model's channel applications, prepared for one call:
// gate steps refer to circuit operations (their matrices are bound per sample), channel steps
// carry their Kraus operators in the kernel's precision and ascending-qubit order.
#include <complex>
#include <vector>

#include "core/circuit.h"
#include "noise/noise_model.h"

namespace qdcnn::noise {

template <typename T>
struct PlannedChannel {
  int k = 1;
  int qubits[2] = {0, 0};                            // ascending
  std::vector<std::vector<std::complex<T>>> kraus;   // sorted-qubit order
  std::vector<std::vector<cdouble>> gram;            // K^dagger K per operator
  // When every K^dagger K is a multiple of I (mixed-unitary channels), the probability of each
  // operator does not depend on the state: these are the multiples.
  bool state_independent = false;
  std::vector<double> fixed_probabilities;
  // Every K^dagger K is diagonal: probabilities need only the populations of the qubits.
  bool diagonal_gram = false;
  // Density-matrix method only: sum_i K_i (x) conj(K_i) acting on super_qubits
  // (the row qubits, then the column qubits = row qubits + n).
  std::vector<std::complex<T>> superoperator;
  int super_qubits[4] = {0, 0, 0, 0};
};

struct PlannedStep {
  bool is_channel = false;
  int index = 0;  // operation index, or index into NoisyPlan::channels
};

template <typename T>
struct NoisyPlan {
  int n_qubits = 0;
  std::vector<PlannedStep> steps;
  std::vector<PlannedChannel<T>> channels;
  bool has_channels() const { return !channels.empty(); }
};

// noise may be nullptr (no channels). with_superoperators builds what the density-matrix method
// needs. Precondition: the model's qubit rules name qubits of the circuit.
template <typename T>
NoisyPlan<T> make_plan(const Circuit& circuit, const NoiseModel* noise, bool with_superoperators);

// Entries per operation in the buffer bind_gate_matrices writes (a 4x4 matrix).
constexpr int kGateMatrixStride = 16;

// Qubit count of operation `op` from bind_gate_matrices' sorted_qubits.
inline int gate_arity(const int* sorted_qubits, size_t op) { return sorted_qubits[2 * op + 1] < 0 ? 1 : 2; }

// Writes every operation's matrix for one sample in ascending-qubit order and precision T to
// out[op * kGateMatrixStride ...]; sorted_qubits[2 * op ...] receives its ascending qubits
// (the second is -1 for a 1-qubit operation).
template <typename T>
void bind_gate_matrices(const Circuit& circuit, const double* params, const double* inputs_row,
                        std::complex<T>* out, int* sorted_qubits);

}  // namespace qdcnn::noise
