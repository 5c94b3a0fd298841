#include "noise/readout.h"

namespace qdcnn::noise {

void apply_readout_confusion(double* probabilities, int n_qubits,
                             const std::vector<ReadoutError>& errors) {
  if (errors.empty()) return;
  const uint64_t size = uint64_t{1} << n_qubits;
  for (int q = 0; q < n_qubits; ++q) {
    const ReadoutError& e = errors[static_cast<size_t>(q)];
    if (!e.any()) continue;
    const uint64_t half = uint64_t{1} << q;
    for (uint64_t base = 0; base < size; base += 2 * half) {
      for (uint64_t i = base; i < base + half; ++i) {
        const double p0 = probabilities[i], p1 = probabilities[i + half];
        probabilities[i] = (1 - e.p1_given_0) * p0 + e.p0_given_1 * p1;
        probabilities[i + half] = e.p1_given_0 * p0 + (1 - e.p0_given_1) * p1;
      }
    }
  }
}

double z_string_expectation(const double* probabilities, uint64_t size, uint64_t mask) {
  double total = 0;
  for (uint64_t i = 0; i < size; ++i) {
    total += (__builtin_popcountll(i & mask) & 1) ? -probabilities[i] : probabilities[i];
  }
  return total;
}

}  // namespace qdcnn::noise
