// Adjoint gradients against central finite differences and the parameter-shift rule, on random
// circuits with every differentiable gate kind, parameters and inputs with scales and offsets,
// and amplitude-encoded inputs.
#include <gtest/gtest.h>

#include <cmath>

#include "circuit_fixtures.h"

namespace qdcnn::test {
namespace {

struct Problem {
  CircuitPtr circuit;
  ObservablePtr observable;
  size_t batch = 3;
  std::vector<double> params, inputs, grad_outputs;
  size_t n_in = 0, n_out = 0;
};

Problem make_problem(const RandomCircuitSpec& spec) {
  Problem p;
  p.circuit = random_circuit(spec);
  p.observable = mixed_observable(spec.n_qubits);
  p.n_in = static_cast<size_t>(circuit_inputs(p.circuit.get()));
  p.n_out = static_cast<size_t>(n_outputs(p.observable.get()));
  p.params = random_values(static_cast<size_t>(circuit_params(p.circuit.get())), spec.seed + 1);
  p.inputs = random_values(p.batch * p.n_in, spec.seed + 2, 0.1, 1.0);
  p.grad_outputs = random_values(p.batch * p.n_out, spec.seed + 3);
  return p;
}

// L = sum grad_outputs . outputs
double loss(qdcnn_simulator* sim, const Problem& p, const std::vector<double>& params,
            const std::vector<double>& inputs) {
  std::vector<double> out(p.batch * p.n_out);
  EXPECT_EQ(qdcnn_simulator_forward(sim, p.circuit.get(), p.observable.get(), params.data(),
                                    params.size(), inputs.data(), inputs.size(), p.batch,
                                    out.data(), out.size()),
            QDCNN_OK)
      << last_error();
  double l = 0;
  for (size_t i = 0; i < out.size(); ++i) l += p.grad_outputs[i] * out[i];
  return l;
}

void adjoint(qdcnn_simulator* sim, const Problem& p, std::vector<double>& g_in,
             std::vector<double>& g_par) {
  g_in.assign(p.batch * p.n_in, 0.0);
  g_par.assign(p.params.size(), 0.0);
  QDCNN_ASSERT_OK(qdcnn_simulator_backward(
      sim, p.circuit.get(), p.observable.get(), p.params.data(), p.params.size(), p.inputs.data(),
      p.inputs.size(), p.batch, p.grad_outputs.data(), p.grad_outputs.size(), g_in.data(),
      g_in.size(), g_par.data(), g_par.size()));
}

void check_against_finite_differences(const RandomCircuitSpec& spec, int threads) {
  Problem p = make_problem(spec);
  SimulatorPtr sim;
  ASSERT_EQ(qdcnn_simulator_create(QDCNN_PRECISION_COMPLEX128, sim.out()), QDCNN_OK);
  ASSERT_EQ(qdcnn_simulator_set_threads(sim.get(), threads), QDCNN_OK);
  std::vector<double> g_in, g_par;
  adjoint(sim.get(), p, g_in, g_par);
  const double h = 1e-5;
  for (size_t i = 0; i < p.params.size(); ++i) {
    std::vector<double> plus = p.params, minus = p.params;
    plus[i] += h;
    minus[i] -= h;
    const double fd = (loss(sim.get(), p, plus, p.inputs) - loss(sim.get(), p, minus, p.inputs)) / (2 * h);
    EXPECT_NEAR(g_par[i], fd, 1e-8) << "param " << i << " seed " << spec.seed;
  }
  for (size_t i = 0; i < p.inputs.size(); ++i) {
    std::vector<double> plus = p.inputs, minus = p.inputs;
    plus[i] += h;
    minus[i] -= h;
    const double fd = (loss(sim.get(), p, p.params, plus) - loss(sim.get(), p, p.params, minus)) / (2 * h);
    EXPECT_NEAR(g_in[i], fd, 1e-8) << "input " << i << " seed " << spec.seed;
  }
}

TEST(Adjoint, MatchesFiniteDifferencesOnRandomCircuits) {
  for (uint64_t seed = 1; seed <= 6; ++seed) {
    RandomCircuitSpec spec;
    spec.n_qubits = 3 + static_cast<int>(seed % 3);
    spec.n_gates = 35;
    spec.seed = seed;
    check_against_finite_differences(spec, 1);
  }
}

TEST(Adjoint, MatchesFiniteDifferencesWithAmplitudeEncoding) {
  for (uint64_t seed = 11; seed <= 13; ++seed) {
    RandomCircuitSpec spec;
    spec.n_qubits = 3;
    spec.n_gates = 25;
    spec.amplitude_encoding = true;
    spec.seed = seed;
    check_against_finite_differences(spec, 1);
  }
}

TEST(Adjoint, ThreadedBatchMatchesFiniteDifferences) {
  RandomCircuitSpec spec;
  spec.n_qubits = 4;
  spec.n_gates = 30;
  spec.seed = 21;
  spec.amplitude_encoding = true;
  check_against_finite_differences(spec, 3);
}

TEST(Adjoint, LargeRegisterParallelOverAmplitudes) {
  // 15 qubits forces the one-sample-at-a-time path with gates and inner products split over
  // threads; compare against one thread.
  RandomCircuitSpec spec;
  spec.n_qubits = 17;
  spec.n_gates = 12;
  spec.seed = 31;
  Problem p = make_problem(spec);
  p.batch = 1;
  p.inputs.resize(p.n_in);
  p.grad_outputs.resize(p.n_out);
  std::vector<double> gi[2], gp[2];
  for (int t = 0; t < 2; ++t) {
    SimulatorPtr sim;
    ASSERT_EQ(qdcnn_simulator_create(QDCNN_PRECISION_COMPLEX128, sim.out()), QDCNN_OK);
    ASSERT_EQ(qdcnn_simulator_set_threads(sim.get(), t + 1), QDCNN_OK);
    adjoint(sim.get(), p, gi[t], gp[t]);
  }
  for (size_t i = 0; i < gp[0].size(); ++i) EXPECT_NEAR(gp[0][i], gp[1][i], 1e-10);
  for (size_t i = 0; i < gi[0].size(); ++i) EXPECT_NEAR(gi[0][i], gi[1][i], 1e-10);
}

TEST(Adjoint, MatchesParameterShiftRule) {
  // Each parameter drives exactly one Pauli rotation with scale 1, where the two-term shift rule
  // df/dtheta = (f(theta + pi/2) - f(theta - pi/2)) / 2 is exact.
  const int n = 4;
  CircuitPtr c;
  ASSERT_EQ(qdcnn_circuit_create(n, c.out()), QDCNN_OK);
  const int32_t kinds[] = {QDCNN_GATE_RX, QDCNN_GATE_RY, QDCNN_GATE_RZ,
                           QDCNN_GATE_RXX, QDCNN_GATE_RYY, QDCNN_GATE_RZZ};
  int32_t next = 0;
  for (int layer = 0; layer < 3; ++layer) {
    for (int q = 0; q < n; ++q) ASSERT_EQ(add_gate(c.get(), QDCNN_GATE_H, {q}), QDCNN_OK);
    for (int32_t kind : kinds) {
      const bool two = kind >= QDCNN_GATE_RXX;
      const int q = (next * 3 + layer) % n;
      std::vector<int32_t> qubits = {q};
      if (two) qubits.push_back((q + 1 + layer) % n == q ? (q + 2) % n : (q + 1 + layer) % n);
      ASSERT_EQ(add_gate(c.get(), kind, qubits, {param(next++)}), QDCNN_OK) << last_error();
      ASSERT_EQ(add_gate(c.get(), QDCNN_GATE_CNOT, {q, (q + 1) % n}), QDCNN_OK);
    }
  }
  ObservablePtr o = mixed_observable(n);
  Problem p;
  p.circuit = std::move(c);
  p.observable = std::move(o);
  p.batch = 1;
  p.n_out = static_cast<size_t>(n_outputs(p.observable.get()));
  p.params = random_values(static_cast<size_t>(next), 5, -3, 3);
  p.grad_outputs = random_values(p.n_out, 6);
  SimulatorPtr sim;
  ASSERT_EQ(qdcnn_simulator_create(QDCNN_PRECISION_COMPLEX128, sim.out()), QDCNN_OK);
  std::vector<double> g_in, g_par;
  adjoint(sim.get(), p, g_in, g_par);
  for (size_t i = 0; i < p.params.size(); ++i) {
    std::vector<double> plus = p.params, minus = p.params;
    plus[i] += M_PI / 2;
    minus[i] -= M_PI / 2;
    const double shift = (loss(sim.get(), p, plus, {}) - loss(sim.get(), p, minus, {})) / 2;
    EXPECT_NEAR(g_par[i], shift, 1e-10) << "param " << i;
  }
}

TEST(Adjoint, Complex64AndFloatBuffersAgreeLoosely) {
  RandomCircuitSpec spec;
  spec.seed = 41;
  Problem p = make_problem(spec);
  SimulatorPtr s64, s128;
  ASSERT_EQ(qdcnn_simulator_create(QDCNN_PRECISION_COMPLEX64, s64.out()), QDCNN_OK);
  ASSERT_EQ(qdcnn_simulator_create(QDCNN_PRECISION_COMPLEX128, s128.out()), QDCNN_OK);
  std::vector<double> gi64, gp64, gi128, gp128;
  adjoint(s64.get(), p, gi64, gp64);
  adjoint(s128.get(), p, gi128, gp128);
  for (size_t i = 0; i < gp64.size(); ++i) EXPECT_NEAR(gp64[i], gp128[i], 1e-4);
  for (size_t i = 0; i < gi64.size(); ++i) EXPECT_NEAR(gi64[i], gi128[i], 1e-4);
  std::vector<float> pf(p.params.begin(), p.params.end()), xf(p.inputs.begin(), p.inputs.end()),
      gf(p.grad_outputs.begin(), p.grad_outputs.end()), gif(gi64.size()), gpf(gp64.size());
  QDCNN_ASSERT_OK(qdcnn_simulator_backward_f32(s64.get(), p.circuit.get(), p.observable.get(),
                                               pf.data(), pf.size(), xf.data(), xf.size(), p.batch,
                                               gf.data(), gf.size(), gif.data(), gif.size(),
                                               gpf.data(), gpf.size()));
  for (size_t i = 0; i < gpf.size(); ++i) EXPECT_NEAR(gpf[i], gp128[i], 1e-3);
  for (size_t i = 0; i < gif.size(); ++i) EXPECT_NEAR(gif[i], gi128[i], 1e-3);
}

TEST(Adjoint, NullGradientBuffersAreAllowed) {
  RandomCircuitSpec spec;
  Problem p = make_problem(spec);
  SimulatorPtr sim;
  ASSERT_EQ(qdcnn_simulator_create(QDCNN_PRECISION_COMPLEX128, sim.out()), QDCNN_OK);
  std::vector<double> g_par(p.params.size());
  QDCNN_ASSERT_OK(qdcnn_simulator_backward(sim.get(), p.circuit.get(), p.observable.get(),
                                           p.params.data(), p.params.size(), p.inputs.data(),
                                           p.inputs.size(), p.batch, p.grad_outputs.data(),
                                           p.grad_outputs.size(), nullptr, 0, g_par.data(),
                                           g_par.size()));
  std::vector<double> gi, gp;
  adjoint(sim.get(), p, gi, gp);
  for (size_t i = 0; i < gp.size(); ++i) EXPECT_DOUBLE_EQ(g_par[i], gp[i]);
}

}  // namespace
}  // namespace qdcnn::test
