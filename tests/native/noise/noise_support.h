#pragma once
// Shared helpers of the noise tests: an owner for noise models and a noisy forward call that
// returns its outputs.
#include <vector>

#include "circuit_fixtures.h"

namespace qdcnn::test {

using NoiseModelPtr = Owned<qdcnn_noise_model, qdcnn_noise_model_destroy>;

struct NoisyCall {
  int32_t method = QDCNN_NOISE_METHOD_DENSITY_MATRIX;
  uint64_t trajectories = 1;
  uint64_t shots = 0;
  uint64_t seed = 1;
};

// Runs qdcnn_simulator_forward_noisy and returns batch * n_outputs values (asserting success).
inline std::vector<double> forward_noisy(qdcnn_simulator* sim, qdcnn_circuit* circuit,
                                         qdcnn_observable* observable, qdcnn_noise_model* noise,
                                         const NoisyCall& call,
                                         const std::vector<double>& params = {},
                                         const std::vector<double>& inputs = {},
                                         size_t batch = 1) {
  int32_t n_outputs = 0;
  EXPECT_EQ(qdcnn_observable_count(observable, &n_outputs), QDCNN_OK);
  std::vector<double> out(batch * static_cast<size_t>(n_outputs));
  const qdcnn_status status = qdcnn_simulator_forward_noisy(
      sim, circuit, observable, noise, call.method, call.trajectories, call.shots, call.seed,
      params.data(), params.size(), inputs.data(), inputs.size(), batch, out.data(), out.size());
  EXPECT_EQ(status, QDCNN_OK) << last_error();
  return out;
}

inline std::vector<double> forward_exact(qdcnn_simulator* sim, qdcnn_circuit* circuit,
                                         qdcnn_observable* observable,
                                         const std::vector<double>& params,
                                         const std::vector<double>& inputs, size_t batch) {
  int32_t n_outputs = 0;
  EXPECT_EQ(qdcnn_observable_count(observable, &n_outputs), QDCNN_OK);
  std::vector<double> out(batch * static_cast<size_t>(n_outputs));
  EXPECT_EQ(qdcnn_simulator_forward(sim, circuit, observable, params.data(), params.size(),
                                    inputs.data(), inputs.size(), batch, out.data(), out.size()),
            QDCNN_OK)
      << last_error();
  return out;
}

inline SimulatorPtr make_simulator(int32_t precision = QDCNN_PRECISION_COMPLEX128) {
  SimulatorPtr sim;
  EXPECT_EQ(qdcnn_simulator_create(precision, sim.out()), QDCNN_OK) << last_error();
  return sim;
}

inline CircuitPtr make_circuit(int n_qubits) {
  CircuitPtr c;
  EXPECT_EQ(qdcnn_circuit_create(n_qubits, c.out()), QDCNN_OK) << last_error();
  return c;
}

inline NoiseModelPtr make_noise_model() {
  NoiseModelPtr m;
  EXPECT_EQ(qdcnn_noise_model_create(m.out()), QDCNN_OK) << last_error();
  return m;
}

// Observable with one output <Z_q> per listed qubit.
inline ObservablePtr z_outputs(int n_qubits, const std::vector<int32_t>& qubits) {
  ObservablePtr o;
  EXPECT_EQ(qdcnn_observable_create(n_qubits, o.out()), QDCNN_OK);
  for (int32_t q : qubits) EXPECT_EQ(qdcnn_observable_add_z(o.get(), q), QDCNN_OK);
  return o;
}

// Appends coefficient * (Pauli string) as a new output.
inline void add_output(qdcnn_observable* o, double coefficient, std::vector<int32_t> paulis,
                       std::vector<int32_t> qubits) {
  int32_t count = 0;
  ASSERT_EQ(qdcnn_observable_count(o, &count), QDCNN_OK);
  ASSERT_EQ(qdcnn_observable_add_term(o, count, coefficient, paulis.data(), qubits.data(),
                                      paulis.size()),
            QDCNN_OK)
      << last_error();
}

}  // namespace qdcnn::test
