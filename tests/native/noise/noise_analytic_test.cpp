// Known closed forms under both methods: depolarizing, two-qubit depolarizing, amplitude and phase
// damping, bit and phase flips, and readout error on single Z and Z products.
#include <gtest/gtest.h>

#include <cmath>

#include "noise/noise_support.h"

namespace qdcnn::test {
namespace {

const int32_t kMethods[] = {QDCNN_NOISE_METHOD_DENSITY_MATRIX, QDCNN_NOISE_METHOD_TRAJECTORIES};

// Trajectory results are averages: compare within 5 standard errors of a +-1-bounded value.
double tolerance(int32_t method, uint64_t trajectories) {
  return method == QDCNN_NOISE_METHOD_DENSITY_MATRIX ? 1e-12 : 5.0 / std::sqrt(double(trajectories));
}

TEST(NoiseAnalytic, DepolarizingOnZero) {
  // (1 - p) rho + p/3 (X rho X + Y rho Y + Z rho Z): <Z> of |0> = 1 - 4p/3.
  for (int32_t method : kMethods) {
    for (double p : {0.0, 0.05, 0.3, 0.75, 1.0}) {
      SimulatorPtr sim = make_simulator();
      CircuitPtr c = make_circuit(1);
      QDCNN_ASSERT_OK(add_gate(c.get(), QDCNN_GATE_I, {0}));
      NoiseModelPtr m = make_noise_model();
      QDCNN_ASSERT_OK(qdcnn_noise_model_add_gate_noise(m.get(), QDCNN_GATE_I, QDCNN_NOISE_DEPOLARIZING, p));
      ObservablePtr o = z_outputs(1, {0});
      const std::vector<double> v = forward_noisy(sim.get(), c.get(), o.get(), m.get(), {method, 4000, 0, 7});
      EXPECT_NEAR(v[0], 1 - 4 * p / 3, tolerance(method, 4000)) << "method " << method << " p " << p;
    }
  }
}

TEST(NoiseAnalytic, TwoQubitDepolarizingAfterCnot) {
  // 8 of the 15 non-identity Pauli pairs anticommute with Z_0: <Z_0> of |00> = 1 - 16p/15.
  // A Bell pair keeps <Z0 Z1> = <X0 X1> = 1 - 16p/15 too (8 pairs anticommute with each).
  for (int32_t method : kMethods) {
    const double p = 0.2;
    SimulatorPtr sim = make_simulator();
    CircuitPtr c = make_circuit(2);
    QDCNN_ASSERT_OK(add_gate(c.get(), QDCNN_GATE_H, {1}));
    QDCNN_ASSERT_OK(add_gate(c.get(), QDCNN_GATE_CNOT, {1, 0}));
    NoiseModelPtr m = make_noise_model();
    QDCNN_ASSERT_OK(qdcnn_noise_model_add_arity_noise(m.get(), 2, QDCNN_NOISE_DEPOLARIZING2, p));
    ObservablePtr o = z_outputs(2, {0});
    add_output(o.get(), 1.0, {QDCNN_PAULI_Z, QDCNN_PAULI_Z}, {0, 1});
    add_output(o.get(), 1.0, {QDCNN_PAULI_X, QDCNN_PAULI_X}, {0, 1});
    const std::vector<double> v = forward_noisy(sim.get(), c.get(), o.get(), m.get(), {method, 6000, 0, 3});
    EXPECT_NEAR(v[0], 0.0, tolerance(method, 6000));
    EXPECT_NEAR(v[1], 1 - 16 * p / 15, tolerance(method, 6000));
    EXPECT_NEAR(v[2], 1 - 16 * p / 15, tolerance(method, 6000));
  }
}

TEST(NoiseAnalytic, AmplitudeDampingDecays) {
  // X then k - 1 identities, damping gamma after every gate on qubit 0: P(1) = (1 - gamma)^k.
  for (int32_t method : kMethods) {
    const double gamma = 0.1;
    for (int k : {1, 3, 10}) {
      SimulatorPtr sim = make_simulator();
      CircuitPtr c = make_circuit(2);
      QDCNN_ASSERT_OK(add_gate(c.get(), QDCNN_GATE_X, {0}));
      for (int i = 1; i < k; ++i) QDCNN_ASSERT_OK(add_gate(c.get(), QDCNN_GATE_I, {0}));
      NoiseModelPtr m = make_noise_model();
      QDCNN_ASSERT_OK(qdcnn_noise_model_add_qubit_noise(m.get(), 0, QDCNN_NOISE_AMPLITUDE_DAMPING, gamma));
      ObservablePtr o = z_outputs(2, {0, 1});
      const std::vector<double> v = forward_noisy(sim.get(), c.get(), o.get(), m.get(), {method, 4000, 0, 5});
      EXPECT_NEAR(v[0], 1 - 2 * std::pow(1 - gamma, k), tolerance(method, 4000)) << "k " << k;
      EXPECT_NEAR(v[1], 1.0, 1e-12);  // untouched qubit
    }
  }
}

TEST(NoiseAnalytic, AmplitudeDampingOnSuperpositionIsStateDependent) {
  // RY(theta)|0>, damping gamma: P(1) = (1 - gamma) sin^2(theta/2), <X> = sqrt(1 - gamma) sin(theta).
  for (int32_t method : kMethods) {
    const double gamma = 0.35, theta = 1.1;
    SimulatorPtr sim = make_simulator();
    CircuitPtr c = make_circuit(1);
    QDCNN_ASSERT_OK(add_gate(c.get(), QDCNN_GATE_RY, {0}, {constant(theta)}));
    NoiseModelPtr m = make_noise_model();
    QDCNN_ASSERT_OK(qdcnn_noise_model_add_gate_noise(m.get(), QDCNN_GATE_RY, QDCNN_NOISE_AMPLITUDE_DAMPING, gamma));
    ObservablePtr o = z_outputs(1, {0});
    add_output(o.get(), 1.0, {QDCNN_PAULI_X}, {0});
    const std::vector<double> v = forward_noisy(sim.get(), c.get(), o.get(), m.get(), {method, 8000, 0, 9});
    const double s2 = std::pow(std::sin(theta / 2), 2);
    EXPECT_NEAR(v[0], 1 - 2 * (1 - gamma) * s2, tolerance(method, 8000));
    EXPECT_NEAR(v[1], std::sqrt(1 - gamma) * std::sin(theta), tolerance(method, 8000));
  }
}

TEST(NoiseAnalytic, PhaseDampingAndFlips) {
  // H|0> = |+>: phase damping lambda gives <X> = sqrt(1 - lambda); phase flip p gives 1 - 2p.
  // X|0> = |1>: bit flip p gives <Z> = -(1 - 2p).
  for (int32_t method : kMethods) {
    SimulatorPtr sim = make_simulator();
    CircuitPtr c = make_circuit(3);
    QDCNN_ASSERT_OK(add_gate(c.get(), QDCNN_GATE_H, {0}));
    QDCNN_ASSERT_OK(add_gate(c.get(), QDCNN_GATE_H, {1}));
    QDCNN_ASSERT_OK(add_gate(c.get(), QDCNN_GATE_X, {2}));
    NoiseModelPtr m = make_noise_model();
    QDCNN_ASSERT_OK(qdcnn_noise_model_add_qubit_noise(m.get(), 0, QDCNN_NOISE_PHASE_DAMPING, 0.36));
    QDCNN_ASSERT_OK(qdcnn_noise_model_add_qubit_noise(m.get(), 1, QDCNN_NOISE_PHASE_FLIP, 0.15));
    QDCNN_ASSERT_OK(qdcnn_noise_model_add_gate_noise(m.get(), QDCNN_GATE_X, QDCNN_NOISE_BIT_FLIP, 0.2));
    ObservablePtr o;
    QDCNN_ASSERT_OK(qdcnn_observable_create(3, o.out()));
    add_output(o.get(), 1.0, {QDCNN_PAULI_X}, {0});
    add_output(o.get(), 1.0, {QDCNN_PAULI_X}, {1});
    add_output(o.get(), 1.0, {QDCNN_PAULI_Z}, {2});
    add_output(o.get(), 1.0, {QDCNN_PAULI_Z}, {0});
    const std::vector<double> v = forward_noisy(sim.get(), c.get(), o.get(), m.get(), {method, 8000, 0, 2});
    const double tol = tolerance(method, 8000);
    EXPECT_NEAR(v[0], std::sqrt(1 - 0.36), tol);
    EXPECT_NEAR(v[1], 1 - 2 * 0.15, tol);
    EXPECT_NEAR(v[2], -(1 - 2 * 0.2), tol);
    EXPECT_NEAR(v[3], 0.0, tol);  // phase damping leaves populations alone
  }
}

TEST(NoiseAnalytic, ReadoutErrorOnSingleZAndProducts) {
  // Per qubit E[z'] = a + b z with a = p01 - p10, b = 1 - p01 - p10 (p10 = p(1|0), p01 = p(0|1)).
  const double p10_0 = 0.03, p01_0 = 0.08, p10_1 = 0.05, p01_1 = 0.12;
  const double a0 = p01_0 - p10_0, b0 = 1 - p01_0 - p10_0;
  const double a1 = p01_1 - p10_1, b1 = 1 - p01_1 - p10_1;
  for (int32_t method : kMethods) {
    SimulatorPtr sim = make_simulator();
    NoiseModelPtr m = make_noise_model();
    QDCNN_ASSERT_OK(qdcnn_noise_model_set_readout_error(m.get(), 0, p10_0, p01_0));
    QDCNN_ASSERT_OK(qdcnn_noise_model_set_readout_error(m.get(), 1, p10_1, p01_1));
    {
      // |q1 q0> = |0 1>: <Z0> = -1, <Z1> = 1, <Z0 Z1> = -1.
      CircuitPtr c = make_circuit(2);
      QDCNN_ASSERT_OK(add_gate(c.get(), QDCNN_GATE_X, {0}));
      ObservablePtr o = z_outputs(2, {0, 1});
      add_output(o.get(), 2.0, {QDCNN_PAULI_Z, QDCNN_PAULI_Z}, {0, 1});
      const std::vector<double> v = forward_noisy(sim.get(), c.get(), o.get(), m.get(), {method, 10, 0, 1});
      EXPECT_NEAR(v[0], a0 - b0, 1e-12);
      EXPECT_NEAR(v[0], -(1 - 2 * p01_0), 1e-12);
      EXPECT_NEAR(v[1], 1 - 2 * p10_1, 1e-12);
      EXPECT_NEAR(v[2], 2 * (a0 - b0) * (a1 + b1), 1e-12);
    }
    {
      // Bell pair: <Z0> = <Z1> = 0, <Z0 Z1> = 1, so <Z0' Z1'> = a0 a1 + b0 b1.
      CircuitPtr c = make_circuit(2);
      QDCNN_ASSERT_OK(add_gate(c.get(), QDCNN_GATE_H, {0}));
      QDCNN_ASSERT_OK(add_gate(c.get(), QDCNN_GATE_CNOT, {0, 1}));
      ObservablePtr o = z_outputs(2, {0});
      add_output(o.get(), 1.0, {QDCNN_PAULI_Z, QDCNN_PAULI_Z}, {0, 1});
      const std::vector<double> v = forward_noisy(sim.get(), c.get(), o.get(), m.get(), {method, 10, 0, 1});
      EXPECT_NEAR(v[0], a0, 1e-12);
      EXPECT_NEAR(v[1], a0 * a1 + b0 * b1, 1e-12);
    }
  }
}

TEST(NoiseAnalytic, DefaultReadoutErrorAppliesToQubitsWithoutTheirOwn) {
  SimulatorPtr sim = make_simulator();
  NoiseModelPtr m = make_noise_model();
  QDCNN_ASSERT_OK(qdcnn_noise_model_set_default_readout_error(m.get(), 0.1, 0.0));
  QDCNN_ASSERT_OK(qdcnn_noise_model_set_readout_error(m.get(), 1, 0.0, 0.0));
  CircuitPtr c = make_circuit(3);
  QDCNN_ASSERT_OK(add_gate(c.get(), QDCNN_GATE_I, {0}));
  ObservablePtr o = z_outputs(3, {0, 1, 2});
  const std::vector<double> v = forward_noisy(sim.get(), c.get(), o.get(), m.get(), {});
  EXPECT_NEAR(v[0], 0.8, 1e-12);
  EXPECT_NEAR(v[1], 1.0, 1e-12);
  EXPECT_NEAR(v[2], 0.8, 1e-12);
}

TEST(NoiseAnalytic, ChannelsFollowRuleOrder) {
  // Amplitude damping then bit flip differs from bit flip then damping on |1>:
  // damp-then-flip: P(1) = (1-g)(1-p) + g p; flip-then-damp: P(1) = (1-p)(1-g).
  const double g = 0.3, p = 0.2;
  SimulatorPtr sim = make_simulator();
  CircuitPtr c = make_circuit(1);
  QDCNN_ASSERT_OK(add_gate(c.get(), QDCNN_GATE_X, {0}));
  ObservablePtr o = z_outputs(1, {0});
  NoiseModelPtr first = make_noise_model(), second = make_noise_model();
  QDCNN_ASSERT_OK(qdcnn_noise_model_add_gate_noise(first.get(), QDCNN_GATE_X, QDCNN_NOISE_AMPLITUDE_DAMPING, g));
  QDCNN_ASSERT_OK(qdcnn_noise_model_add_arity_noise(first.get(), 1, QDCNN_NOISE_BIT_FLIP, p));
  QDCNN_ASSERT_OK(qdcnn_noise_model_add_arity_noise(second.get(), 0, QDCNN_NOISE_BIT_FLIP, p));
  QDCNN_ASSERT_OK(qdcnn_noise_model_add_qubit_noise(second.get(), 0, QDCNN_NOISE_AMPLITUDE_DAMPING, g));
  const double one_a = (1 - g) * (1 - p) + g * p, one_b = (1 - p) * (1 - g);
  EXPECT_NEAR(forward_noisy(sim.get(), c.get(), o.get(), first.get(), {})[0], 1 - 2 * one_a, 1e-12);
  EXPECT_NEAR(forward_noisy(sim.get(), c.get(), o.get(), second.get(), {})[0], 1 - 2 * one_b, 1e-12);
}

}  // namespace
}  // namespace qdcnn::test
