// Links only libqdcnn.so: the C ABI is usable through the exported symbols alone.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "qdcnn/qdcnn.h"

TEST(SharedLibrary, BellStateThroughExportedSymbols) {
  int32_t version = 0;
  ASSERT_EQ(qdcnn_library_abi_version(&version), QDCNN_OK);
  EXPECT_EQ(version, QDCNN_ABI_VERSION);
  qdcnn_circuit* c = nullptr;
  ASSERT_EQ(qdcnn_circuit_create(2, &c), QDCNN_OK);
  const int32_t h[] = {0};
  const int32_t cx[] = {0, 1};
  ASSERT_EQ(qdcnn_circuit_add_gate(c, QDCNN_GATE_H, h, 1, nullptr, nullptr, nullptr, nullptr, 0),
            QDCNN_OK);
  ASSERT_EQ(qdcnn_circuit_add_gate(c, QDCNN_GATE_CNOT, cx, 2, nullptr, nullptr, nullptr, nullptr, 0),
            QDCNN_OK);
  qdcnn_simulator* sim = nullptr;
  ASSERT_EQ(qdcnn_simulator_create(QDCNN_PRECISION_COMPLEX128, &sim), QDCNN_OK);
  qdcnn_state* st = nullptr;
  ASSERT_EQ(qdcnn_state_create(2, QDCNN_PRECISION_COMPLEX128, &st), QDCNN_OK);
  ASSERT_EQ(qdcnn_simulator_run(sim, c, nullptr, 0, nullptr, 0, st), QDCNN_OK);
  std::vector<double> p(4);
  ASSERT_EQ(qdcnn_state_probabilities(st, p.data(), p.size()), QDCNN_OK);
  EXPECT_NEAR(p[0], 0.5, 1e-15);
  EXPECT_NEAR(p[3], 0.5, 1e-15);
  EXPECT_NEAR(p[1] + p[2], 0.0, 1e-15);
  EXPECT_EQ(qdcnn_state_destroy(st), QDCNN_OK);
  EXPECT_EQ(qdcnn_simulator_destroy(sim), QDCNN_OK);
  EXPECT_EQ(qdcnn_circuit_destroy(c), QDCNN_OK);
  int64_t live = -1;
  ASSERT_EQ(qdcnn_debug_live_handles(&live), QDCNN_OK);
  EXPECT_EQ(live, 0);
}
