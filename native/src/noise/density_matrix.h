#pragma once
// Exact noisy evolution of a density matrix rho of n qubits, stored as a 2n-qubit vector:
// rho[r, c] lives at index r | (c << n), so the state-vector kernels apply U rho U^dagger as U on
// the row qubits 0..n-1 and conj(U) on the column qubits n..2n-1, and a channel as its
// superoperator sum_i K_i (x) conj(K_i) on (row qubits, column qubits).
#include <complex>
#include <cstdint>
#include <vector>

#include "core/observable.h"
#include "core/simulator.h"
#include "noise/plan.h"

namespace qdcnn::noise {

// Largest register the density-matrix method accepts (4^12 amplitudes = 256 MiB in complex128).
constexpr int kMaxDensityMatrixQubits = QDCNN_MAX_DENSITY_MATRIX_QUBITS;

// rho = |psi><psi| followed by every step of the plan. rho holds 4^n amplitudes; gate_matrices
// and sorted_qubits come from bind_gate_matrices; scratch holds at least 16 amplitudes.
template <typename T>
void evolve_density_matrix(Simulator<T>& sim, const NoisyPlan<T>& plan,
                           const std::complex<T>* gate_matrices, const int* sorted_qubits,
                           const std::complex<T>* psi, std::complex<T>* rho,
                           std::vector<std::complex<T>>& scratch, bool parallel);

// Tr(term rho) (real: Pauli strings are Hermitian and rho is Hermitian).
template <typename T>
double density_expectation(const std::complex<T>* rho, int n_qubits, const PauliTerm& term);

// The diagonal of rho: out holds 2^n probabilities.
template <typename T>
void density_diagonal(const std::complex<T>* rho, int n_qubits, double* out);

}  // namespace qdcnn::noise
