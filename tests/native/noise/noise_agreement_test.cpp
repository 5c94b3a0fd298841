// Methods against each other and against the noiseless simulator: zero noise reproduces
// qdcnn_simulator_forward, density matrix and trajectories agree within statistical error, and
// results do not depend on threads or precision beyond rounding.
#include <gtest/gtest.h>

#include <cmath>

#include "noise/noise_support.h"

namespace qdcnn::test {
namespace {

struct Problem {
  CircuitPtr circuit;
  ObservablePtr observable;
  std::vector<double> params, inputs;
  size_t batch = 3;
};

// A random circuit with parameters and inputs, and outputs mixing Z, Z products, X/Y strings
// and weighted sums.
Problem random_problem(int n_qubits, uint64_t seed, bool amplitude = false) {
  Problem p;
  RandomCircuitSpec spec;
  spec.n_qubits = n_qubits;
  spec.n_gates = 24;
  spec.seed = seed;
  spec.amplitude_encoding = amplitude;
  p.circuit = random_circuit(spec);
  int32_t n_params = 0, n_inputs = 0;
  EXPECT_EQ(qdcnn_circuit_info(p.circuit.get(), nullptr, nullptr, &n_params, &n_inputs), QDCNN_OK);
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(-1.2, 1.2);
  for (int32_t i = 0; i < n_params; ++i) p.params.push_back(u(rng));
  for (size_t i = 0; i < p.batch * static_cast<size_t>(n_inputs); ++i) p.inputs.push_back(u(rng));
  p.observable = z_outputs(n_qubits, {0, static_cast<int32_t>(n_qubits - 1)});
  add_output(p.observable.get(), 0.5, {QDCNN_PAULI_Z, QDCNN_PAULI_Z}, {0, 1});
  add_output(p.observable.get(), 1.0, {QDCNN_PAULI_X, QDCNN_PAULI_Y}, {1, 2});
  int32_t last = 0;
  EXPECT_EQ(qdcnn_observable_count(p.observable.get(), &last), QDCNN_OK);
  const int32_t paulis[] = {QDCNN_PAULI_Z}, qubits[] = {2};
  EXPECT_EQ(qdcnn_observable_add_term(p.observable.get(), last - 1, -0.25, paulis, qubits, 1), QDCNN_OK);
  return p;
}

// Every channel kind, attached by kind, arity and qubit.
NoiseModelPtr rich_noise_model(double scale) {
  NoiseModelPtr m = make_noise_model();
  EXPECT_EQ(qdcnn_noise_model_add_arity_noise(m.get(), 1, QDCNN_NOISE_DEPOLARIZING, 0.02 * scale), QDCNN_OK);
  EXPECT_EQ(qdcnn_noise_model_add_arity_noise(m.get(), 2, QDCNN_NOISE_DEPOLARIZING2, 0.04 * scale), QDCNN_OK);
  EXPECT_EQ(qdcnn_noise_model_add_gate_noise(m.get(), QDCNN_GATE_RY, QDCNN_NOISE_AMPLITUDE_DAMPING, 0.05 * scale), QDCNN_OK);
  EXPECT_EQ(qdcnn_noise_model_add_gate_noise(m.get(), QDCNN_GATE_CNOT, QDCNN_NOISE_PHASE_DAMPING, 0.05 * scale), QDCNN_OK);
  EXPECT_EQ(qdcnn_noise_model_add_qubit_noise(m.get(), 1, QDCNN_NOISE_BIT_FLIP, 0.01 * scale), QDCNN_OK);
  EXPECT_EQ(qdcnn_noise_model_add_qubit_noise(m.get(), 2, QDCNN_NOISE_PHASE_FLIP, 0.02 * scale), QDCNN_OK);
  EXPECT_EQ(qdcnn_noise_model_add_arity_noise(m.get(), 0, QDCNN_NOISE_AMPLITUDE_DAMPING, 0.01 * scale), QDCNN_OK);
  return m;
}

TEST(NoiseAgreement, ZeroNoiseReproducesExactForward) {
  for (bool amplitude : {false, true}) {
    Problem p = random_problem(4, amplitude ? 21 : 20, amplitude);
    SimulatorPtr sim = make_simulator();
    const std::vector<double> exact =
        forward_exact(sim.get(), p.circuit.get(), p.observable.get(), p.params, p.inputs, p.batch);
    NoiseModelPtr zero = rich_noise_model(0.0);  // every channel present, every probability 0
    for (qdcnn_noise_model* model : {static_cast<qdcnn_noise_model*>(nullptr), zero.get()}) {
      for (int32_t method : {QDCNN_NOISE_METHOD_DENSITY_MATRIX, QDCNN_NOISE_METHOD_TRAJECTORIES}) {
        const std::vector<double> v = forward_noisy(sim.get(), p.circuit.get(), p.observable.get(), model,
                                                    {method, 5, 0, 1}, p.params, p.inputs, p.batch);
        ASSERT_EQ(v.size(), exact.size());
        for (size_t i = 0; i < v.size(); ++i) EXPECT_NEAR(v[i], exact[i], 1e-12) << "output " << i;
      }
    }
  }
}

TEST(NoiseAgreement, DensityMatrixAndTrajectoriesAgree) {
  const uint64_t trajectories = 3000;
  Problem p = random_problem(4, 33);
  NoiseModelPtr m = rich_noise_model(1.0);
  SimulatorPtr sim = make_simulator();
  const std::vector<double> exact =
      forward_exact(sim.get(), p.circuit.get(), p.observable.get(), p.params, p.inputs, p.batch);
  const std::vector<double> dm = forward_noisy(sim.get(), p.circuit.get(), p.observable.get(), m.get(),
                                               {QDCNN_NOISE_METHOD_DENSITY_MATRIX, 0, 0, 1}, p.params,
                                               p.inputs, p.batch);
  const std::vector<double> tr = forward_noisy(sim.get(), p.circuit.get(), p.observable.get(), m.get(),
                                               {QDCNN_NOISE_METHOD_TRAJECTORIES, trajectories, 0, 12345},
                                               p.params, p.inputs, p.batch);
  // Output weights bound each trajectory's value: |<O>| <= sum |c| = {1, 1, 0.5, 1.25}; that bound
  // is the largest possible standard deviation, and 4 of those standard errors is the tolerance.
  const double bound[] = {1.0, 1.0, 0.5, 1.25};
  double noise_effect = 0;
  for (size_t i = 0; i < dm.size(); ++i) {
    EXPECT_NEAR(tr[i], dm[i], 4 * bound[i % 4] / std::sqrt(double(trajectories))) << "output " << i;
    noise_effect = std::max(noise_effect, std::abs(dm[i] - exact[i]));
  }
  EXPECT_GT(noise_effect, 0.05);  // the comparison is not between two noiseless results
}

TEST(NoiseAgreement, TrajectoryErrorShrinksWithMoreTrajectories) {
  // Mean absolute deviation from the density matrix over all outputs at 4x the trajectories
  // roughly halves (tolerant bounds; fixed seeds keep the test deterministic).
  Problem p = random_problem(3, 44);
  NoiseModelPtr m = rich_noise_model(2.0);
  SimulatorPtr sim = make_simulator();
  const std::vector<double> dm = forward_noisy(sim.get(), p.circuit.get(), p.observable.get(), m.get(),
                                               {QDCNN_NOISE_METHOD_DENSITY_MATRIX, 0, 0, 1}, p.params,
                                               p.inputs, p.batch);
  auto rms_error = [&](uint64_t trajectories) {
    double sum = 0;
    int count = 0;
    for (uint64_t seed = 1; seed <= 24; ++seed) {
      const std::vector<double> tr = forward_noisy(sim.get(), p.circuit.get(), p.observable.get(), m.get(),
                                                   {QDCNN_NOISE_METHOD_TRAJECTORIES, trajectories, 0, seed},
                                                   p.params, p.inputs, p.batch);
      for (size_t i = 0; i < tr.size(); ++i, ++count) sum += (tr[i] - dm[i]) * (tr[i] - dm[i]);
    }
    return std::sqrt(sum / count);
  };
  const double e1 = rms_error(50), e4 = rms_error(200);
  EXPECT_GT(e1 / e4, 1.5) << e1 << " " << e4;
  EXPECT_LT(e1 / e4, 2.7) << e1 << " " << e4;
}

TEST(NoiseAgreement, ResultsDoNotDependOnThreads) {
  Problem p = random_problem(4, 55);
  p.batch = 3;
  NoiseModelPtr m = rich_noise_model(1.0);
  SimulatorPtr one = make_simulator(), two = make_simulator();
  QDCNN_ASSERT_OK(qdcnn_simulator_set_threads(two.get(), 2));
  for (int32_t method : {QDCNN_NOISE_METHOD_DENSITY_MATRIX, QDCNN_NOISE_METHOD_TRAJECTORIES}) {
    const NoisyCall call{method, 40, 0, 99};
    const std::vector<double> a = forward_noisy(one.get(), p.circuit.get(), p.observable.get(), m.get(), call,
                                                p.params, p.inputs, p.batch);
    const std::vector<double> b = forward_noisy(two.get(), p.circuit.get(), p.observable.get(), m.get(), call,
                                                p.params, p.inputs, p.batch);
    for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i], b[i]) << "output " << i;
  }
}

