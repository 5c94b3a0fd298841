// Regression tests for inputs the libFuzzer harness (tests/fuzz) found; each names its saved input
// under tests/fuzz/regressions/api_sequence_fuzzer/.
#include <gtest/gtest.h>

#include <climits>
#include <cmath>

#include "qdcnn/qdcnn.h"

namespace {

// state_create_int32_max_qubits_shift: the qubit count was shifted before it was range-checked.
TEST(FuzzRegressions, StateCreateWithHugeQubitCountIsAnError) {
  for (int32_t n : {INT32_MAX, 64, 63}) {
    qdcnn_state* state = nullptr;
    EXPECT_EQ(qdcnn_state_create(n, QDCNN_PRECISION_COMPLEX128, &state),
              QDCNN_ERROR_TOO_MANY_QUBITS)
        << "n_qubits = " << n;
    EXPECT_EQ(state, nullptr);
  }
  for (int32_t n : {0, -1, INT32_MIN}) {
    qdcnn_state* state = nullptr;
    EXPECT_EQ(qdcnn_state_create(n, QDCNN_PRECISION_COMPLEX128, &state), QDCNN_ERROR_OUT_OF_RANGE)
        << "n_qubits = " << n;
    EXPECT_EQ(state, nullptr);
  }
}

// add_gate_parameter_index_int32_max: index + 1 overflowed the inferred parameter count.
TEST(FuzzRegressions, AngleIndexInt32MaxIsOutOfRange) {
  qdcnn_circuit* circuit = nullptr;
  ASSERT_EQ(qdcnn_circuit_create(1, &circuit), QDCNN_OK);
  const int32_t qubit = 0;
  for (int32_t source : {QDCNN_ANGLE_PARAMETER, QDCNN_ANGLE_INPUT}) {
    const int32_t index = INT32_MAX;
    const double scale = 1.0, offset = 0.0;
    EXPECT_EQ(qdcnn_circuit_add_gate(circuit, QDCNN_GATE_RX, &qubit, 1, &source, &index, &scale,
                                     &offset, 1),
              QDCNN_ERROR_OUT_OF_RANGE);
  }
  int32_t n_params = -1, n_inputs = -1;
  int64_t n_gates = -1;
  ASSERT_EQ(qdcnn_circuit_info(circuit, nullptr, &n_gates, &n_params, &n_inputs), QDCNN_OK);
  EXPECT_EQ(n_gates, 0);
  EXPECT_EQ(n_params, 0);
  EXPECT_EQ(n_inputs, 0);
  EXPECT_EQ(qdcnn_circuit_destroy(circuit), QDCNN_OK);
}

// qasm_parser_fuzzer/u3_huge_lambda_not_unitary: e^{i(phi+lambda)} was computed from the rounded sum
// phi + lambda, so U3 with |lambda| ~ 1e117 lost phi and was not unitary (norm^2 1.0035 after a run).
TEST(FuzzRegressions, U3WithHugeAngleStaysUnitary) {
  const double angles[3] = {0.1, 0.2, 1.1e117};
  double m[8];
  ASSERT_EQ(qdcnn_gate_matrix(QDCNN_GATE_U3, angles, 3, m, 8), QDCNN_OK);
  // Columns of a unitary are orthonormal: check U^dagger U = I entrywise.
  const double c00 = m[0] * m[0] + m[1] * m[1] + m[4] * m[4] + m[5] * m[5];
  const double c11 = m[2] * m[2] + m[3] * m[3] + m[6] * m[6] + m[7] * m[7];
  const double c01_re = m[0] * m[2] + m[1] * m[3] + m[4] * m[6] + m[5] * m[7];
  const double c01_im = m[0] * m[3] - m[1] * m[2] + m[4] * m[7] - m[5] * m[6];
  EXPECT_NEAR(c00, 1.0, 1e-12);
  EXPECT_NEAR(c11, 1.0, 1e-12);
  EXPECT_NEAR(c01_re, 0.0, 1e-12);
  EXPECT_NEAR(c01_im, 0.0, 1e-12);
}

// api_sequence_fuzzer/backward_f32_grad_buffer_length_zero: the float32 backward handed an empty
// vector's data() (NULL) on for a caller's non-NULL gradient buffer of length 0, so "wrong length"
// read as "skip this gradient" and the call succeeded.
TEST(FuzzRegressions, BackwardF32RejectsNonNullGradientBufferOfLengthZero) {
  qdcnn_circuit* circuit = nullptr;
  ASSERT_EQ(qdcnn_circuit_create(1, &circuit), QDCNN_OK);
  const int32_t qubit = 0, input = QDCNN_ANGLE_INPUT, parameter = QDCNN_ANGLE_PARAMETER, index = 0;
  const double scale = 1.0, offset = 0.0;
  ASSERT_EQ(qdcnn_circuit_add_gate(circuit, QDCNN_GATE_RY, &qubit, 1, &input, &index, &scale,
                                   &offset, 1),
            QDCNN_OK);
  ASSERT_EQ(qdcnn_circuit_add_gate(circuit, QDCNN_GATE_RX, &qubit, 1, &parameter, &index, &scale,
                                   &offset, 1),
            QDCNN_OK);
  qdcnn_observable* observable = nullptr;
  ASSERT_EQ(qdcnn_observable_create(1, &observable), QDCNN_OK);
  ASSERT_EQ(qdcnn_observable_add_z(observable, 0), QDCNN_OK);
  qdcnn_simulator* simulator = nullptr;
  ASSERT_EQ(qdcnn_simulator_create(QDCNN_PRECISION_COMPLEX64, &simulator), QDCNN_OK);
  const float params[1] = {0.3f}, inputs[1] = {0.2f}, grad_outputs[1] = {1.0f};
  float grad_inputs[1] = {0.0f}, grad_params[1] = {0.0f};
  // Non-NULL buffers with length 0 where 1 element is needed: each must be rejected.
  EXPECT_NE(qdcnn_simulator_backward_f32(simulator, circuit, observable, params, 1, inputs, 1, 1,
                                         grad_outputs, 1, grad_inputs, 0, grad_params, 1),
            QDCNN_OK);
  EXPECT_NE(qdcnn_simulator_backward_f32(simulator, circuit, observable, params, 1, inputs, 1, 1,
                                         grad_outputs, 1, grad_inputs, 1, grad_params, 0),
            QDCNN_OK);
  // NULL with length 0 still skips that gradient.
  EXPECT_EQ(qdcnn_simulator_backward_f32(simulator, circuit, observable, params, 1, inputs, 1, 1,
                                         grad_outputs, 1, nullptr, 0, grad_params, 1),
            QDCNN_OK);
  EXPECT_NE(grad_params[0], 0.0f);
  EXPECT_EQ(qdcnn_simulator_destroy(simulator), QDCNN_OK);
  EXPECT_EQ(qdcnn_observable_destroy(observable), QDCNN_OK);
  EXPECT_EQ(qdcnn_circuit_destroy(circuit), QDCNN_OK);
}

}  // namespace
