// Cache blocking: the window plan keeps the order of steps that share a qubit, and blocked
// execution equals unblocked execution (every kernel, both precisions, 1 and 2 threads, fused and
// unfused, small windows so that every qubit position is sometimes inside, sometimes outside).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <random>
#include <string>

#include "capi/handles.h"
#include "circuit_fixtures.h"
#include "core/block_sequence.h"
#include "core/cache_blocking.h"
#include "core/program.h"
#include "core/simulator.h"

namespace qdcnn::test {
namespace {

std::vector<int32_t> available_kernels() {
  std::vector<int32_t> out;
  for (int32_t k : {QDCNN_KERNEL_SCALAR, QDCNN_KERNEL_AVX2, QDCNN_KERNEL_AVX512}) {
    if (kernel_available(k)) out.push_back(k);
  }
  return out;
}

TEST(CacheBlocking, PlanCoversEveryStepOnceAndKeepsOrderOnSharedQubits) {
  std::mt19937_64 rng(7);
  const int n = 12, block = 7, fixed = 2;
  for (int trial = 0; trial < 50; ++trial) {
    std::vector<std::vector<int>> steps;
    for (int i = 0; i < 60; ++i) {
      const int k = 1 + static_cast<int>(rng() % 4);
      std::vector<int> qs;
      while (static_cast<int>(qs.size()) < k) {
        const int q = static_cast<int>(rng() % n);
        if (std::find(qs.begin(), qs.end(), q) == qs.end()) qs.push_back(q);
      }
      std::sort(qs.begin(), qs.end());
      steps.push_back(qs);
    }
    const std::vector<BlockWindow> plan = plan_block_windows(steps, n, block, fixed);
    std::vector<int> order;  // position of every step in the blocked execution
    std::vector<int> position(steps.size(), -1);
    for (const BlockWindow& w : plan) {
      ASSERT_FALSE(w.steps.empty());
      if (w.qubits.empty()) {
        EXPECT_EQ(w.steps.size(), 1u);
      } else {
        EXPECT_EQ(static_cast<int>(w.qubits.size()), block);
        EXPECT_TRUE(std::is_sorted(w.qubits.begin(), w.qubits.end()));
        for (int q = 0; q < fixed; ++q) EXPECT_EQ(w.qubits[static_cast<size_t>(q)], q);
        for (int s : w.steps) {
          for (int q : steps[static_cast<size_t>(s)]) {
            EXPECT_TRUE(std::binary_search(w.qubits.begin(), w.qubits.end(), q));
          }
        }
      }
      for (int s : w.steps) {
        ASSERT_EQ(position[static_cast<size_t>(s)], -1) << "step " << s << " planned twice";
        position[static_cast<size_t>(s)] = static_cast<int>(order.size());
        order.push_back(s);
      }
    }
    ASSERT_EQ(order.size(), steps.size());
    for (size_t a = 0; a < steps.size(); ++a) {
      for (size_t b = a + 1; b < steps.size(); ++b) {
        bool share = false;
        for (int q : steps[a]) {
          if (std::binary_search(steps[b].begin(), steps[b].end(), q)) share = true;
        }
        if (share) EXPECT_LT(position[a], position[b]) << "steps " << a << " and " << b;
      }
    }
    // Blocking must pay off: far fewer sweeps than steps on this random circuit.
    EXPECT_LT(plan.size(), steps.size());
  }
}

TEST(CacheBlocking, LayoutMapsBlocksAndChunksOntoDistinctAmplitudes) {
  const int n = 9;
  const BlockLayout layout({0, 1, 2, 5, 7}, n);
  EXPECT_EQ(layout.blocks(), 16u);
  EXPECT_EQ(layout.chunks(), 4u);
  EXPECT_EQ(layout.chunk_size(), 8u);
  EXPECT_EQ(layout.local_qubit(5), 3);
  std::vector<int> hits(size_t{1} << n, 0);
  for (uint64_t b = 0; b < layout.blocks(); ++b) {
    for (uint64_t c = 0; c < layout.chunks(); ++c) {
      for (uint64_t i = 0; i < layout.chunk_size(); ++i) ++hits[layout.chunk_start(b, c) + i];
    }
  }
  for (int h : hits) EXPECT_EQ(h, 1);
  for (uint64_t b = 0; b < layout.blocks(); ++b) {
    for (uint64_t c = 0; c < layout.chunks(); ++c) {
      EXPECT_EQ(layout.chunk_start(b, c), layout.block_start(b) | layout.chunk_offset(c));
    }
  }
}

template <typename T>
std::vector<std::complex<T>> run_internal(const qdcnn_circuit* c, int32_t kernel, int threads,
                                          int fusion, int block, int fixed,
                                          const std::vector<double>& params,
                                          const std::vector<double>& inputs) {
  Simulator<T> sim;
  sim.set_kernel(kernel);
  sim.set_threads(threads);
  sim.set_fusion(fusion);
  sim.set_cache_blocking(block, fixed);
  StateVector<T> state(c->circuit.n_qubits());
  sim.run(c->circuit, params.data(), inputs.data(), state);
  return std::vector<std::complex<T>>(state.data(), state.data() + state.size());
}

template <typename T>
void expect_blocked_equals_unblocked(double tol) {
  for (int n : {8, 11}) {
    RandomCircuitSpec spec;
    spec.n_qubits = n;
    spec.n_gates = 120;
    spec.seed = 90 + static_cast<uint64_t>(n);
    CircuitPtr c = random_circuit(spec);
    const std::vector<double> params = random_values(static_cast<size_t>(circuit_params(c.get())), 3);
    const std::vector<double> inputs = random_values(static_cast<size_t>(circuit_inputs(c.get())), 4);
    for (int32_t kernel : available_kernels()) {
      for (int threads : {1, 2}) {
        for (int fusion : {0, 2, 3, 4}) {  // 3 runs as 2 when blocked (simulator.cpp)
          const auto plain = run_internal<T>(c.get(), kernel, threads, fusion, 0, 0, params, inputs);
          // Blocks of 9 and 10 qubits put high-only 4-qubit steps on the SIMD planar kernels.
          for (auto [block, fixed] : {std::pair{6, 2}, std::pair{7, 3}, std::pair{5, 0},
                                      std::pair{9, 5}, std::pair{10, 5}}) {
            const auto blocked =
                run_internal<T>(c.get(), kernel, threads, fusion, block, fixed, params, inputs);
            double diff = 0;
            for (size_t i = 0; i < plain.size(); ++i) {
              diff = std::max(diff, static_cast<double>(std::abs(plain[i] - blocked[i])));
            }
            EXPECT_LT(diff, tol) << "n=" << n << " kernel=" << kernel << " threads=" << threads
                                 << " fusion=" << fusion << " block=" << block
                                 << " fixed=" << fixed;
          }
        }
      }
    }
  }
}

TEST(CacheBlocking, BlockedEqualsUnblockedComplex64) { expect_blocked_equals_unblocked<float>(2e-5); }
TEST(CacheBlocking, BlockedEqualsUnblockedComplex128) {
  expect_blocked_equals_unblocked<double>(1e-12);
}

// The qsim-format random circuit (a random rx, ry or rz on every qubit, then cz on alternating
// pairs): its fused steps on high block qubits run as factor sequences (block_sequence.h).
// Blocked runs with every fusion width equal the unfused, unblocked run.
std::string qsim_rotation_circuit(int n, int cycles, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> angle(-3.14159, 3.14159);
  const char* const rotations[] = {"rx", "ry", "rz"};
  std::string text = std::to_string(n) + "\n";
  for (int cycle = 0; cycle < cycles; ++cycle) {
    for (int q = 0; q < n; ++q) {
      text += std::to_string(2 * cycle) + " " + rotations[rng() % 3] + " " + std::to_string(q) +
              " " + std::to_string(angle(rng)) + "\n";
    }
    for (int q = cycle % 2; q + 1 < n; q += 2) {
      text += std::to_string(2 * cycle + 1) + " cz " + std::to_string(q) + " " +
              std::to_string(q + 1) + "\n";
    }
  }
  return text;
}

template <typename T>
void expect_qsim_blocked_equals_unfused(double tol) {
  const int n = 13;
  const std::string text = qsim_rotation_circuit(n, 8, 41);
  qdcnn_circuit* raw = nullptr;
  ASSERT_EQ(qdcnn_circuit_from_qsim(text.data(), text.size(), &raw), QDCNN_OK) << last_error();
  CircuitPtr c(raw);
  const std::vector<double> none;
  for (int32_t kernel : available_kernels()) {
    const auto plain = run_internal<T>(c.get(), kernel, 1, 0, 0, 0, none, none);
    for (int threads : {1, 2}) {
      for (int fusion : {2, 3, 4}) {
        for (auto [block, fixed] : {std::pair{10, 5}, std::pair{11, 5}, std::pair{12, 4}}) {
          const auto blocked =
              run_internal<T>(c.get(), kernel, threads, fusion, block, fixed, none, none);
          double diff = 0;
          for (size_t i = 0; i < plain.size(); ++i) {
            diff = std::max(diff, static_cast<double>(std::abs(plain[i] - blocked[i])));
          }
          EXPECT_LT(diff, tol) << "kernel=" << kernel << " threads=" << threads
                               << " fusion=" << fusion << " block=" << block;
        }
      }
    }
  }
}

TEST(CacheBlocking, QsimCircuitBlockedEqualsUnfusedComplex64) {
  expect_qsim_blocked_equals_unfused<float>(2e-5);
}
TEST(CacheBlocking, QsimCircuitBlockedEqualsUnfusedComplex128) {
  expect_qsim_blocked_equals_unfused<double>(1e-12);
}

// The factor path is really taken for rotation + cz steps on high block qubits, and refused for
// steps on low ones or with other gates.
TEST(CacheBlocking, SequenceOpsOnlyForRotationsAndCzOnHighQubits) {
  const std::string text = qsim_rotation_circuit(8, 2, 3);
  qdcnn_circuit* raw = nullptr;
  ASSERT_EQ(qdcnn_circuit_from_qsim(text.data(), text.size(), &raw), QDCNN_OK) << last_error();
  CircuitPtr c(raw);
  const Program<float> program = compile_program<float>(c.get()->circuit, nullptr, 4);
  int taken = 0;
  for (const Step<float>& step : program.steps) {
    std::vector<PlanarOp<float>> ops;
    const int high[4] = {6, 7, 8, 9};  // as if every step sat on high block qubits
    const int low[4] = {0, 7, 8, 9};
    if (step.k == 4 && block_sequence_ops(c.get()->circuit, step, high, nullptr, nullptr, &ops)) {
      EXPECT_EQ(ops.size(), step.members.size());
      ++taken;
    }
    EXPECT_FALSE(block_sequence_ops(c.get()->circuit, step, low, nullptr, nullptr, &ops));
    EXPECT_TRUE(ops.empty());
  }
  EXPECT_GT(taken, 0);
  RandomCircuitSpec spec;  // includes non-rotation gates (h, cx, u3, ...)
  spec.n_qubits = 8;
  spec.n_gates = 40;
  spec.seed = 12;
  CircuitPtr other = random_circuit(spec);
  const std::vector<double> params =
      random_values(static_cast<size_t>(circuit_params(other.get())), 3);
  const std::vector<double> inputs =
      random_values(static_cast<size_t>(circuit_inputs(other.get())), 4);
  const Program<double> mixed = compile_program<double>(other.get()->circuit, params.data(), 4);
  int refused = 0;
  for (const Step<double>& step : mixed.steps) {
    std::vector<PlanarOp<double>> ops;
    const int high[4] = {6, 7, 8, 9};
    if (!block_sequence_ops(other.get()->circuit, step, high, params.data(), inputs.data(), &ops)) {
      ++refused;
    }
  }
  EXPECT_GT(refused, 0);
}

// The automatic (cache-sized) windows, switched by QDCNN_CACHE_BLOCKING, through the C ABI.
TEST(CacheBlocking, EnvironmentSwitchGivesTheSameState) {
  const int n = 18;  // above the complex128 window (16 qubits) and the complex64 one (17)
  RandomCircuitSpec spec;
  spec.n_qubits = n;
  spec.n_gates = 60;
  spec.seed = 5;
  CircuitPtr c = random_circuit(spec);
  const std::vector<double> params = random_values(static_cast<size_t>(circuit_params(c.get())), 5);
  const std::vector<double> inputs = random_values(static_cast<size_t>(circuit_inputs(c.get())), 6);
  const char* saved = std::getenv("QDCNN_CACHE_BLOCKING");
  const std::string saved_value = saved ? saved : "";
  for (int32_t precision : {QDCNN_PRECISION_COMPLEX64, QDCNN_PRECISION_COMPLEX128}) {
    std::vector<std::vector<double>> results;
    for (const char* setting : {"0", "1"}) {
      setenv("QDCNN_CACHE_BLOCKING", setting, 1);
      SimulatorPtr sim;
      ASSERT_EQ(qdcnn_simulator_create(precision, sim.out()), QDCNN_OK);
      ASSERT_EQ(qdcnn_simulator_set_fusion(sim.get(), 4), QDCNN_OK);
      ASSERT_EQ(qdcnn_simulator_set_threads(sim.get(), 2), QDCNN_OK);
      StatePtr st;
      ASSERT_EQ(qdcnn_state_create(n, precision, st.out()), QDCNN_OK);
      ASSERT_EQ(qdcnn_simulator_run(sim.get(), c.get(), params.data(), params.size(),
                                    inputs.data(), inputs.size(), st.get()),
                QDCNN_OK)
          << last_error();
      std::vector<double> amps(size_t{2} << n);
      ASSERT_EQ(qdcnn_state_get_amplitudes(st.get(), amps.data(), amps.size()), QDCNN_OK);
      results.push_back(std::move(amps));
    }
    double diff = 0;
    for (size_t i = 0; i < results[0].size(); ++i) {
      diff = std::max(diff, std::abs(results[0][i] - results[1][i]));
    }
    EXPECT_LT(diff, precision == QDCNN_PRECISION_COMPLEX64 ? 2e-5 : 1e-12);
  }
  if (saved) {
    setenv("QDCNN_CACHE_BLOCKING", saved_value.c_str(), 1);
  } else {
    unsetenv("QDCNN_CACHE_BLOCKING");
  }
}

}  // namespace
}  // namespace qdcnn::test
