// Different handles used from several threads give identical results; one handle used from two
// threads at once is reported; live handles return to their starting count.
#include <gtest/gtest.h>

#include <thread>

#include "capi/handles.h"
#include "circuit_fixtures.h"

namespace qdcnn::test {
namespace {

std::vector<double> forward_once(const qdcnn_circuit* c, const qdcnn_observable* o,
                                 const std::vector<double>& params,
                                 const std::vector<double>& inputs, size_t batch) {
  SimulatorPtr sim;
  EXPECT_EQ(qdcnn_simulator_create(QDCNN_PRECISION_COMPLEX128, sim.out()), QDCNN_OK);
  std::vector<double> out(batch * static_cast<size_t>(n_outputs(o)));
  EXPECT_EQ(qdcnn_simulator_forward(sim.get(), c, o, params.data(), params.size(), inputs.data(),
                                    inputs.size(), batch, out.data(), out.size()),
            QDCNN_OK);
  return out;
}

TEST(Concurrency, DifferentSimulatorsOnSharedCircuitGiveIdenticalResults) {
  RandomCircuitSpec spec;
  spec.n_qubits = 6;
  spec.n_gates = 60;
  CircuitPtr c = random_circuit(spec);
  ObservablePtr o = mixed_observable(6);
  const std::vector<double> params = random_values(static_cast<size_t>(circuit_params(c.get())), 1);
  const size_t batch = 16;
  const std::vector<double> inputs =
      random_values(batch * static_cast<size_t>(circuit_inputs(c.get())), 2);
  const std::vector<double> want = forward_once(c.get(), o.get(), params, inputs, batch);
  std::vector<std::vector<double>> got(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < got.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int rep = 0; rep < 5; ++rep) got[t] = forward_once(c.get(), o.get(), params, inputs, batch);
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::vector<double>& g : got) EXPECT_EQ(g, want);
}

TEST(Concurrency, SecondUserOfOneHandleGetsConcurrentUse) {
  SimulatorPtr sim;
  ASSERT_EQ(qdcnn_simulator_create(QDCNN_PRECISION_COMPLEX128, sim.out()), QDCNN_OK);
  CircuitPtr c;
  ASSERT_EQ(qdcnn_circuit_create(2, c.out()), QDCNN_OK);
  StatePtr st;
  ASSERT_EQ(qdcnn_state_create(2, QDCNN_PRECISION_COMPLEX128, st.out()), QDCNN_OK);
  {
    // Another thread is inside a call on this simulator.
    capi::UseGuard busy(sim.get()->in_use, "simulator");
    EXPECT_EQ(qdcnn_simulator_run(sim.get(), c.get(), nullptr, 0, nullptr, 0, st.get()),
              QDCNN_ERROR_CONCURRENT_USE);
    EXPECT_NE(last_error().find("simulator is being used by another thread"), std::string::npos);
  }
  {
    capi::UseGuard busy(st.get()->in_use, "state");
    EXPECT_EQ(qdcnn_simulator_run(sim.get(), c.get(), nullptr, 0, nullptr, 0, st.get()),
              QDCNN_ERROR_CONCURRENT_USE);
    double norm = 0;
    EXPECT_EQ(qdcnn_state_norm_squared(st.get(), &norm), QDCNN_ERROR_CONCURRENT_USE);
  }
  EXPECT_EQ(qdcnn_simulator_run(sim.get(), c.get(), nullptr, 0, nullptr, 0, st.get()), QDCNN_OK);
}

TEST(Concurrency, LiveHandleCounterReturnsToStart) {
  int64_t start = -1;
  ASSERT_EQ(qdcnn_debug_live_handles(&start), QDCNN_OK);
  {
    CircuitPtr c;
    ASSERT_EQ(qdcnn_circuit_create(2, c.out()), QDCNN_OK);
    ObservablePtr o;
    ASSERT_EQ(qdcnn_observable_create(2, o.out()), QDCNN_OK);
    StatePtr s;
    ASSERT_EQ(qdcnn_state_create(2, QDCNN_PRECISION_COMPLEX64, s.out()), QDCNN_OK);
    SimulatorPtr sim;
    ASSERT_EQ(qdcnn_simulator_create(QDCNN_PRECISION_COMPLEX64, sim.out()), QDCNN_OK);
    int64_t during = 0;
    ASSERT_EQ(qdcnn_debug_live_handles(&during), QDCNN_OK);
    EXPECT_EQ(during, start + 4);
    // A failed create leaves nothing behind.
    qdcnn_state* bad = nullptr;
    EXPECT_NE(qdcnn_state_create(40, QDCNN_PRECISION_COMPLEX64, &bad), QDCNN_OK);
    ASSERT_EQ(qdcnn_debug_live_handles(&during), QDCNN_OK);
    EXPECT_EQ(during, start + 4);
  }
  int64_t end = -1;
  ASSERT_EQ(qdcnn_debug_live_handles(&end), QDCNN_OK);
  EXPECT_EQ(end, start);
}

}  // namespace
}  // namespace qdcnn::test
