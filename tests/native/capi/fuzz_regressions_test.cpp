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

}  // namespace
