// Large circuits.
// - BM_RandomCircuit/<precision>/fusion<F>/threads<T>/<n>: the qsim-format random circuit
//   (20 cycles; see random_qsim_circuit) loaded with qdcnn_circuit_from_qsim and applied to a
//   state. Reported: time per circuit, gates, and effective_GBps = gates * 2 * state bytes /
//   time (the bandwidth one-pass-per-unfused-gate execution would need to keep up).
// - BM_FusedGatePass/<precision>/k<K>/<low|high>/<n>: two cycles of the same circuit restricted
//   to K adjacent qubits, run with fusion K: the fuser can merge it into ONE K-qubit gate, so
//   one iteration is one fused-gate pass over the state (bytes_per_second = 2 * state bytes).
// - BM_InPlaceSweep/<precision>/<n>: negates every amplitude of a 64-byte-aligned buffer of
//   the same size in place (vectorised, one thread): the bandwidth reference for one pass.
#include <cmath>
#include <complex>
#include <cstdlib>
#include <memory>
#include <string>

#include "bench_support.h"

namespace qdcnn::bench {
namespace {

constexpr int kCycles = 20;
constexpr uint64_t kSeed = 20240517;
constexpr int kQubitCounts[] = {16, 18, 20, 22, 24, 26, 27, 28};  // 27: a 2 GiB complex128 state

double state_bytes(int32_t precision, int n) {
  return std::ldexp(static_cast<double>(amplitude_bytes(precision)), n);
}

void random_circuit(benchmark::State& state, int32_t precision, int32_t fusion, int32_t threads,
                    int n) {
  int64_t n_gates = 0;
  const std::string text = random_qsim_circuit(n, kCycles, kSeed, &n_gates);
  qdcnn_circuit* raw = nullptr;
  check(qdcnn_circuit_from_qsim(text.data(), text.size(), &raw), "qdcnn_circuit_from_qsim");
  Circuit circuit(raw);
  Simulator simulator = make_simulator(precision, QDCNN_KERNEL_AUTO, threads, fusion);
  State vector = make_spread_state(simulator.get(), n, precision);
  for (auto _ : state) {
    check(qdcnn_simulator_apply(simulator.get(), circuit.get(), nullptr, 0, nullptr, 0,
                                vector.get()),
          "qdcnn_simulator_apply");
  }
  state.counters["gates"] = static_cast<double>(n_gates);
  state.counters["effective_GBps"] = benchmark::Counter(
      static_cast<double>(n_gates) * 2 * state_bytes(precision, n) * 1e-9,
      benchmark::Counter::kIsIterationInvariantRate);
}

// Two cycles of random rotations + cz restricted to qubits first .. first + k - 1.
std::string block_qsim_circuit(int n, int first, int k) {
  const char* const rotations[] = {"rx", "ry", "rz"};
  std::string text = std::to_string(n) + "\n";
  for (int cycle = 0; cycle < 2; ++cycle) {
    for (int j = 0; j < k; ++j) {
      text += std::to_string(2 * cycle) + " " + rotations[(cycle + j) % 3] + " " +
              std::to_string(first + j) + " " + std::to_string(0.3 + 0.1 * j) + "\n";
    }
    for (int j = cycle % 2; j + 1 < k; j += 2) {
      text += std::to_string(2 * cycle + 1) + " cz " + std::to_string(first + j) + " " +
              std::to_string(first + j + 1) + "\n";
    }
  }
  return text;
}

void fused_gate_pass(benchmark::State& state, int32_t precision, int k, bool high, int n) {
  const std::string text = block_qsim_circuit(n, high ? n - k : 0, k);
  qdcnn_circuit* raw = nullptr;
  check(qdcnn_circuit_from_qsim(text.data(), text.size(), &raw), "qdcnn_circuit_from_qsim");
  Circuit circuit(raw);
  Simulator simulator = make_simulator(precision, QDCNN_KERNEL_AUTO, 1, k);
  State vector = make_spread_state(simulator.get(), n, precision);
  check(qdcnn_simulator_apply(simulator.get(), circuit.get(), nullptr, 0, nullptr, 0, vector.get()),
        "qdcnn_simulator_apply");
  for (auto _ : state) {
    check(qdcnn_simulator_apply(simulator.get(), circuit.get(), nullptr, 0, nullptr, 0,
                                vector.get()),
          "qdcnn_simulator_apply");
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * 2 * state_bytes(precision, n)));
}

// The sweep itself, compiled for AVX-512, AVX2 and baseline x86-64 and picked at load time
// (GCC function multiversioning), so that the reference uses the widest vectors the CPU has,
// as the simulator's kernels do.
#if defined(__GNUC__) && defined(__x86_64__)
#define QDCNN_BENCH_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define QDCNN_BENCH_CLONES
#endif
QDCNN_BENCH_CLONES void negate_all(float* values, size_t count) {
  for (size_t i = 0; i < count; ++i) values[i] = -values[i];
}
QDCNN_BENCH_CLONES void negate_all(double* values, size_t count) {
  for (size_t i = 0; i < count; ++i) values[i] = -values[i];
}

template <typename Real>
void in_place_sweep(benchmark::State& state, int n) {
  const size_t count = size_t{1} << n;
  const size_t bytes = count * sizeof(std::complex<Real>);
  void* memory = std::aligned_alloc(64, (bytes + 63) / 64 * 64);
  if (memory == nullptr) {
    state.SkipWithError("aligned_alloc failed");
    return;
  }
  std::unique_ptr<void, decltype(&std::free)> owner(memory, &std::free);
  Real* values = static_cast<Real*>(memory);
  for (size_t i = 0; i < 2 * count; ++i) values[i] = static_cast<Real>(1e-3);  // first touch
  for (auto _ : state) {
    negate_all(values, 2 * count);
    benchmark::ClobberMemory();
  }
  benchmark::DoNotOptimize(values[count / 2]);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * 2 * bytes));
}

}  // namespace

