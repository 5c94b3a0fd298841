// Simulator runs through the C ABI: each gate against the dense reference (every kernel, both
// precisions), batched forward against one-by-one runs, threads, norm preservation.
#include <gtest/gtest.h>

#include "circuit_fixtures.h"

namespace qdcnn::test {
namespace {

std::vector<int32_t> kernels() {
  std::vector<int32_t> out;
  for (int32_t k : {QDCNN_KERNEL_SCALAR, QDCNN_KERNEL_AVX2, QDCNN_KERNEL_AVX512}) {
    int32_t available = 0;
    qdcnn_kernel_available(k, &available);
    if (available) out.push_back(k);
  }
  return out;
}

std::vector<cd> run_single_gate(int32_t precision, int32_t kernel, int n, const GateShape& g,
                                const std::vector<int32_t>& qubits,
                                const std::vector<double>& angles, const std::vector<cd>& start) {
  CircuitPtr c;
  EXPECT_EQ(qdcnn_circuit_create(n, c.out()), QDCNN_OK);
  std::vector<Angle> a;
  for (double x : angles) a.push_back(constant(x));
  EXPECT_EQ(add_gate(c.get(), g.gate, qubits, a), QDCNN_OK) << last_error();
  SimulatorPtr sim;
  EXPECT_EQ(qdcnn_simulator_create(precision, sim.out()), QDCNN_OK);
  EXPECT_EQ(qdcnn_simulator_set_kernel(sim.get(), kernel), QDCNN_OK);
  StatePtr st;
  EXPECT_EQ(qdcnn_state_create(n, precision, st.out()), QDCNN_OK);
  const std::vector<double> amps = interleave(start);
  EXPECT_EQ(qdcnn_state_set_amplitudes(st.get(), amps.data(), amps.size()), QDCNN_OK);
  EXPECT_EQ(qdcnn_simulator_apply(sim.get(), c.get(), nullptr, 0, nullptr, 0, st.get()), QDCNN_OK)
      << last_error();
  std::vector<double> out(amps.size());
  EXPECT_EQ(qdcnn_state_get_amplitudes(st.get(), out.data(), out.size()), QDCNN_OK);
  return deinterleave(out);
}

TEST(Simulator, EveryGateOnEveryQubitMatchesDenseReference) {
  const int n = 5;
  for (int32_t kernel : kernels()) {
    for (int32_t precision : {QDCNN_PRECISION_COMPLEX64, QDCNN_PRECISION_COMPLEX128}) {
      const double tol = precision == QDCNN_PRECISION_COMPLEX64 ? 1e-5 : 1e-13;
      for (const GateShape& g : all_fixed_gates()) {
        std::vector<double> angles = {0.9, -0.4, 2.2};
        angles.resize(static_cast<size_t>(g.n_angles));
        const std::vector<cd> m = gate_matrix(g.gate, g.n_qubits, angles);
        for (int q0 = 0; q0 < n; ++q0) {
          for (int q1 = 0; q1 < n; ++q1) {
            if (g.n_qubits == 1 && q1 > 0) break;
            if (g.n_qubits == 2 && q1 == q0) continue;
            std::vector<int32_t> qubits = {q0};
            if (g.n_qubits == 2) qubits.push_back(q1);
            const std::vector<cd> start = random_state(n, 7 + q0 * 11 + q1);
            std::vector<cd> want = start;
            reference_apply(want, std::vector<int>(qubits.begin(), qubits.end()), m);
            const std::vector<cd> got = run_single_gate(precision, kernel, n, g, qubits, angles, start);
            ASSERT_LT(max_abs_diff(got, want), tol)
                << "gate " << g.gate << " kernel " << kernel << " precision " << precision
                << " qubits " << q0 << "," << q1;
          }
        }
      }
    }
  }
}

// Outputs of one sample computed with run + expectation.
std::vector<double> one_sample(qdcnn_simulator* sim, int32_t precision, const qdcnn_circuit* c,
                               const qdcnn_observable* o, const std::vector<double>& params,
                               const double* inputs, size_t n_inputs) {
  int32_t n = 0;
  qdcnn_circuit_info(c, &n, nullptr, nullptr, nullptr);
  StatePtr st;
  EXPECT_EQ(qdcnn_state_create(n, precision, st.out()), QDCNN_OK);
  EXPECT_EQ(qdcnn_simulator_run(sim, c, params.data(), params.size(), inputs, n_inputs, st.get()),
            QDCNN_OK)
      << last_error();
  std::vector<double> values(static_cast<size_t>(n_outputs(o)));
  EXPECT_EQ(qdcnn_state_expectation(st.get(), o, values.data(), values.size()), QDCNN_OK);
  double norm = 0;
  EXPECT_EQ(qdcnn_state_norm_squared(st.get(), &norm), QDCNN_OK);
  EXPECT_NEAR(norm, 1.0, precision == QDCNN_PRECISION_COMPLEX64 ? 1e-5 : 1e-12);
  return values;
}

void check_batched_equals_single(int32_t precision, int threads, int n, bool amplitudes) {
  RandomCircuitSpec spec;
  spec.n_qubits = n;
  spec.n_gates = 40;
  spec.amplitude_encoding = amplitudes;
  spec.seed = 5 + static_cast<uint64_t>(n);
  CircuitPtr c = random_circuit(spec);
  ObservablePtr o = mixed_observable(n);
  const size_t n_in = static_cast<size_t>(circuit_inputs(c.get()));
  const size_t n_out = static_cast<size_t>(n_outputs(o.get()));
  const size_t batch = 9;
  const std::vector<double> params = random_values(static_cast<size_t>(circuit_params(c.get())), 3);
  const std::vector<double> inputs = random_values(batch * n_in, 4);
  SimulatorPtr sim;
  ASSERT_EQ(qdcnn_simulator_create(precision, sim.out()), QDCNN_OK);
  ASSERT_EQ(qdcnn_simulator_set_threads(sim.get(), threads), QDCNN_OK);
  std::vector<double> outputs(batch * n_out);
  QDCNN_ASSERT_OK(qdcnn_simulator_forward(sim.get(), c.get(), o.get(), params.data(), params.size(),
                                          inputs.data(), inputs.size(), batch, outputs.data(),
                                          outputs.size()));
  const double tol = precision == QDCNN_PRECISION_COMPLEX64 ? 1e-5 : 1e-12;
  for (size_t b = 0; b < batch; ++b) {
    const std::vector<double> single =
        one_sample(sim.get(), precision, c.get(), o.get(), params, inputs.data() + b * n_in, n_in);
    for (size_t k = 0; k < n_out; ++k) {
      EXPECT_NEAR(outputs[b * n_out + k], single[k], tol) << "sample " << b << " output " << k;
    }
  }
}

TEST(Simulator, BatchedForwardEqualsOneByOne) {
  for (int32_t precision : {QDCNN_PRECISION_COMPLEX64, QDCNN_PRECISION_COMPLEX128}) {
    for (int threads : {1, 2, 3}) {
      check_batched_equals_single(precision, threads, 4, false);
      check_batched_equals_single(precision, threads, 5, true);
    }
  }
}

TEST(Simulator, ParallelOverAmplitudesEqualsOneThread) {
  // 17 qubits: one sample at a time, gates split over threads.
  RandomCircuitSpec spec;
  spec.n_qubits = 17;
  spec.n_gates = 25;
  CircuitPtr c = random_circuit(spec);
  ObservablePtr o = mixed_observable(17);
  const std::vector<double> params = random_values(static_cast<size_t>(circuit_params(c.get())), 8);
  const size_t n_in = static_cast<size_t>(circuit_inputs(c.get()));
  const std::vector<double> inputs = random_values(2 * n_in, 9);
  std::vector<double> results[2];
  for (int t = 0; t < 2; ++t) {
    SimulatorPtr sim;
    ASSERT_EQ(qdcnn_simulator_create(QDCNN_PRECISION_COMPLEX128, sim.out()), QDCNN_OK);
    ASSERT_EQ(qdcnn_simulator_set_threads(sim.get(), t + 1), QDCNN_OK);
    results[t].resize(2 * static_cast<size_t>(n_outputs(o.get())));
    QDCNN_ASSERT_OK(qdcnn_simulator_forward(sim.get(), c.get(), o.get(), params.data(),
                                            params.size(), inputs.data(), inputs.size(), 2,
                                            results[t].data(), results[t].size()));
  }
  for (size_t i = 0; i < results[0].size(); ++i) EXPECT_NEAR(results[0][i], results[1][i], 1e-12);
}

TEST(Simulator, Float32BuffersMatchDouble) {
  RandomCircuitSpec spec;
  CircuitPtr c = random_circuit(spec);
  ObservablePtr o = mixed_observable(spec.n_qubits);
  const std::vector<double> params = random_values(static_cast<size_t>(circuit_params(c.get())), 1);
  const size_t n_in = static_cast<size_t>(circuit_inputs(c.get()));
  const std::vector<double> inputs = random_values(3 * n_in, 2);
  const size_t n_out = 3 * static_cast<size_t>(n_outputs(o.get()));
  SimulatorPtr sim;
  ASSERT_EQ(qdcnn_simulator_create(QDCNN_PRECISION_COMPLEX64, sim.out()), QDCNN_OK);
  std::vector<double> out(n_out);
  QDCNN_ASSERT_OK(qdcnn_simulator_forward(sim.get(), c.get(), o.get(), params.data(), params.size(),
                                          inputs.data(), inputs.size(), 3, out.data(), n_out));
  std::vector<float> pf(params.begin(), params.end()), xf(inputs.begin(), inputs.end()), of(n_out);
  QDCNN_ASSERT_OK(qdcnn_simulator_forward_f32(sim.get(), c.get(), o.get(), pf.data(), pf.size(),
                                              xf.data(), xf.size(), 3, of.data(), n_out));
  for (size_t i = 0; i < n_out; ++i) EXPECT_NEAR(out[i], of[i], 1e-4);
}

TEST(Simulator, InitialBasisState) {
  CircuitPtr c;
  ASSERT_EQ(qdcnn_circuit_create(3, c.out()), QDCNN_OK);
  ASSERT_EQ(qdcnn_circuit_set_initial_basis(c.get(), 5), QDCNN_OK);
  SimulatorPtr sim;
  ASSERT_EQ(qdcnn_simulator_create(QDCNN_PRECISION_COMPLEX128, sim.out()), QDCNN_OK);
  StatePtr st;
  ASSERT_EQ(qdcnn_state_create(3, QDCNN_PRECISION_COMPLEX128, st.out()), QDCNN_OK);
  ASSERT_EQ(qdcnn_simulator_run(sim.get(), c.get(), nullptr, 0, nullptr, 0, st.get()), QDCNN_OK);
  std::vector<double> p(8);
  ASSERT_EQ(qdcnn_state_probabilities(st.get(), p.data(), p.size()), QDCNN_OK);
  for (int i = 0; i < 8; ++i) EXPECT_EQ(p[static_cast<size_t>(i)], i == 5 ? 1.0 : 0.0);
}

TEST(Simulator, NormPreservedOverDeepCircuits) {
  for (int32_t precision : {QDCNN_PRECISION_COMPLEX64, QDCNN_PRECISION_COMPLEX128}) {
    RandomCircuitSpec spec;
    spec.n_qubits = 8;
    spec.n_gates = 300;
    CircuitPtr c = random_circuit(spec);
    SimulatorPtr sim;
    ASSERT_EQ(qdcnn_simulator_create(precision, sim.out()), QDCNN_OK);
    StatePtr st;
    ASSERT_EQ(qdcnn_state_create(8, precision, st.out()), QDCNN_OK);
    const std::vector<double> params = random_values(static_cast<size_t>(circuit_params(c.get())), 1);
    const std::vector<double> inputs = random_values(static_cast<size_t>(circuit_inputs(c.get())), 2);
    QDCNN_ASSERT_OK(qdcnn_simulator_run(sim.get(), c.get(), params.data(), params.size(),
                                        inputs.data(), inputs.size(), st.get()));
    double norm = 0;
    ASSERT_EQ(qdcnn_state_norm_squared(st.get(), &norm), QDCNN_OK);
    EXPECT_NEAR(norm, 1.0, precision == QDCNN_PRECISION_COMPLEX64 ? 1e-4 : 1e-12);
  }
}

}  // namespace
}  // namespace qdcnn::test
