// Fused execution equals unfused execution; the grouping keeps gate order and size limits.
#include <gtest/gtest.h>

#include "circuit_fixtures.h"
#include "core/fusion.h"

namespace qdcnn::test {
namespace {

std::vector<cd> final_state(int32_t precision, int fusion, const qdcnn_circuit* c,
                            const std::vector<double>& params, const std::vector<double>& inputs,
                            int n) {
  SimulatorPtr sim;
  EXPECT_EQ(qdcnn_simulator_create(precision, sim.out()), QDCNN_OK);
  EXPECT_EQ(qdcnn_simulator_set_fusion(sim.get(), fusion), QDCNN_OK);
  StatePtr st;
  EXPECT_EQ(qdcnn_state_create(n, precision, st.out()), QDCNN_OK);
  EXPECT_EQ(qdcnn_simulator_run(sim.get(), c, params.data(), params.size(), inputs.data(),
                                inputs.size(), st.get()),
            QDCNN_OK)
      << last_error();
  std::vector<double> amps(size_t{2} << n);
  EXPECT_EQ(qdcnn_state_get_amplitudes(st.get(), amps.data(), amps.size()), QDCNN_OK);
  return deinterleave(amps);
}

TEST(Fusion, FusedEqualsUnfused) {
  for (int n : {3, 6, 9}) {
    RandomCircuitSpec spec;
    spec.n_qubits = n;
    spec.n_gates = 80;
    spec.seed = 40 + static_cast<uint64_t>(n);
    CircuitPtr c = random_circuit(spec);
    const std::vector<double> params = random_values(static_cast<size_t>(circuit_params(c.get())), 1);
    const std::vector<double> inputs = random_values(static_cast<size_t>(circuit_inputs(c.get())), 2);
    for (int32_t precision : {QDCNN_PRECISION_COMPLEX64, QDCNN_PRECISION_COMPLEX128}) {
      const double tol = precision == QDCNN_PRECISION_COMPLEX64 ? 1e-5 : 1e-12;
      const std::vector<cd> plain = final_state(precision, 0, c.get(), params, inputs, n);
      for (int fusion = 2; fusion <= QDCNN_MAX_FUSED_QUBITS; ++fusion) {
        const std::vector<cd> fused = final_state(precision, fusion, c.get(), params, inputs, n);
        EXPECT_LT(max_abs_diff(plain, fused), tol) << "n=" << n << " fusion=" << fusion;
      }
    }
  }
}

TEST(Fusion, GroupsRespectSizeAndCoverEveryGateOnce) {
  // A core circuit of H and CNOT gates, to inspect the grouping itself.
  Circuit core(6);
  for (int i = 0; i < 60; ++i) {
    Operation op;
    op.gate = i % 3 == 0 ? QDCNN_GATE_CNOT : QDCNN_GATE_H;
    op.n_qubits = op.gate == QDCNN_GATE_CNOT ? 2 : 1;
    op.qubits[0] = i % 6;
    op.qubits[1] = (i * 7 + 1) % 6 == op.qubits[0] ? (op.qubits[0] + 1) % 6 : (i * 7 + 1) % 6;
    core.add(op);
  }
  for (int max = 2; max <= 4; ++max) {
    const std::vector<FusedGroup> groups = fuse_operations(core, max);
    std::vector<int> seen(60, 0);
    std::vector<int> last_on_qubit(6, -1);
    for (const FusedGroup& g : groups) {
      EXPECT_LE(static_cast<int>(g.qubits.size()), max);
      for (int m : g.members) {
        ++seen[static_cast<size_t>(m)];
        const Operation& op = core.operations()[static_cast<size_t>(m)];
        for (int j = 0; j < op.n_qubits; ++j) {
          // Gates on one qubit run in circuit order.
          EXPECT_LT(last_on_qubit[static_cast<size_t>(op.qubits[j])], m);
          last_on_qubit[static_cast<size_t>(op.qubits[j])] = m;
        }
      }
    }
    for (int s : seen) EXPECT_EQ(s, 1);
    EXPECT_LT(groups.size(), 60u);
  }
}

}  // namespace
}  // namespace qdcnn::test
