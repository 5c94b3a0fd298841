// Finite-shot estimation: estimates are unbiased, their error shrinks as 1/sqrt(shots), they are
// reproducible per seed, and both methods sample the same noisy distribution.
#include <gtest/gtest.h>

#include <cmath>

#include "noise/noise_support.h"

namespace qdcnn::test {
namespace {

// RY rotations and an entangler on 3 qubits; outputs Z0, Z2, Z0 Z1 Z2 and 0.5 + 0.3 Z1.
struct ShotProblem {
  CircuitPtr circuit = make_circuit(3);
  ObservablePtr observable = z_outputs(3, {0, 2});
  ShotProblem() {
    EXPECT_EQ(add_gate(circuit.get(), QDCNN_GATE_RY, {0}, {constant(0.7)}), QDCNN_OK);
    EXPECT_EQ(add_gate(circuit.get(), QDCNN_GATE_RY, {1}, {constant(2.1)}), QDCNN_OK);
    EXPECT_EQ(add_gate(circuit.get(), QDCNN_GATE_CNOT, {0, 2}), QDCNN_OK);
    EXPECT_EQ(add_gate(circuit.get(), QDCNN_GATE_RY, {2}, {constant(-0.4)}), QDCNN_OK);
    add_output(observable.get(), 1.0, {QDCNN_PAULI_Z, QDCNN_PAULI_Z, QDCNN_PAULI_Z}, {0, 1, 2});
    add_output(observable.get(), 0.5, {}, {});
    int32_t count = 0;
    EXPECT_EQ(qdcnn_observable_count(observable.get(), &count), QDCNN_OK);
    const int32_t z[] = {QDCNN_PAULI_Z}, q1[] = {1};
    EXPECT_EQ(qdcnn_observable_add_term(observable.get(), count - 1, 0.3, z, q1, 1), QDCNN_OK);
  }
};

NoiseModelPtr moderate_noise() {
  NoiseModelPtr m = make_noise_model();
  EXPECT_EQ(qdcnn_noise_model_add_arity_noise(m.get(), 0, QDCNN_NOISE_DEPOLARIZING, 0.05), QDCNN_OK);
  EXPECT_EQ(qdcnn_noise_model_add_gate_noise(m.get(), QDCNN_GATE_CNOT, QDCNN_NOISE_DEPOLARIZING2, 0.1), QDCNN_OK);
  EXPECT_EQ(qdcnn_noise_model_set_default_readout_error(m.get(), 0.02, 0.05), QDCNN_OK);
  return m;
}

// Root-mean-square error of shot estimates against `exact` over `seeds` seeds, all outputs.
double rms_error(qdcnn_simulator* sim, ShotProblem& p, qdcnn_noise_model* m, NoisyCall call,
                 const std::vector<double>& exact, uint64_t seeds) {
  double sum = 0;
  size_t count = 0;
  for (uint64_t seed = 1; seed <= seeds; ++seed) {
    call.seed = seed * 7919;
    const std::vector<double> v = forward_noisy(sim, p.circuit.get(), p.observable.get(), m, call);
    for (size_t i = 0; i < v.size(); ++i, ++count) sum += (v[i] - exact[i]) * (v[i] - exact[i]);
  }
  return std::sqrt(sum / static_cast<double>(count));
}

TEST(NoiseShots, ErrorHalvesAtFourTimesTheShots) {
  ShotProblem p;
  NoiseModelPtr m = moderate_noise();
  SimulatorPtr sim = make_simulator();
  const std::vector<double> exact = forward_noisy(sim.get(), p.circuit.get(), p.observable.get(), m.get(), {});
  const double e1 = rms_error(sim.get(), p, m.get(), {QDCNN_NOISE_METHOD_DENSITY_MATRIX, 0, 256, 0}, exact, 60);
  const double e4 = rms_error(sim.get(), p, m.get(), {QDCNN_NOISE_METHOD_DENSITY_MATRIX, 0, 1024, 0}, exact, 60);
  const double e16 = rms_error(sim.get(), p, m.get(), {QDCNN_NOISE_METHOD_DENSITY_MATRIX, 0, 4096, 0}, exact, 60);
  EXPECT_GT(e1 / e4, 1.5) << e1 << " " << e4;
  EXPECT_LT(e1 / e4, 2.7) << e1 << " " << e4;
  EXPECT_GT(e4 / e16, 1.5) << e4 << " " << e16;
  EXPECT_LT(e4 / e16, 2.7) << e4 << " " << e16;
  // Absolute scale: a +-1 outcome has variance 1 - <Z>^2, so RMS error ~ sqrt(mean var / shots).
  double mean_var = 0;
  const double weight[] = {1, 1, 1, 0.3};
  const double offset[] = {0, 0, 0, 0.5};
  for (size_t i = 0; i < 4; ++i) {
    const double z = (exact[i] - offset[i]) / weight[i];
    mean_var += weight[i] * weight[i] * (1 - z * z) / 4;
  }
  const double predicted = std::sqrt(mean_var / 1024);
  EXPECT_GT(e4, 0.7 * predicted);
  EXPECT_LT(e4, 1.4 * predicted);
}

TEST(NoiseShots, EstimatesAreUnbiasedForBothMethods) {
  // Mean over many seeds approaches the exact value; trajectories with shots spread one shot per
  // noisy run and sample the same distribution.
  ShotProblem p;
  NoiseModelPtr m = moderate_noise();
  SimulatorPtr sim = make_simulator();
  const std::vector<double> exact = forward_noisy(sim.get(), p.circuit.get(), p.observable.get(), m.get(), {});
  for (const NoisyCall call : {NoisyCall{QDCNN_NOISE_METHOD_DENSITY_MATRIX, 0, 2000, 0},
                               NoisyCall{QDCNN_NOISE_METHOD_TRAJECTORIES, 2000, 2000, 0}}) {
    std::vector<double> mean(exact.size(), 0.0);
    const int seeds = 20;
    for (int s = 1; s <= seeds; ++s) {
      NoisyCall c = call;
      c.seed = static_cast<uint64_t>(s) * 104729;
      const std::vector<double> v = forward_noisy(sim.get(), p.circuit.get(), p.observable.get(), m.get(), c);
      for (size_t i = 0; i < v.size(); ++i) mean[i] += v[i] / seeds;
    }
    // 40 000 shots in all: standard error <= 1/200; allow 4 of them.
    for (size_t i = 0; i < exact.size(); ++i) EXPECT_NEAR(mean[i], exact[i], 0.02) << "method " << call.method << " output " << i;
  }
}

TEST(NoiseShots, SeedReproducibleAndThreadIndependent) {
  ShotProblem p;
  NoiseModelPtr m = moderate_noise();
  SimulatorPtr one = make_simulator(), two = make_simulator();
  QDCNN_ASSERT_OK(qdcnn_simulator_set_threads(two.get(), 2));
  for (int32_t method : {QDCNN_NOISE_METHOD_DENSITY_MATRIX, QDCNN_NOISE_METHOD_TRAJECTORIES}) {
    const NoisyCall call{method, 16, 500, 42};
    const auto a = forward_noisy(one.get(), p.circuit.get(), p.observable.get(), m.get(), call);
    const auto b = forward_noisy(two.get(), p.circuit.get(), p.observable.get(), m.get(), call);
    EXPECT_EQ(a, b);
    NoisyCall other = call;
    other.seed = 43;
    EXPECT_NE(a, forward_noisy(one.get(), p.circuit.get(), p.observable.get(), m.get(), other));
  }
}

TEST(NoiseShots, NoiselessShotsOnBasisStatesAreExact) {
  // A basis state measures the same outcome every shot: estimates equal the exact values.
  CircuitPtr c = make_circuit(2);
  QDCNN_ASSERT_OK(add_gate(c.get(), QDCNN_GATE_X, {1}));
  ObservablePtr o = z_outputs(2, {0, 1});
  SimulatorPtr sim = make_simulator();
  for (int32_t method : {QDCNN_NOISE_METHOD_DENSITY_MATRIX, QDCNN_NOISE_METHOD_TRAJECTORIES}) {
    const auto v = forward_noisy(sim.get(), c.get(), o.get(), nullptr, {method, 3, 17, 5});
    EXPECT_EQ(v, (std::vector<double>{1.0, -1.0}));
  }
}

TEST(NoiseShots, BatchedSamplesUseTheirOwnInputs) {
  // RY(x) per sample: shot estimates of <Z> track cos(x) per row.
  CircuitPtr c = make_circuit(1);
  QDCNN_ASSERT_OK(add_gate(c.get(), QDCNN_GATE_RY, {0}, {input(0)}));
  ObservablePtr o = z_outputs(1, {0});
  SimulatorPtr sim = make_simulator();
  const std::vector<double> x = {0.0, 1.0, 2.0, 3.1};
  const auto v = forward_noisy(sim.get(), c.get(), o.get(), nullptr,
                               {QDCNN_NOISE_METHOD_TRAJECTORIES, 1, 20000, 3}, {}, x, x.size());
  for (size_t b = 0; b < x.size(); ++b) EXPECT_NEAR(v[b], std::cos(x[b]), 4 / std::sqrt(20000.0)) << b;
}

}  // namespace
}  // namespace qdcnn::test
