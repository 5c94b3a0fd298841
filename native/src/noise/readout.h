#pragma once
// Classical measurement statistics: readout confusion of a distribution, Z-type expectations
// from a distribution, seeded sampling.
#include <cstdint>
#include <vector>

#include "core/observable.h"
#include "core/rng.h"
#include "noise/noise_model.h"

namespace qdcnn::noise {

// Replaces the distribution of true outcomes by the distribution of read outcomes: for each qubit
// q independently, a true 0 reads as 1 with errors[q].p1_given_0 and a true 1 reads as 0 with
// errors[q].p0_given_1. errors holds n_qubits entries (or is empty: nothing to do).
void apply_readout_confusion(double* probabilities, int n_qubits,
                             const std::vector<ReadoutError>& errors);

// sum_x p(x) (-1)^{popcount(x & mask)}: the expectation of the Z string on `mask`.
double z_string_expectation(const double* probabilities, uint64_t size, uint64_t mask);

// The exact read value of a term (coefficient included): its measurement reads each factor P_q
// (X, Y or Z, measured as Z after the basis rotation) on a qubit q with readout error as
// (p0_given_1 - p1_given_0)_q I + (1 - p0_given_1 - p1_given_0)_q P_q, so the value is a weighted
// sum of the expectations of the term with subsets of those factors removed.
// expectation_of(term) returns the exact expectation of a term, coefficient included.
template <typename Expectation>
double confused_term_value(const PauliTerm& term, const std::vector<ReadoutError>& errors,
                           Expectation&& expectation_of);

// Draws `shots` outcomes from an (unnormalised, non-negative) distribution; calls
// on_sample(index) for each. cumulative is scratch of `size` entries.
template <typename OnSample>
void sample_distribution(const double* probabilities, uint64_t size, uint64_t shots, Rng& rng,
                         std::vector<double>& cumulative, OnSample&& on_sample);

}  // namespace qdcnn::noise

#include <algorithm>

#include "core/errors.h"

namespace qdcnn::noise {

template <typename Expectation>
double confused_term_value(const PauliTerm& term, const std::vector<ReadoutError>& errors,
                           Expectation&& expectation_of) {
  uint64_t confused = 0;  // factors on qubits with readout error
  for (size_t q = 0; q < errors.size(); ++q) {
    if (errors[q].any()) confused |= uint64_t{1} << q;
  }
  confused &= term.flip_mask | term.phase_mask;
  double total = 0;
  for (uint64_t drop = confused;; drop = (drop - 1) & confused) {
    double weight = 1;
    for (size_t q = 0; q < errors.size(); ++q) {
      if (!(confused >> q & 1)) continue;
      const ReadoutError& e = errors[q];
      weight *= (drop >> q & 1) ? e.p0_given_1 - e.p1_given_0 : 1 - e.p0_given_1 - e.p1_given_0;
    }
    PauliTerm kept = term;
    kept.n_y -= __builtin_popcountll(drop & term.flip_mask & term.phase_mask);  // Y factors dropped
    kept.flip_mask &= ~drop;
    kept.phase_mask &= ~drop;
    total += weight * expectation_of(kept);
    if (drop == 0) break;
  }
  return total;
}

template <typename OnSample>
void sample_distribution(const double* probabilities, uint64_t size, uint64_t shots, Rng& rng,
                         std::vector<double>& cumulative, OnSample&& on_sample) {
  cumulative.resize(size);
  double total = 0;
  for (uint64_t i = 0; i < size; ++i) {
    total += std::max(probabilities[i], 0.0);  // density-matrix diagonals may round below 0
    cumulative[i] = total;
  }
  if (!(total > 0)) throw Error(QDCNN_ERROR_INTERNAL, "sampling: the distribution is all zeros");
  for (uint64_t s = 0; s < shots; ++s) {
    const double u = rng.uniform() * total;
    const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), u);
    const uint64_t index = it == cumulative.end() ? size - 1 : static_cast<uint64_t>(it - cumulative.begin());
    on_sample(index);
  }
}

}  // namespace qdcnn::noise
