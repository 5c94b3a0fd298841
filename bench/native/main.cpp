// qdcnn_bench: per-gate throughput, the qsim-format random circuit runner with an in-place
// sweep as bandwidth reference, and the batched layer forward/adjoint. Benchmarks depending on
// the CPU's kernels are registered at run time; select them with --benchmark_filter.
#include <benchmark/benchmark.h>

#include "bench_support.h"

int main(int argc, char** argv) {
  qdcnn::bench::register_gate_throughput_benchmarks();
  qdcnn::bench::register_random_circuit_benchmarks();
  qdcnn::bench::register_batched_layer_benchmarks();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
