#include "noise/density_matrix.h"

namespace qdcnn::noise {

template <typename T>
void evolve_density_matrix(Simulator<T>& sim, const NoisyPlan<T>& plan,
                           const std::complex<T>* gate_matrices, const int* sorted_qubits,
                           const std::complex<T>* psi, std::complex<T>* rho,
                           std::vector<std::complex<T>>& scratch, bool parallel) {
  const int n = plan.n_qubits;
  const uint64_t size = uint64_t{1} << n;
  for (uint64_t c = 0; c < size; ++c) {
    const std::complex<T> conj_c = std::conj(psi[c]);
    std::complex<T>* column = rho + (c << n);
    for (uint64_t r = 0; r < size; ++r) column[r] = psi[r] * conj_c;
  }
  scratch.resize(kGateMatrixStride);
  for (const PlannedStep& step : plan.steps) {
    if (step.is_channel) {
      const PlannedChannel<T>& ch = plan.channels[static_cast<size_t>(step.index)];
      sim.apply_matrix(rho, 2 * n, ch.super_qubits, 2 * ch.k, ch.superoperator.data(), parallel);
      continue;
    }
    const size_t op = static_cast<size_t>(step.index);
    const int* qubits = sorted_qubits + 2 * op;
    const int k = gate_arity(sorted_qubits, op);
    const std::complex<T>* u = gate_matrices + op * kGateMatrixStride;
    // Row qubits: U. Column qubits: conj(U).
    sim.apply_matrix(rho, 2 * n, qubits, k, u, parallel);
    const int entries = 1 << (2 * k);
    for (int e = 0; e < entries; ++e) scratch[static_cast<size_t>(e)] = std::conj(u[e]);
    const int column_qubits[2] = {qubits[0] + n, qubits[1] + n};
    sim.apply_matrix(rho, 2 * n, column_qubits, k, scratch.data(), parallel);
  }
}

template <typename T>
double density_expectation(const std::complex<T>* rho, int n_qubits, const PauliTerm& term) {
  // Tr(P rho) = sum_j P[j ^ f, j] rho[j, j ^ f] with P[j ^ f, j] = i^{n_y} (-1)^{|j & phase|}.
  const uint64_t size = uint64_t{1} << n_qubits;
  std::complex<double> total = 0;
  for (uint64_t j = 0; j < size; ++j) {
    const std::complex<double> v(rho[j | ((j ^ term.flip_mask) << n_qubits)]);
    total += (__builtin_popcountll(j & term.phase_mask) & 1) ? -v : v;
  }
  static const std::complex<double> i_powers[4] = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}};
  return term.coefficient * (i_powers[term.n_y & 3] * total).real();
}

template <typename T>
void density_diagonal(const std::complex<T>* rho, int n_qubits, double* out) {
  const uint64_t size = uint64_t{1} << n_qubits;
  for (uint64_t j = 0; j < size; ++j) out[j] = static_cast<double>(rho[j | (j << n_qubits)].real());
}

template void evolve_density_matrix<float>(Simulator<float>&, const NoisyPlan<float>&,
                                           const std::complex<float>*, const int*,
                                           const std::complex<float>*, std::complex<float>*,
                                           std::vector<std::complex<float>>&, bool);
template void evolve_density_matrix<double>(Simulator<double>&, const NoisyPlan<double>&,
                                            const std::complex<double>*, const int*,
                                            const std::complex<double>*, std::complex<double>*,
                                            std::vector<std::complex<double>>&, bool);
template double density_expectation<float>(const std::complex<float>*, int, const PauliTerm&);
template double density_expectation<double>(const std::complex<double>*, int, const PauliTerm&);
template void density_diagonal<float>(const std::complex<float>*, int, double*);
template void density_diagonal<double>(const std::complex<double>*, int, double*);

}  // namespace qdcnn::noise
