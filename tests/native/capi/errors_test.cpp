// Every error status through the C ABI, with messages naming the argument; destroy(NULL);
// outputs untouched on failure.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "circuit_fixtures.h"

namespace qdcnn::test {
namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kInf = std::numeric_limits<double>::infinity();

#define EXPECT_STATUS(expr, status, fragment)                                   \
  do {                                                                          \
    EXPECT_EQ((expr), (status));                                                \
    EXPECT_NE(last_error().find(fragment), std::string::npos) << last_error();  \
  } while (0)

TEST(Errors, NullPointers) {
  EXPECT_STATUS(qdcnn_circuit_create(3, nullptr), QDCNN_ERROR_NULL_POINTER, "circuit is NULL");
  EXPECT_STATUS(qdcnn_library_abi_version(nullptr), QDCNN_ERROR_NULL_POINTER, "version");
  EXPECT_STATUS(qdcnn_circuit_add_gate(nullptr, QDCNN_GATE_H, nullptr, 0, nullptr, nullptr,
                                       nullptr, nullptr, 0),
                QDCNN_ERROR_NULL_POINTER, "circuit");
  CircuitPtr c;
  ASSERT_EQ(qdcnn_circuit_create(3, c.out()), QDCNN_OK);
  EXPECT_STATUS(qdcnn_circuit_add_gate(c.get(), QDCNN_GATE_H, nullptr, 1, nullptr, nullptr,
                                       nullptr, nullptr, 0),
                QDCNN_ERROR_NULL_POINTER, "qubits is NULL");
  const int32_t q[] = {0};
  EXPECT_STATUS(qdcnn_circuit_add_gate(c.get(), QDCNN_GATE_RX, q, 1, nullptr, nullptr, nullptr,
                                       nullptr, 1),
                QDCNN_ERROR_NULL_POINTER, "sources is NULL");
  EXPECT_STATUS(qdcnn_simulator_run(nullptr, c.get(), nullptr, 0, nullptr, 0, nullptr),
                QDCNN_ERROR_NULL_POINTER, "simulator is NULL");
  StatePtr st;
  ASSERT_EQ(qdcnn_state_create(2, QDCNN_PRECISION_COMPLEX128, st.out()), QDCNN_OK);
  EXPECT_STATUS(qdcnn_state_get_amplitudes(st.get(), nullptr, 8), QDCNN_ERROR_NULL_POINTER,
                "amplitudes is NULL");
  EXPECT_EQ(qdcnn_error_message(nullptr), QDCNN_ERROR_NULL_POINTER);
}

TEST(Errors, DestroyNullIsNoOp) {
  EXPECT_EQ(qdcnn_circuit_destroy(nullptr), QDCNN_OK);
  EXPECT_EQ(qdcnn_observable_destroy(nullptr), QDCNN_OK);
  EXPECT_EQ(qdcnn_state_destroy(nullptr), QDCNN_OK);
  EXPECT_EQ(qdcnn_simulator_destroy(nullptr), QDCNN_OK);
}

TEST(Errors, BadQubitsAndDuplicates) {
  CircuitPtr c;
  ASSERT_EQ(qdcnn_circuit_create(5, c.out()), QDCNN_OK);
  EXPECT_STATUS(add_gate(c.get(), QDCNN_GATE_CNOT, {0, 7}), QDCNN_ERROR_OUT_OF_RANGE,
                "qubits[1] = 7 is out of range for a 5-qubit circuit");
  EXPECT_STATUS(add_gate(c.get(), QDCNN_GATE_H, {-1}), QDCNN_ERROR_OUT_OF_RANGE, "qubits[0] = -1");
  EXPECT_STATUS(add_gate(c.get(), QDCNN_GATE_CZ, {2, 2}), QDCNN_ERROR_DUPLICATE_QUBITS,
                "both qubit 2");
  EXPECT_STATUS(add_gate(c.get(), QDCNN_GATE_CZ, {2}), QDCNN_ERROR_BUFFER_LENGTH, "n_qubits");
  ObservablePtr o;
  ASSERT_EQ(qdcnn_observable_create(3, o.out()), QDCNN_OK);
  EXPECT_STATUS(qdcnn_observable_add_z(o.get(), 3), QDCNN_ERROR_OUT_OF_RANGE, "qubit = 3");
  const int32_t paulis[] = {QDCNN_PAULI_X, QDCNN_PAULI_Z};
  const int32_t dup[] = {1, 1};
  EXPECT_STATUS(qdcnn_observable_add_term(o.get(), 0, 1.0, paulis, dup, 2),
                QDCNN_ERROR_DUPLICATE_QUBITS, "qubits[1]");
  EXPECT_STATUS(qdcnn_observable_add_term(o.get(), 2, 1.0, paulis, dup, 0),
                QDCNN_ERROR_OUT_OF_RANGE, "output = 2");
  const int32_t bad_pauli[] = {9};
  const int32_t q0[] = {0};
  EXPECT_STATUS(qdcnn_observable_add_term(o.get(), 0, 1.0, bad_pauli, q0, 1),
                QDCNN_ERROR_INVALID_ARGUMENT, "paulis[0] = 9");
  EXPECT_STATUS(qdcnn_circuit_set_initial_basis(c.get(), 32), QDCNN_ERROR_OUT_OF_RANGE,
                "index = 32");
  EXPECT_STATUS(add_gate(c.get(), QDCNN_GATE_RX, {0}, {param(-1)}), QDCNN_ERROR_OUT_OF_RANGE,
                "indices[0] = -1");
}

TEST(Errors, NotFiniteValues) {
  CircuitPtr c;
  ASSERT_EQ(qdcnn_circuit_create(2, c.out()), QDCNN_OK);
  EXPECT_STATUS(add_gate(c.get(), QDCNN_GATE_RX, {0}, {constant(kNaN)}), QDCNN_ERROR_NOT_FINITE,
                "offsets[0]");
  EXPECT_STATUS(add_gate(c.get(), QDCNN_GATE_RX, {0}, {param(0, kInf)}), QDCNN_ERROR_NOT_FINITE,
                "scales[0]");
  ObservablePtr o;
  ASSERT_EQ(qdcnn_observable_create(2, o.out()), QDCNN_OK);
  EXPECT_STATUS(qdcnn_observable_add_term(o.get(), 0, kNaN, nullptr, nullptr, 0),
                QDCNN_ERROR_NOT_FINITE, "coefficient");
  const double angle = kInf;
  double out[8];
  EXPECT_STATUS(qdcnn_gate_matrix(QDCNN_GATE_RY, &angle, 1, out, 8), QDCNN_ERROR_NOT_FINITE,
                "angles[0]");
  // NaN parameter values at run time.
  ASSERT_EQ(add_gate(c.get(), QDCNN_GATE_RX, {0}, {param(0)}), QDCNN_OK);
  SimulatorPtr sim;
  ASSERT_EQ(qdcnn_simulator_create(QDCNN_PRECISION_COMPLEX128, sim.out()), QDCNN_OK);
  StatePtr st;
  ASSERT_EQ(qdcnn_state_create(2, QDCNN_PRECISION_COMPLEX128, st.out()), QDCNN_OK);
  const double p = kNaN;
  EXPECT_STATUS(qdcnn_simulator_run(sim.get(), c.get(), &p, 1, nullptr, 0, st.get()),
                QDCNN_ERROR_NOT_FINITE, "params[0]");
  std::vector<double> amps(8, 0.0);
  amps[0] = kNaN;
  EXPECT_STATUS(qdcnn_state_set_amplitudes(st.get(), amps.data(), amps.size()),
                QDCNN_ERROR_NOT_FINITE, "amplitudes[0]");
}

TEST(Errors, UnknownGates) {
  CircuitPtr c;
  ASSERT_EQ(qdcnn_circuit_create(2, c.out()), QDCNN_OK);
  EXPECT_STATUS(add_gate(c.get(), 99, {0}), QDCNN_ERROR_UNKNOWN_GATE, "gate = 99");
  EXPECT_STATUS(add_gate(c.get(), -3, {0}), QDCNN_ERROR_UNKNOWN_GATE, "gate = -3");
  EXPECT_STATUS(add_gate(c.get(), QDCNN_GATE_UNITARY1, {0}), QDCNN_ERROR_UNKNOWN_GATE,
                "qdcnn_circuit_add_unitary");
  double out[8];
  EXPECT_STATUS(qdcnn_gate_matrix(1000, nullptr, 0, out, 8), QDCNN_ERROR_UNKNOWN_GATE, "gate");
}

TEST(Errors, WrongBufferLengths) {
  double out[32];
  const double angle = 0.1;
  EXPECT_STATUS(qdcnn_gate_matrix(QDCNN_GATE_RY, &angle, 1, out, 32), QDCNN_ERROR_BUFFER_LENGTH,
                "out_length = 32 but must be 8");
  EXPECT_STATUS(qdcnn_gate_matrix(QDCNN_GATE_RY, &angle, 0, out, 8), QDCNN_ERROR_BUFFER_LENGTH,
                "n_angles");
  CircuitPtr c;
  ASSERT_EQ(qdcnn_circuit_create(2, c.out()), QDCNN_OK);
  ASSERT_EQ(add_gate(c.get(), QDCNN_GATE_RX, {0}, {param(1)}), QDCNN_OK);
  ASSERT_EQ(add_gate(c.get(), QDCNN_GATE_RY, {1}, {input(0)}), QDCNN_OK);
  ObservablePtr o;
  ASSERT_EQ(qdcnn_observable_create(2, o.out()), QDCNN_OK);
  ASSERT_EQ(qdcnn_observable_add_z(o.get(), 0), QDCNN_OK);
  SimulatorPtr sim;
  ASSERT_EQ(qdcnn_simulator_create(QDCNN_PRECISION_COMPLEX128, sim.out()), QDCNN_OK);
  const double params[2] = {0.1, 0.2};
  const double inputs[3] = {0.1, 0.2, 0.3};
  double outputs[3] = {7, 7, 7};
  EXPECT_STATUS(qdcnn_simulator_forward(sim.get(), c.get(), o.get(), params, 1, inputs, 3, 3,
                                        outputs, 3),
                QDCNN_ERROR_BUFFER_LENGTH, "params_length = 1 but must be 2");
  EXPECT_STATUS(qdcnn_simulator_forward(sim.get(), c.get(), o.get(), params, 2, inputs, 2, 3,
                                        outputs, 3),
                QDCNN_ERROR_BUFFER_LENGTH, "inputs_length = 2 but must be 3");
  EXPECT_STATUS(qdcnn_simulator_forward(sim.get(), c.get(), o.get(), params, 2, inputs, 3, 3,
                                        outputs, 2),
                QDCNN_ERROR_BUFFER_LENGTH, "outputs_length");
  EXPECT_EQ(outputs[0], 7.0);  // untouched on failure
  const double g[3] = {1, 1, 1};
  double gp[1];
  EXPECT_STATUS(qdcnn_simulator_backward(sim.get(), c.get(), o.get(), params, 2, inputs, 3, 3, g,
                                         3, nullptr, 0, gp, 1),
                QDCNN_ERROR_BUFFER_LENGTH, "grad_params_length = 1 but must be 2");
  StatePtr st;
  ASSERT_EQ(qdcnn_state_create(2, QDCNN_PRECISION_COMPLEX128, st.out()), QDCNN_OK);
  double amps[6];
  EXPECT_STATUS(qdcnn_state_get_amplitudes(st.get(), amps, 6), QDCNN_ERROR_BUFFER_LENGTH,
                "length = 6 but must be 8");
}

TEST(Errors, TooManyQubits) {
  qdcnn_circuit* c = nullptr;
  EXPECT_STATUS(qdcnn_circuit_create(31, &c), QDCNN_ERROR_TOO_MANY_QUBITS, "n_qubits = 31");
  EXPECT_EQ(c, nullptr);
  qdcnn_state* s = nullptr;
  EXPECT_STATUS(qdcnn_state_create(30, QDCNN_PRECISION_COMPLEX128, &s),
                QDCNN_ERROR_TOO_MANY_QUBITS, "n_qubits = 30");
  EXPECT_STATUS(qdcnn_state_create(31, QDCNN_PRECISION_COMPLEX64, &s),
                QDCNN_ERROR_TOO_MANY_QUBITS, "n_qubits = 31");
  EXPECT_EQ(s, nullptr);
}

TEST(Errors, ZeroNormAmplitudes) {
  StatePtr st;
  ASSERT_EQ(qdcnn_state_create(2, QDCNN_PRECISION_COMPLEX128, st.out()), QDCNN_OK);
  const double zeros[3] = {0, 0, 0};
  EXPECT_STATUS(qdcnn_state_set_real_amplitudes(st.get(), zeros, 3), QDCNN_ERROR_ZERO_NORM,
                "all zeros");
  CircuitPtr c;
  ASSERT_EQ(qdcnn_circuit_create(2, c.out()), QDCNN_OK);
  ASSERT_EQ(qdcnn_circuit_set_initial_amplitudes(c.get(), 0, 3), QDCNN_OK);
  ObservablePtr o;
  ASSERT_EQ(qdcnn_observable_create(2, o.out()), QDCNN_OK);
  ASSERT_EQ(qdcnn_observable_add_z(o.get(), 0), QDCNN_OK);
  SimulatorPtr sim;
  ASSERT_EQ(qdcnn_simulator_create(QDCNN_PRECISION_COMPLEX128, sim.out()), QDCNN_OK);
  const double inputs[6] = {1, 0, 0, 0, 0, 0};
  double out[2];
  EXPECT_STATUS(qdcnn_simulator_forward(sim.get(), c.get(), o.get(), nullptr, 0, inputs, 6, 2,
                                        out, 2),
                QDCNN_ERROR_ZERO_NORM, "sample 1");
  EXPECT_STATUS(qdcnn_simulator_run(sim.get(), c.get(), nullptr, 0, inputs + 3, 3, st.get()),
                QDCNN_ERROR_ZERO_NORM, "all zeros");
  EXPECT_STATUS(qdcnn_circuit_set_initial_amplitudes(c.get(), 0, 5), QDCNN_ERROR_OUT_OF_RANGE,
                "length = 5");
}

TEST(Errors, InvalidArgumentsAndUnsupported) {
  qdcnn_state* s = nullptr;
  EXPECT_STATUS(qdcnn_state_create(2, 7, &s), QDCNN_ERROR_INVALID_ARGUMENT, "precision = 7");
  SimulatorPtr sim;
  ASSERT_EQ(qdcnn_simulator_create(QDCNN_PRECISION_COMPLEX64, sim.out()), QDCNN_OK);
  EXPECT_STATUS(qdcnn_simulator_set_kernel(sim.get(), 17), QDCNN_ERROR_INVALID_ARGUMENT,
                "kernel = 17");
  EXPECT_STATUS(qdcnn_simulator_set_threads(sim.get(), 1000), QDCNN_ERROR_OUT_OF_RANGE, "threads");
  EXPECT_STATUS(qdcnn_simulator_set_fusion(sim.get(), 1), QDCNN_ERROR_OUT_OF_RANGE,
                "max_fused_qubits = 1");
  EXPECT_STATUS(qdcnn_simulator_set_fusion(sim.get(), 5), QDCNN_ERROR_OUT_OF_RANGE,
                "max_fused_qubits = 5");
  for (int32_t k : {QDCNN_KERNEL_AVX2, QDCNN_KERNEL_AVX512}) {
    int32_t available = 0;
    ASSERT_EQ(qdcnn_kernel_available(k, &available), QDCNN_OK);
    if (!available) EXPECT_EQ(qdcnn_simulator_set_kernel(sim.get(), k), QDCNN_ERROR_UNSUPPORTED);
  }
  // State and simulator precisions must match.
  CircuitPtr c;
  ASSERT_EQ(qdcnn_circuit_create(2, c.out()), QDCNN_OK);
  StatePtr st;
  ASSERT_EQ(qdcnn_state_create(2, QDCNN_PRECISION_COMPLEX128, st.out()), QDCNN_OK);
  EXPECT_STATUS(qdcnn_simulator_run(sim.get(), c.get(), nullptr, 0, nullptr, 0, st.get()),
                QDCNN_ERROR_INVALID_ARGUMENT, "precision");
  StatePtr st3;
  ASSERT_EQ(qdcnn_state_create(3, QDCNN_PRECISION_COMPLEX64, st3.out()), QDCNN_OK);
  EXPECT_STATUS(qdcnn_simulator_run(sim.get(), c.get(), nullptr, 0, nullptr, 0, st3.get()),
                QDCNN_ERROR_INVALID_ARGUMENT, "state has 3 qubits but the circuit has 2");
  // Non-unitary matrices.
  const int32_t q[] = {0};
  const double m[8] = {1, 0, 1, 0, 0, 0, 1, 0};
  EXPECT_STATUS(qdcnn_circuit_add_unitary(c.get(), q, 1, m, 8), QDCNN_ERROR_INVALID_ARGUMENT,
                "not unitary");
  const char* name = nullptr;
  ASSERT_EQ(qdcnn_status_name(QDCNN_ERROR_PARSE, &name), QDCNN_OK);
  EXPECT_STREQ(name, "QDCNN_ERROR_PARSE");
  EXPECT_EQ(qdcnn_status_name(55, &name), QDCNN_ERROR_INVALID_ARGUMENT);
}

TEST(Library, VersionAndKernels) {
  int32_t version = 0;
  ASSERT_EQ(qdcnn_library_abi_version(&version), QDCNN_OK);
  EXPECT_EQ(version, QDCNN_ABI_VERSION);
  int32_t kernel = -1;
  ASSERT_EQ(qdcnn_kernel_default(&kernel), QDCNN_OK);
  int32_t available = 0;
  ASSERT_EQ(qdcnn_kernel_available(kernel, &available), QDCNN_OK);
  EXPECT_EQ(available, 1);
  SimulatorPtr sim;
  ASSERT_EQ(qdcnn_simulator_create(QDCNN_PRECISION_COMPLEX128, sim.out()), QDCNN_OK);
  int32_t used = 0;
  ASSERT_EQ(qdcnn_simulator_get_kernel(sim.get(), &used), QDCNN_OK);
  EXPECT_EQ(used, kernel);
  EXPECT_NE(used, QDCNN_KERNEL_AUTO);
}

}  // namespace
}  // namespace qdcnn::test
