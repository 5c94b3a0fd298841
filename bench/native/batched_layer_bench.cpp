// The batched quantum layer of issue 7 (target 2): n qubits, B samples, RY input encoding,
// then depth 4 of (RY(parameter) on every qubit, CNOT chain 0->1->...->n-1), <Z> on every qubit.
// - BM_BatchedForward/<precision>/n<n>/B<B>/threads<T>: qdcnn_simulator_forward.
// - BM_BatchedForwardAdjoint/...: forward, then qdcnn_simulator_backward (dL/dinputs and
//   dL/dparams) for a fixed upstream gradient.
#include <random>
#include <string>
#include <vector>

#include "bench_support.h"

namespace qdcnn::bench {
namespace {

constexpr int kDepth = 4;
constexpr int kBatch = 1024;

Circuit layer_circuit(int n) {
  Circuit circuit = make_circuit(n);
  const int32_t input = QDCNN_ANGLE_INPUT, parameter = QDCNN_ANGLE_PARAMETER;
  const double scale = 1.0, offset = 0.0;
  for (int32_t q = 0; q < n; ++q) {
    check(qdcnn_circuit_add_gate(circuit.get(), QDCNN_GATE_RY, &q, 1, &input, &q, &scale, &offset, 1),
          "qdcnn_circuit_add_gate (encoding)");
  }
  for (int layer = 0; layer < kDepth; ++layer) {
    for (int32_t q = 0; q < n; ++q) {
      const int32_t index = layer * n + q;
      check(qdcnn_circuit_add_gate(circuit.get(), QDCNN_GATE_RY, &q, 1, &parameter, &index, &scale,
                                   &offset, 1),
            "qdcnn_circuit_add_gate (RY)");
    }
    for (int32_t q = 0; q + 1 < n; ++q) {
      add_constant_gate(circuit.get(), QDCNN_GATE_CNOT, {q, q + 1}, {});
    }
  }
  return circuit;
}

Observable z_on_every_qubit(int n) {
  qdcnn_observable* raw = nullptr;
  check(qdcnn_observable_create(n, &raw), "qdcnn_observable_create");
  Observable observable(raw);
  for (int32_t q = 0; q < n; ++q) check(qdcnn_observable_add_z(raw, q), "qdcnn_observable_add_z");
  return observable;
}

std::vector<double> uniform(size_t count, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> distribution(-3.14, 3.14);
  std::vector<double> values(count);
  for (double& v : values) v = distribution(rng);
  return values;
}

void batched_layer(benchmark::State& state, int32_t precision, int n, int32_t threads,
                   bool with_adjoint) {
  Circuit circuit = layer_circuit(n);
  Observable observable = z_on_every_qubit(n);
  Simulator simulator = make_simulator(precision, QDCNN_KERNEL_AUTO, threads, 0);
  const std::vector<double> params = uniform(static_cast<size_t>(kDepth) * n, 1);
  const std::vector<double> inputs = uniform(static_cast<size_t>(kBatch) * n, 2);
  const std::vector<double> grad_outputs = uniform(static_cast<size_t>(kBatch) * n, 3);
  std::vector<double> outputs(static_cast<size_t>(kBatch) * n);
  std::vector<double> grad_inputs(inputs.size());
  std::vector<double> grad_params(params.size());
  for (auto _ : state) {
    check(qdcnn_simulator_forward(simulator.get(), circuit.get(), observable.get(), params.data(),
                                  params.size(), inputs.data(), inputs.size(), kBatch,
                                  outputs.data(), outputs.size()),
          "qdcnn_simulator_forward");
    if (with_adjoint) {
      check(qdcnn_simulator_backward(simulator.get(), circuit.get(), observable.get(),
                                     params.data(), params.size(), inputs.data(), inputs.size(),
                                     kBatch, grad_outputs.data(), grad_outputs.size(),
                                     grad_inputs.data(), grad_inputs.size(), grad_params.data(),
                                     grad_params.size()),
            "qdcnn_simulator_backward");
    }
    benchmark::DoNotOptimize(outputs.data());
    benchmark::DoNotOptimize(grad_params.data());
  }
  state.SetItemsProcessed(state.iterations() * kBatch);  // samples per second
}

}  // namespace

void register_batched_layer_benchmarks() {
  for (bool with_adjoint : {false, true}) {
    for (int32_t precision : {QDCNN_PRECISION_COMPLEX128, QDCNN_PRECISION_COMPLEX64}) {
      for (int n : {10, 14}) {
        for (int32_t threads : {1, 2}) {
          const std::string name = std::string(with_adjoint ? "BM_BatchedForwardAdjoint/" : "BM_BatchedForward/") +
                                   precision_name(precision) + "/n" + std::to_string(n) + "/B" +
                                   std::to_string(kBatch) + "/threads" + std::to_string(threads);
          benchmark::RegisterBenchmark(name.c_str(),
                                       [=](benchmark::State& s) {
                                         guarded(s, [&](benchmark::State& st) {
                                           batched_layer(st, precision, n, threads, with_adjoint);
                                         });
                                       })
              ->MeasureProcessCPUTime()->UseRealTime()
              ->Unit(benchmark::kMillisecond);
        }
      }
    }
  }
}

}  // namespace qdcnn::bench
