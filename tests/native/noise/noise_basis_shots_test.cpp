// Finite-shot estimation of outputs with X and Y factors: each term is sampled in its own
// measurement basis, estimates converge to the exact values for both methods, Z-type outputs keep
// the numbers they had before X/Y bases existed, and readout error reads every factor as documented.
#include <gtest/gtest.h>

#include <cmath>

#include "noise/noise_support.h"

namespace qdcnn::test {
namespace {

constexpr double kA = 0.7, kB = 1.1;  // RY(kA) on qubit 0, RX(kB) on qubit 1

// |psi> = RY(a)|0> (x) RX(b)|0>: <X0> = sin a, <Z0> = cos a, <Y1> = -sin b, <Z1> = cos b.
CircuitPtr product_circuit() {
  CircuitPtr c = make_circuit(2);
  EXPECT_EQ(add_gate(c.get(), QDCNN_GATE_RY, {0}, {constant(kA)}), QDCNN_OK);
  EXPECT_EQ(add_gate(c.get(), QDCNN_GATE_RX, {1}, {constant(kB)}), QDCNN_OK);
  return c;
}

// Outputs X0, Y1, X0 Y1, 0.2 + 0.5 Z0 Y1 + 0.3 X0, and Z1.
ObservablePtr mixed_observable() {
  ObservablePtr o;
  EXPECT_EQ(qdcnn_observable_create(2, o.out()), QDCNN_OK);
  add_output(o.get(), 1.0, {QDCNN_PAULI_X}, {0});
  add_output(o.get(), 1.0, {QDCNN_PAULI_Y}, {1});
  add_output(o.get(), 1.0, {QDCNN_PAULI_X, QDCNN_PAULI_Y}, {0, 1});
  add_output(o.get(), 0.2, {}, {});
  const int32_t zy[] = {QDCNN_PAULI_Z, QDCNN_PAULI_Y}, q01[] = {0, 1};
  const int32_t x[] = {QDCNN_PAULI_X}, q0[] = {0};
  EXPECT_EQ(qdcnn_observable_add_term(o.get(), 3, 0.5, zy, q01, 2), QDCNN_OK);
  EXPECT_EQ(qdcnn_observable_add_term(o.get(), 3, 0.3, x, q0, 1), QDCNN_OK);
  EXPECT_EQ(qdcnn_observable_add_z(o.get(), 1), QDCNN_OK);
  return o;
}

std::vector<double> noiseless_values() {
  const double x0 = std::sin(kA), z0 = std::cos(kA), y1 = -std::sin(kB), z1 = std::cos(kB);
  return {x0, y1, x0 * y1, 0.2 + 0.5 * z0 * y1 + 0.3 * x0, z1};
}

// Sum of |coefficients| of each output's non-constant terms: 1/sqrt(shots) times it bounds the
// standard error of the output's estimate.
const std::vector<double> kWeights = {1, 1, 1, 0.8, 1};

void expect_within_4_sigma(const std::vector<double>& estimate, const std::vector<double>& exact,
                           uint64_t shots, const char* what) {
  ASSERT_EQ(estimate.size(), exact.size());
  for (size_t i = 0; i < exact.size(); ++i) {
    EXPECT_NEAR(estimate[i], exact[i], 4 * kWeights[i] / std::sqrt(static_cast<double>(shots)))
        << what << " output " << i;
  }
}

TEST(NoiseBasisShots, NoiselessXAndYEstimatesConvergeForBothMethods) {
  CircuitPtr c = product_circuit();
  ObservablePtr o = mixed_observable();
  SimulatorPtr sim = make_simulator();
  const std::vector<double> exact = noiseless_values();
  // The exact path agrees with the closed form (so the shot estimates are checked against it).
  const auto direct = forward_noisy(sim.get(), c.get(), o.get(), nullptr, {});
  for (size_t i = 0; i < exact.size(); ++i) EXPECT_NEAR(direct[i], exact[i], 1e-12) << i;
  const uint64_t shots = 40000;
  expect_within_4_sigma(forward_noisy(sim.get(), c.get(), o.get(), nullptr,
                                      {QDCNN_NOISE_METHOD_DENSITY_MATRIX, 1, shots, 11}),
                        exact, shots, "density matrix");
  expect_within_4_sigma(forward_noisy(sim.get(), c.get(), o.get(), nullptr,
                                      {QDCNN_NOISE_METHOD_TRAJECTORIES, 5, shots, 12}),
                        exact, shots, "trajectories");
}

TEST(NoiseBasisShots, NoisyXAndYEstimatesConvergeForBothMethods) {
  // Depolarizing noise shrinks every Pauli expectation; amplitude damping is not unital, so the
  // X/Y bases see a state that differs from a plain rotation of the Z-basis statistics.
  CircuitPtr c = product_circuit();
  ObservablePtr o = mixed_observable();
  NoiseModelPtr m = make_noise_model();
  QDCNN_ASSERT_OK(qdcnn_noise_model_add_arity_noise(m.get(), 0, QDCNN_NOISE_DEPOLARIZING, 0.08));
  QDCNN_ASSERT_OK(qdcnn_noise_model_add_qubit_noise(m.get(), 1, QDCNN_NOISE_AMPLITUDE_DAMPING, 0.2));
  SimulatorPtr sim = make_simulator();
  const auto exact = forward_noisy(sim.get(), c.get(), o.get(), m.get(), {});
  // Depolarizing p on one qubit multiplies <X>, <Y>, <Z> by 1 - 4p/3.
  EXPECT_NEAR(exact[0], (1 - 4 * 0.08 / 3) * std::sin(kA), 1e-12);
  const uint64_t shots = 40000;
  expect_within_4_sigma(forward_noisy(sim.get(), c.get(), o.get(), m.get(),
                                      {QDCNN_NOISE_METHOD_DENSITY_MATRIX, 1, shots, 21}),
                        exact, shots, "density matrix");
  expect_within_4_sigma(forward_noisy(sim.get(), c.get(), o.get(), m.get(),
                                      {QDCNN_NOISE_METHOD_TRAJECTORIES, 4000, shots, 22}),
                        exact, shots, "trajectories");
}

TEST(NoiseBasisShots, ZTypeOutputsKeepTheirNumbers) {
  // The Z-type outputs of a mixed observable equal those of the Z-only observable, and both equal
  // the values the simulator produced before X/Y bases were supported (same seed and noise).
  CircuitPtr c = make_circuit(3);
  QDCNN_ASSERT_OK(add_gate(c.get(), QDCNN_GATE_RY, {0}, {constant(0.7)}));
  QDCNN_ASSERT_OK(add_gate(c.get(), QDCNN_GATE_RY, {1}, {constant(2.1)}));
  QDCNN_ASSERT_OK(add_gate(c.get(), QDCNN_GATE_CNOT, {0, 2}));
  NoiseModelPtr m = make_noise_model();
  QDCNN_ASSERT_OK(qdcnn_noise_model_add_arity_noise(m.get(), 0, QDCNN_NOISE_DEPOLARIZING, 0.05));
  QDCNN_ASSERT_OK(qdcnn_noise_model_set_readout_error(m.get(), 0, 0.02, 0.05));
  QDCNN_ASSERT_OK(qdcnn_noise_model_set_readout_error(m.get(), 2, 0.03, 0.01));
  ObservablePtr z_only = z_outputs(3, {0, 2});
  add_output(z_only.get(), 1.0, {QDCNN_PAULI_Z, QDCNN_PAULI_Z}, {0, 1});
  // The same outputs with X and Y outputs interleaved.
  ObservablePtr mixed = z_outputs(3, {0});
  add_output(mixed.get(), 1.0, {QDCNN_PAULI_X}, {1});
  QDCNN_ASSERT_OK(qdcnn_observable_add_z(mixed.get(), 2));
  add_output(mixed.get(), 1.0, {QDCNN_PAULI_Y, QDCNN_PAULI_Z}, {1, 2});
  add_output(mixed.get(), 1.0, {QDCNN_PAULI_Z, QDCNN_PAULI_Z}, {0, 1});
  SimulatorPtr sim = make_simulator();
  // Recorded with the Z-only implementation this change replaced.
  const std::vector<std::vector<double>> before = {
      {0.70666666666666667, 0.61333333333333329, -0.28000000000000003},
      {0.60666666666666669, 0.34666666666666668, -0.26666666666666666},
  };
  size_t index = 0;
  for (int32_t method : {QDCNN_NOISE_METHOD_DENSITY_MATRIX, QDCNN_NOISE_METHOD_TRAJECTORIES}) {
    const NoisyCall call{method, 7, 300, 2024};
    const auto z = forward_noisy(sim.get(), c.get(), z_only.get(), m.get(), call);
    EXPECT_EQ(z, before[index++]) << "method " << method;
    const auto x = forward_noisy(sim.get(), c.get(), mixed.get(), m.get(), call);
    EXPECT_EQ((std::vector<double>{x[0], x[2], x[4]}), z) << "method " << method;
  }
}

TEST(NoiseBasisShots, SeedReproducibleAndThreadIndependent) {
  CircuitPtr c = make_circuit(2);
  QDCNN_ASSERT_OK(add_gate(c.get(), QDCNN_GATE_RY, {0}, {input(0)}));
  QDCNN_ASSERT_OK(add_gate(c.get(), QDCNN_GATE_RX, {1}, {input(0)}));
  QDCNN_ASSERT_OK(add_gate(c.get(), QDCNN_GATE_CNOT, {0, 1}));
  ObservablePtr o = mixed_observable();
  NoiseModelPtr m = make_noise_model();
  QDCNN_ASSERT_OK(qdcnn_noise_model_add_arity_noise(m.get(), 0, QDCNN_NOISE_DEPOLARIZING, 0.05));
  SimulatorPtr one = make_simulator(), two = make_simulator();
  QDCNN_ASSERT_OK(qdcnn_simulator_set_threads(two.get(), 2));
  const std::vector<double> x = {0.1, 0.9, 1.7, 2.5, -0.6, 3.0};
  for (int32_t method : {QDCNN_NOISE_METHOD_DENSITY_MATRIX, QDCNN_NOISE_METHOD_TRAJECTORIES}) {
    const NoisyCall call{method, 9, 400, 77};
    const auto a = forward_noisy(one.get(), c.get(), o.get(), m.get(), call, {}, x, x.size());
    const auto b = forward_noisy(two.get(), c.get(), o.get(), m.get(), call, {}, x, x.size());
    EXPECT_EQ(a, b) << "method " << method;
    EXPECT_EQ(a, forward_noisy(one.get(), c.get(), o.get(), m.get(), call, {}, x, x.size()));
    NoisyCall other = call;
    other.seed = 78;
    EXPECT_NE(a, forward_noisy(one.get(), c.get(), o.get(), m.get(), other, {}, x, x.size()));
  }
}

TEST(NoiseBasisShots, ReadoutErrorReadsEveryMeasuredFactor) {
  // Readout error on qubit 0 only (p01 = p0_given_1, p10 = p1_given_0), as documented:
  // <X0> -> (1 - p01 - p10) <X0> + (p01 - p10), <Y0> likewise,
  // <Z0 X1> -> (1 - p01 - p10) <Z0 X1> + (p01 - p10) <X1>, and <X1> is untouched; exactly and with
  // shots, for both methods.
  const double p10 = 0.1, p01 = 0.04, b = 0.9, f = 1 - p01 - p10, s = p01 - p10;
  CircuitPtr c = make_circuit(2);
  QDCNN_ASSERT_OK(add_gate(c.get(), QDCNN_GATE_RY, {0}, {constant(kA)}));
  QDCNN_ASSERT_OK(add_gate(c.get(), QDCNN_GATE_RX, {0}, {constant(0.5)}));
  QDCNN_ASSERT_OK(add_gate(c.get(), QDCNN_GATE_RY, {1}, {constant(b)}));
  ObservablePtr o;
  QDCNN_ASSERT_OK(qdcnn_observable_create(2, o.out()));
  add_output(o.get(), 1.0, {QDCNN_PAULI_X}, {0});
  add_output(o.get(), 1.0, {QDCNN_PAULI_Y}, {0});
  add_output(o.get(), 1.0, {QDCNN_PAULI_Z, QDCNN_PAULI_X}, {0, 1});
  add_output(o.get(), 1.0, {QDCNN_PAULI_X}, {1});
  NoiseModelPtr m = make_noise_model();
  QDCNN_ASSERT_OK(qdcnn_noise_model_set_readout_error(m.get(), 0, p10, p01));
  SimulatorPtr sim = make_simulator();
  // Noiseless values from the exact simulator (RX after RY makes <Y0> nonzero).
  const auto clean = forward_noisy(sim.get(), c.get(), o.get(), nullptr, {});
  EXPECT_NEAR(clean[0], std::sin(kA), 1e-12);  // RX leaves <X> alone
  EXPECT_GT(std::abs(clean[1]), 0.2);
  EXPECT_NEAR(clean[3], std::sin(b), 1e-12);
  const std::vector<double> documented = {f * clean[0] + s, f * clean[1] + s, f * clean[2] + s * clean[3],
                                          clean[3]};
  for (int32_t method : {QDCNN_NOISE_METHOD_DENSITY_MATRIX, QDCNN_NOISE_METHOD_TRAJECTORIES}) {
    const auto exact = forward_noisy(sim.get(), c.get(), o.get(), m.get(), {method, 1, 0, 1});
    for (size_t i = 0; i < 4; ++i) EXPECT_NEAR(exact[i], documented[i], 1e-12) << method << " " << i;
    const uint64_t shots = 40000;
    const auto estimate = forward_noisy(sim.get(), c.get(), o.get(), m.get(), {method, 3, shots, 5});
    for (size_t i = 0; i < 4; ++i) {
      EXPECT_NEAR(estimate[i], documented[i], 4 / std::sqrt(static_cast<double>(shots))) << method << " " << i;
    }
  }
}

}  // namespace
}  // namespace qdcnn::test
