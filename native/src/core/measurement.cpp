#include "core/measurement.h"

#include <algorithm>
#include <vector>

#include "core/errors.h"
#include "core/rng.h"

namespace qdcnn {
namespace {

inline int parity(uint64_t x) { return __builtin_popcountll(x) & 1; }

// i^{n_y} as a complex unit.
inline std::complex<double> i_power(int n) {
  switch (n & 3) {
    case 0: return {1, 0};
    case 1: return {0, 1};
    case 2: return {-1, 0};
    default: return {0, -1};
  }
}

// Sum of |amp|^2 over indices with `qubit` set.
template <typename T>
double weight_of_one(const std::complex<T>* state, uint64_t size, int qubit) {
  const uint64_t half = uint64_t{1} << qubit;
  const T* s = reinterpret_cast<const T*>(state);
  double total = 0;
  for (uint64_t hi = half; hi < size; hi += 2 * half) {
    double block = 0;
    for (uint64_t i = 2 * hi; i < 2 * (hi + half); ++i) block += double(s[i]) * double(s[i]);
    total += block;
  }
  return total;
}

}  // namespace

template <typename T>
double norm_squared(const std::complex<T>* state, uint64_t size) {
  const T* s = reinterpret_cast<const T*>(state);
  double total = 0;
  for (uint64_t i = 0; i < 2 * size; ++i) total += double(s[i]) * double(s[i]);
  return total;
}

template <typename T>
void probabilities(const std::complex<T>* state, uint64_t size, double* out) {
  for (uint64_t i = 0; i < size; ++i) out[i] = std::norm(std::complex<double>(state[i]));
}

template <typename T>
double expectation(const std::complex<T>* state, int n_qubits, const PauliTerm& term) {
  const uint64_t size = uint64_t{1} << n_qubits;
  if (term.phase_mask == 0 && term.flip_mask == 0) {
    return term.coefficient * norm_squared(state, size);
  }
  if (term.flip_mask == 0 && __builtin_popcountll(term.phase_mask) == 1) {
    const int q = __builtin_ctzll(term.phase_mask);
    const double one = weight_of_one(state, size, q);
    return term.coefficient * (norm_squared(state, size) - 2 * one);
  }
  std::complex<double> total = 0;
  for (uint64_t i = 0; i < size; ++i) {
    const std::complex<double> a(state[i]);
    const std::complex<double> b(state[i ^ term.flip_mask]);
    const double sign = parity(i & term.phase_mask) ? -1.0 : 1.0;
    total += sign * std::conj(b) * a;
  }
  return term.coefficient * (i_power(term.n_y) * total).real();
}

template <typename T>
void expectations(const std::complex<T>* state, const Observable& observable, double* out) {
  const int n = observable.n_qubits();
  for (int32_t o = 0; o < observable.n_outputs(); ++o) {
    double v = 0;
    for (const PauliTerm& t : observable.outputs()[o]) v += expectation(state, n, t);
    out[o] = v;
  }
}

template <typename T>
void apply_weighted_observable(const std::complex<T>* state, const Observable& observable,
                               const double* weights, std::complex<T>* out) {
  const int n = observable.n_qubits();
  const uint64_t size = uint64_t{1} << n;
  // Diagonal part: single-Z and identity terms build the diagonal by doubling (O(2^n)); other
  // diagonal terms add their signs index by index.
  thread_local std::vector<double> diag;
  diag.assign(size, 0.0);
  double constant = 0;
  std::vector<double> z_weight(static_cast<size_t>(n), 0.0);
  bool any_single_z = false;
  for (int32_t o = 0; o < observable.n_outputs(); ++o) {
    if (weights[o] == 0) continue;
    for (const PauliTerm& t : observable.outputs()[o]) {
      if (!t.diagonal()) continue;
      const double w = weights[o] * t.coefficient;
      if (t.phase_mask == 0) {
        constant += w;
      } else if (__builtin_popcountll(t.phase_mask) == 1) {
        z_weight[static_cast<size_t>(__builtin_ctzll(t.phase_mask))] += w;
        any_single_z = true;
      } else {
        for (uint64_t i = 0; i < size; ++i) diag[i] += parity(i & t.phase_mask) ? -w : w;
      }
    }
  }
  if (any_single_z || constant != 0) {
    double first = constant;
    for (double w : z_weight) first += w;
    std::vector<double> z(1, first);
    z.reserve(size);
    for (int q = 0; q < n; ++q) {
      const uint64_t half = z.size();
      for (uint64_t i = 0; i < half; ++i) z.push_back(z[i] - 2 * z_weight[static_cast<size_t>(q)]);
    }
    for (uint64_t i = 0; i < size; ++i) diag[i] += z[i];
  }
  for (uint64_t i = 0; i < size; ++i) out[i] = state[i] * static_cast<T>(diag[i]);
  // Off-diagonal terms.
  for (int32_t o = 0; o < observable.n_outputs(); ++o) {
    if (weights[o] == 0) continue;
    for (const PauliTerm& t : observable.outputs()[o]) {
      if (t.diagonal()) continue;
      const std::complex<double> w = weights[o] * t.coefficient * i_power(t.n_y);
      for (uint64_t i = 0; i < size; ++i) {
        const double sign = parity(i & t.phase_mask) ? -1.0 : 1.0;
        const std::complex<double> v = sign * w * std::complex<double>(state[i]);
        out[i ^ t.flip_mask] += std::complex<T>(static_cast<T>(v.real()), static_cast<T>(v.imag()));
      }
    }
  }
}

template <typename T>
void sample(const std::complex<T>* state, uint64_t size, uint64_t seed, uint64_t shots,
            uint64_t* out) {
  std::vector<double> cumulative(size);
  double total = 0;
  for (uint64_t i = 0; i < size; ++i) {
    total += std::norm(std::complex<double>(state[i]));
    cumulative[i] = total;
  }
  if (!(total > 0)) throw Error(QDCNN_ERROR_ZERO_NORM, "state: all amplitudes are zero");
  Rng rng(seed);
  for (uint64_t s = 0; s < shots; ++s) {
    const double u = rng.uniform() * total;
    auto it = std::upper_bound(cumulative.begin(), cumulative.end(), u);
    uint64_t index = static_cast<uint64_t>(it - cumulative.begin());
    if (index >= size) index = size - 1;
    // Never return a zero-probability index sitting before a rounding edge.
    while (index > 0 && std::norm(std::complex<double>(state[index])) == 0) --index;
    out[s] = index;
  }
}

#define QDCNN_INSTANTIATE(T)                                                                   \
  template double norm_squared<T>(const std::complex<T>*, uint64_t);                           \
  template void probabilities<T>(const std::complex<T>*, uint64_t, double*);                   \
  template double expectation<T>(const std::complex<T>*, int, const PauliTerm&);              \
  template void expectations<T>(const std::complex<T>*, const Observable&, double*);          \
  template void apply_weighted_observable<T>(const std::complex<T>*, const Observable&,        \
                                             const double*, std::complex<T>*);                 \
  template void sample<T>(const std::complex<T>*, uint64_t, uint64_t, uint64_t, uint64_t*);
QDCNN_INSTANTIATE(float)
QDCNN_INSTANTIATE(double)
#undef QDCNN_INSTANTIATE

}  // namespace qdcnn
