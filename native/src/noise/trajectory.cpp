#include "noise/trajectory.h"

#include <cmath>

namespace qdcnn::noise {

template <typename T>
void kraus_probabilities(const PlannedChannel<T>& channel, const std::complex<T>* psi,
                         int n_qubits, std::vector<double>& out) {
  out.resize(channel.kraus.size());
  if (channel.state_independent) {
    out = channel.fixed_probabilities;
    return;
  }
  // R[a, b] = sum over the other qubits of conj(psi[rest | a]) psi[rest | b]; then
  // ||K psi||^2 = sum_{a,b} (K^dagger K)[a, b] R[a, b]. With diagonal K^dagger K (damping
  // channels) only the populations R[a, a] are needed.
  const int d = 1 << channel.k;
  const int q0 = channel.qubits[0], q1 = channel.k == 2 ? channel.qubits[1] : 0;
  uint64_t offset[4];
  for (int a = 0; a < d; ++a) {
    offset[a] = ((a & 1) ? uint64_t{1} << q0 : 0) | ((a & 2) ? uint64_t{1} << q1 : 0);
  }
  // rest(g): g with zero bits inserted at the channel's qubits (ascending).
  auto insert_zero = [](uint64_t x, int q) {
    return ((x >> q) << (q + 1)) | (x & ((uint64_t{1} << q) - 1));
  };
  std::complex<double> r[16] = {};
  const uint64_t groups = uint64_t{1} << (n_qubits - channel.k);
  for (uint64_t g = 0; g < groups; ++g) {
    uint64_t rest = insert_zero(g, q0);
    if (channel.k == 2) rest = insert_zero(rest, q1);
    std::complex<double> v[4];
    for (int a = 0; a < d; ++a) v[a] = std::complex<double>(psi[rest | offset[a]]);
    if (channel.diagonal_gram) {
      for (int a = 0; a < d; ++a) r[a * d + a] += std::norm(v[a]);
      continue;
    }
    for (int a = 0; a < d; ++a) {
      const std::complex<double> ca = std::conj(v[a]);
      for (int b = 0; b < d; ++b) r[a * d + b] += ca * v[b];
    }
  }
  double norm = 0;
  for (int a = 0; a < d; ++a) norm += r[a * d + a].real();
  for (size_t i = 0; i < channel.gram.size(); ++i) {
    std::complex<double> p = 0;
    for (int e = 0; e < d * d; ++e) p += channel.gram[i][static_cast<size_t>(e)] * r[e];
    out[i] = std::max(p.real(), 0.0) / norm;
  }
}

template <typename T>
void run_trajectory(Simulator<T>& sim, const NoisyPlan<T>& plan,
                    const std::complex<T>* gate_matrices, const int* sorted_qubits,
                    std::complex<T>* psi, Rng& rng, TrajectoryScratch<T>& scratch, bool parallel) {
  const int n = plan.n_qubits;
  for (const PlannedStep& step : plan.steps) {
    if (!step.is_channel) {
      const size_t op = static_cast<size_t>(step.index);
      sim.apply_matrix(psi, n, sorted_qubits + 2 * op, gate_arity(sorted_qubits, op),
                       gate_matrices + op * kGateMatrixStride, parallel);
      continue;
    }
    const PlannedChannel<T>& ch = plan.channels[static_cast<size_t>(step.index)];
    kraus_probabilities(ch, psi, n, scratch.probabilities);
    const std::vector<double>& p = scratch.probabilities;
    double total = 0;
    for (double v : p) total += v;
    const double u = rng.uniform() * total;
    size_t chosen = p.size() - 1;
    double cumulative = 0;
    for (size_t i = 0; i < p.size(); ++i) {
      cumulative += p[i];
      if (u < cumulative) {
        chosen = i;
        break;
      }
    }
    while (p[chosen] <= 0 && chosen > 0) --chosen;  // rounding at the top end: never pick p = 0
    const T scale = static_cast<T>(1.0 / std::sqrt(p[chosen]));
    const std::vector<std::complex<T>>& k = ch.kraus[chosen];
    scratch.matrix.resize(k.size());
    for (size_t e = 0; e < k.size(); ++e) scratch.matrix[e] = k[e] * scale;
    sim.apply_matrix(psi, n, ch.qubits, ch.k, scratch.matrix.data(), parallel);
  }
}

template void kraus_probabilities<float>(const PlannedChannel<float>&, const std::complex<float>*,
                                         int, std::vector<double>&);
template void kraus_probabilities<double>(const PlannedChannel<double>&,
                                          const std::complex<double>*, int, std::vector<double>&);
template void run_trajectory<float>(Simulator<float>&, const NoisyPlan<float>&,
                                    const std::complex<float>*, const int*, std::complex<float>*,
                                    Rng&, TrajectoryScratch<float>&, bool);
template void run_trajectory<double>(Simulator<double>&, const NoisyPlan<double>&,
                                     const std::complex<double>*, const int*,
                                     std::complex<double>*, Rng&, TrajectoryScratch<double>&,
                                     bool);

}  // namespace qdcnn::noise