TEST(NoiseAgreement, SameSeedSameResultDifferentSeedDifferentResult) {
  Problem p = random_problem(3, 66);
  NoiseModelPtr m = rich_noise_model(3.0);
  SimulatorPtr sim = make_simulator();
  const NoisyCall a{QDCNN_NOISE_METHOD_TRAJECTORIES, 30, 0, 5}, b{QDCNN_NOISE_METHOD_TRAJECTORIES, 30, 0, 6};
  const auto first = forward_noisy(sim.get(), p.circuit.get(), p.observable.get(), m.get(), a, p.params, p.inputs, p.batch);
  const auto again = forward_noisy(sim.get(), p.circuit.get(), p.observable.get(), m.get(), a, p.params, p.inputs, p.batch);
  const auto other = forward_noisy(sim.get(), p.circuit.get(), p.observable.get(), m.get(), b, p.params, p.inputs, p.batch);
  EXPECT_EQ(first, again);
  EXPECT_NE(first, other);
}

TEST(NoiseAgreement, Complex64MatchesComplex128) {
  Problem p = random_problem(4, 77);
  NoiseModelPtr m = rich_noise_model(1.0);
  SimulatorPtr f64 = make_simulator(QDCNN_PRECISION_COMPLEX128), f32 = make_simulator(QDCNN_PRECISION_COMPLEX64);
  const NoisyCall call{QDCNN_NOISE_METHOD_DENSITY_MATRIX, 0, 0, 1};
  const auto a = forward_noisy(f64.get(), p.circuit.get(), p.observable.get(), m.get(), call, p.params, p.inputs, p.batch);
  const auto b = forward_noisy(f32.get(), p.circuit.get(), p.observable.get(), m.get(), call, p.params, p.inputs, p.batch);
  for (size_t i = 0; i < a.size(); ++i) EXPECT_NEAR(a[i], b[i], 2e-5) << "output " << i;
}

