// Pauli expectations against dense matrices, probabilities, and seeded sampling statistics.
#include <gtest/gtest.h>

#include <cmath>

#include "circuit_fixtures.h"

namespace qdcnn::test {
namespace {

StatePtr state_from(const std::vector<cd>& amps, int n, int32_t precision) {
  StatePtr st;
  EXPECT_EQ(qdcnn_state_create(n, precision, st.out()), QDCNN_OK);
  const std::vector<double> v = interleave(amps);
  EXPECT_EQ(qdcnn_state_set_amplitudes(st.get(), v.data(), v.size()), QDCNN_OK);
  return st;
}

TEST(Measurement, PauliStringsMatchDenseExpectation) {
  const int n = 4;
  const std::vector<cd> psi = random_state(n, 3);
  const cd i1(0, 1);
  const std::vector<cd> X = {0, 1, 1, 0}, Y = {0, -i1, i1, 0}, Z = {1, 0, 0, -1};
  const std::vector<cd>* mats[] = {nullptr, &X, &Y, &Z};
  std::mt19937_64 rng(9);
  for (int trial = 0; trial < 30; ++trial) {
    std::vector<int32_t> paulis, qubits;
    std::vector<cd> phi = psi;
    for (int q = 0; q < n; ++q) {
      const int32_t p = static_cast<int32_t>(rng() % 4);
      if (p == QDCNN_PAULI_I && rng() % 2) continue;
      paulis.push_back(p);
      qubits.push_back(q);
      if (p != QDCNN_PAULI_I) reference_apply(phi, {q}, *mats[p]);
    }
    cd want = 0;
    for (size_t i = 0; i < psi.size(); ++i) want += std::conj(psi[i]) * phi[i];
    const double coefficient = 0.5 + trial * 0.1;
    ObservablePtr o;
    ASSERT_EQ(qdcnn_observable_create(n, o.out()), QDCNN_OK);
    ASSERT_EQ(qdcnn_observable_add_term(o.get(), 0, coefficient, paulis.data(), qubits.data(),
                                        paulis.size()),
              QDCNN_OK);
    for (int32_t precision : {QDCNN_PRECISION_COMPLEX64, QDCNN_PRECISION_COMPLEX128}) {
      StatePtr st = state_from(psi, n, precision);
      double value = 0;
      ASSERT_EQ(qdcnn_state_expectation(st.get(), o.get(), &value, 1), QDCNN_OK);
      EXPECT_NEAR(value, coefficient * want.real(), precision ? 1e-12 : 1e-5) << "trial " << trial;
    }
  }
}

TEST(Measurement, ProbabilitiesSumToOne) {
  const std::vector<cd> psi = random_state(6, 4);
  StatePtr st = state_from(psi, 6, QDCNN_PRECISION_COMPLEX128);
  std::vector<double> p(64);
  ASSERT_EQ(qdcnn_state_probabilities(st.get(), p.data(), p.size()), QDCNN_OK);
  double total = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    EXPECT_NEAR(p[i], std::norm(psi[i]), 1e-15);
    total += p[i];
  }
  EXPECT_NEAR(total, 1.0, 1e-12);
}

TEST(Measurement, SamplingFollowsTheDistributionAndIsReproducible) {
  const int n = 3;
  std::vector<cd> psi(8, 0.0);
  const double probs[8] = {0.05, 0.1, 0.0, 0.25, 0.15, 0.0, 0.3, 0.15};
  for (int i = 0; i < 8; ++i) psi[static_cast<size_t>(i)] = std::sqrt(probs[i]);
  for (int32_t precision : {QDCNN_PRECISION_COMPLEX64, QDCNN_PRECISION_COMPLEX128}) {
    StatePtr st = state_from(psi, n, precision);
    const size_t shots = 200000;
    std::vector<uint64_t> a(shots), b(shots);
    ASSERT_EQ(qdcnn_state_sample(st.get(), 1234, a.data(), shots), QDCNN_OK);
    ASSERT_EQ(qdcnn_state_sample(st.get(), 1234, b.data(), shots), QDCNN_OK);
    EXPECT_EQ(a, b);
    std::vector<double> counts(8, 0);
    for (uint64_t s : a) {
      ASSERT_LT(s, 8u);
      counts[s] += 1;
    }
    for (int i = 0; i < 8; ++i) {
      const double p = probs[i];
      const double sigma = std::sqrt(p * (1 - p) / shots);
      EXPECT_NEAR(counts[static_cast<size_t>(i)] / shots, p, 5 * sigma + 1e-12) << "index " << i;
    }
    std::vector<uint64_t> c(shots);
    ASSERT_EQ(qdcnn_state_sample(st.get(), 99, c.data(), shots), QDCNN_OK);
    EXPECT_NE(a, c);
  }
}

TEST(Measurement, SamplingStreamIsFixedAcrossPlatforms) {
  // The generator is xoshiro256** seeded by splitmix64: the first draws of a uniform
  // distribution over 4 outcomes are pinned, so any change of generator is caught.
  std::vector<cd> psi(4, 0.5);
  StatePtr st = state_from(psi, 2, QDCNN_PRECISION_COMPLEX128);
  std::vector<uint64_t> s(12);
  ASSERT_EQ(qdcnn_state_sample(st.get(), 42, s.data(), s.size()), QDCNN_OK);
  const std::vector<uint64_t> pinned = {0, 1, 2, 3, 3, 3, 2, 3, 3, 2, 2, 1};
  EXPECT_EQ(s, pinned);
}

}  // namespace
}  // namespace qdcnn::test