void register_random_circuit_benchmarks() {
  for (int32_t precision : {QDCNN_PRECISION_COMPLEX64, QDCNN_PRECISION_COMPLEX128}) {
    const std::string p = precision_name(precision);
    for (int n : kQubitCounts) {
      for (int32_t fusion : {0, 2, 3, 4}) {
        for (int32_t threads : {1, 2}) {
          const std::string name = "BM_RandomCircuit/" + p + "/fusion" + std::to_string(fusion) +
                                   "/threads" + std::to_string(threads) + "/" + std::to_string(n);
          benchmark::RegisterBenchmark(name.c_str(),
                                       [=](benchmark::State& s) {
                                         guarded(s, [&](benchmark::State& st) {
                                           random_circuit(st, precision, fusion, threads, n);
                                         });
                                       })
              ->MeasureProcessCPUTime()->UseRealTime()
              ->Unit(benchmark::kMillisecond);
        }
      }
      for (int k : {2, 3, 4}) {
        for (bool high : {false, true}) {
          const std::string name = "BM_FusedGatePass/" + p + "/k" + std::to_string(k) + "/" +
                                   (high ? "high/" : "low/") + std::to_string(n);
          benchmark::RegisterBenchmark(name.c_str(),
                                       [=](benchmark::State& s) {
                                         guarded(s, [&](benchmark::State& st) {
                                           fused_gate_pass(st, precision, k, high, n);
                                         });
                                       })
              ->MeasureProcessCPUTime()->UseRealTime()
              ->Unit(benchmark::kMillisecond);
        }
      }
      const std::string sweep = "BM_InPlaceSweep/" + p + "/" + std::to_string(n);
      if (precision == QDCNN_PRECISION_COMPLEX64) {
        benchmark::RegisterBenchmark(sweep.c_str(), [=](benchmark::State& s) { in_place_sweep<float>(s, n); })
            ->MeasureProcessCPUTime()->UseRealTime()->Unit(benchmark::kMillisecond);
      } else {
        benchmark::RegisterBenchmark(sweep.c_str(), [=](benchmark::State& s) { in_place_sweep<double>(s, n); })
            ->MeasureProcessCPUTime()->UseRealTime()->Unit(benchmark::kMillisecond);
      }
    }
  }
}

}  // namespace qdcnn::bench