TEST(NoiseAgreement, LargerRegisterAcrossKernels) {
  // 9 qubits (an 18-qubit density matrix): every available kernel gives the same result, and
  // the noisy result differs from the noiseless one.
  Problem p = random_problem(9, 88);
  NoiseModelPtr m = rich_noise_model(1.0);
  std::vector<double> reference;
  for (int32_t kernel : {QDCNN_KERNEL_SCALAR, QDCNN_KERNEL_AVX2, QDCNN_KERNEL_AVX512}) {
    int32_t available = 0;
    QDCNN_ASSERT_OK(qdcnn_kernel_available(kernel, &available));
    if (!available) continue;
    SimulatorPtr sim = make_simulator();
    QDCNN_ASSERT_OK(qdcnn_simulator_set_kernel(sim.get(), kernel));
    const auto v = forward_noisy(sim.get(), p.circuit.get(), p.observable.get(), m.get(),
                                 {QDCNN_NOISE_METHOD_DENSITY_MATRIX, 0, 0, 1}, p.params, p.inputs, p.batch);
    if (reference.empty()) {
      reference = v;
      continue;
    }
    for (size_t i = 0; i < v.size(); ++i) EXPECT_NEAR(v[i], reference[i], 1e-10) << "kernel " << kernel;
  }
}

}  // namespace
}  // namespace qdcnn::test
