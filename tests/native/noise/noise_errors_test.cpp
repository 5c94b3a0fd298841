// qdcnn_simulator_forward_noisy rejects bad calls with statuses and messages naming the argument,
// and leaves the outputs untouched.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "noise/noise_support.h"

namespace qdcnn::test {
namespace {

#define EXPECT_NOISY_STATUS(expr, status, fragment)                            \
  do {                                                                         \
    EXPECT_EQ((expr), (status));                                               \
    EXPECT_NE(last_error().find(fragment), std::string::npos) << last_error(); \
  } while (0)

class NoiseErrors : public ::testing::Test {
 protected:
  void SetUp() override {
    QDCNN_ASSERT_OK(add_gate(circuit.get(), QDCNN_GATE_RY, {0}, {param(0)}));
    QDCNN_ASSERT_OK(add_gate(circuit.get(), QDCNN_GATE_CNOT, {0, 1}));
  }
  qdcnn_status call(qdcnn_noise_model* noise, int32_t method, uint64_t trajectories, uint64_t shots,
                    qdcnn_observable* o = nullptr, size_t n_params = 1, size_t batch = 2,
                    size_t n_out = 4) {
    return qdcnn_simulator_forward_noisy(sim.get(), circuit.get(), o ? o : observable.get(), noise,
                                         method, trajectories, shots, 1, params, n_params, nullptr,
                                         0, batch, outputs, n_out);
  }
  SimulatorPtr sim = make_simulator();
  CircuitPtr circuit = make_circuit(2);
  ObservablePtr observable = z_outputs(2, {0, 1});
  NoiseModelPtr model = make_noise_model();
  double params[1] = {0.3};
  double outputs[4] = {7, 7, 7, 7};
};

TEST_F(NoiseErrors, NullPointers) {
  EXPECT_NOISY_STATUS(qdcnn_simulator_forward_noisy(nullptr, circuit.get(), observable.get(), nullptr, 0, 1, 0,
                                                    1, params, 1, nullptr, 0, 2, outputs, 4),
                      QDCNN_ERROR_NULL_POINTER, "simulator is NULL");
  EXPECT_NOISY_STATUS(qdcnn_simulator_forward_noisy(sim.get(), nullptr, observable.get(), nullptr, 0, 1, 0, 1,
                                                    params, 1, nullptr, 0, 2, outputs, 4),
                      QDCNN_ERROR_NULL_POINTER, "circuit is NULL");
  EXPECT_NOISY_STATUS(qdcnn_simulator_forward_noisy(sim.get(), circuit.get(), nullptr, nullptr, 0, 1, 0, 1,
                                                    params, 1, nullptr, 0, 2, outputs, 4),
                      QDCNN_ERROR_NULL_POINTER, "observable is NULL");
  EXPECT_NOISY_STATUS(qdcnn_simulator_forward_noisy(sim.get(), circuit.get(), observable.get(), nullptr, 0, 1,
                                                    0, 1, params, 1, nullptr, 0, 2, nullptr, 4),
                      QDCNN_ERROR_NULL_POINTER, "outputs is NULL");
}

TEST_F(NoiseErrors, MethodTrajectoriesAndSize) {
  EXPECT_NOISY_STATUS(call(model.get(), 2, 1, 0), QDCNN_ERROR_INVALID_ARGUMENT, "method = 2");
  EXPECT_NOISY_STATUS(call(model.get(), QDCNN_NOISE_METHOD_TRAJECTORIES, 0, 0), QDCNN_ERROR_OUT_OF_RANGE,
                      "trajectories = 0");
  CircuitPtr big = make_circuit(13);
  QDCNN_ASSERT_OK(add_gate(big.get(), QDCNN_GATE_H, {12}));
  ObservablePtr o = z_outputs(13, {12});
  double out[1] = {7};
  EXPECT_NOISY_STATUS(qdcnn_simulator_forward_noisy(sim.get(), big.get(), o.get(), nullptr,
                                                    QDCNN_NOISE_METHOD_DENSITY_MATRIX, 0, 0, 1, nullptr, 0,
                                                    nullptr, 0, 1, out, 1),
                      QDCNN_ERROR_TOO_MANY_QUBITS, "at most 12");
  EXPECT_EQ(out[0], 7);
  // The trajectory method runs it.
  QDCNN_ASSERT_OK(qdcnn_simulator_forward_noisy(sim.get(), big.get(), o.get(), nullptr,
                                                QDCNN_NOISE_METHOD_TRAJECTORIES, 2, 0, 1, nullptr, 0, nullptr,
                                                0, 1, out, 1));
  EXPECT_NEAR(out[0], 0.0, 1e-12);
}

TEST_F(NoiseErrors, ModelQubitsMustExistInTheCircuit) {
  QDCNN_ASSERT_OK(qdcnn_noise_model_add_qubit_noise(model.get(), 5, QDCNN_NOISE_BIT_FLIP, 0.1));
  EXPECT_NOISY_STATUS(call(model.get(), 0, 1, 0), QDCNN_ERROR_OUT_OF_RANGE,
                      "noise model names qubit 5 but the circuit has 2 qubits");
  NoiseModelPtr readout = make_noise_model();
  QDCNN_ASSERT_OK(qdcnn_noise_model_set_readout_error(readout.get(), 2, 0.1, 0.1));
  EXPECT_NOISY_STATUS(call(readout.get(), 0, 1, 0), QDCNN_ERROR_OUT_OF_RANGE, "names qubit 2");
}

TEST_F(NoiseErrors, XAndYTermsRunWithShotsAndReadoutError) {
  // Formerly rejected: X terms are sampled in their own basis, and readout error applies to it.
  ObservablePtr xz = z_outputs(2, {0});
  add_output(xz.get(), 1.0, {QDCNN_PAULI_X}, {1});
  double out[2];
  auto run = [&](qdcnn_noise_model* m, uint64_t shots) {
    return qdcnn_simulator_forward_noisy(sim.get(), circuit.get(), xz.get(), m, 0, 1, shots, 1, params, 1,
                                         nullptr, 0, 1, out, 2);
  };
  QDCNN_ASSERT_OK(run(nullptr, 100));
  QDCNN_ASSERT_OK(qdcnn_noise_model_set_readout_error(model.get(), 1, 0.1, 0.0));
  QDCNN_ASSERT_OK(run(model.get(), 0));
  QDCNN_ASSERT_OK(run(model.get(), 100));
}

TEST_F(NoiseErrors, BuffersAndValues) {
  EXPECT_NOISY_STATUS(call(nullptr, 0, 1, 0, nullptr, 1, 2, 3), QDCNN_ERROR_BUFFER_LENGTH, "outputs_length = 3");
  EXPECT_NOISY_STATUS(call(nullptr, 0, 1, 0, nullptr, 0), QDCNN_ERROR_BUFFER_LENGTH, "params_length = 0");
  params[0] = std::numeric_limits<double>::quiet_NaN();
  EXPECT_NOISY_STATUS(call(nullptr, 0, 1, 0), QDCNN_ERROR_NOT_FINITE, "params[0]");
  ObservablePtr wrong = z_outputs(3, {0, 1});
  EXPECT_NOISY_STATUS(call(nullptr, 0, 1, 0, wrong.get()), QDCNN_ERROR_INVALID_ARGUMENT,
                      "observable has 3 qubits but the circuit has 2");
  for (double v : outputs) EXPECT_EQ(v, 7);  // untouched by every failure
  params[0] = 0.3;
  QDCNN_ASSERT_OK(call(nullptr, 0, 1, 0, nullptr, 1, 0, 0));  // empty batch
}

}  // namespace
}  // namespace qdcnn::test
