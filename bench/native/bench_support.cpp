#include "bench_support.h"

#include <cstdio>
#include <random>

namespace qdcnn::bench {
namespace {
constexpr int32_t kMaxSpreadQubits = 20;
}  // namespace

void check(qdcnn_status status, const char* what) {
  if (status == QDCNN_OK) return;
  const char* name = "?";
  const char* message = "";
  qdcnn_status_name(status, &name);
  qdcnn_error_message(&message);
  throw BenchError(std::string(what) + ": " + name + ": " + message);
}

Circuit make_circuit(int32_t n_qubits) {
  qdcnn_circuit* circuit = nullptr;
  check(qdcnn_circuit_create(n_qubits, &circuit), "qdcnn_circuit_create");
  return Circuit(circuit);
}

State make_state(int32_t n_qubits, int32_t precision) {
  qdcnn_state* state = nullptr;
  check(qdcnn_state_create(n_qubits, precision, &state), "qdcnn_state_create");
  return State(state);
}

Simulator make_simulator(int32_t precision, int32_t kernel, int32_t threads, int32_t fusion) {
  qdcnn_simulator* simulator = nullptr;
  check(qdcnn_simulator_create(precision, &simulator), "qdcnn_simulator_create");
  Simulator owned(simulator);
  check(qdcnn_simulator_set_kernel(simulator, kernel), "qdcnn_simulator_set_kernel");
  check(qdcnn_simulator_set_threads(simulator, threads), "qdcnn_simulator_set_threads");
  check(qdcnn_simulator_set_fusion(simulator, fusion), "qdcnn_simulator_set_fusion");
  return owned;
}

State make_spread_state(qdcnn_simulator* simulator, int32_t n_qubits, int32_t precision) {
  State state = make_state(n_qubits, precision);
  // Large states stay |0...0>: amplitude values do not change the speed of a memory-bound
  // pass, and n passes over gigabytes would cost minutes of setup per benchmark run.
  if (n_qubits > kMaxSpreadQubits) return state;
  Circuit hadamards = make_circuit(n_qubits);
  for (int32_t q = 0; q < n_qubits; ++q) add_constant_gate(hadamards.get(), QDCNN_GATE_H, {q}, {});
  check(qdcnn_simulator_run(simulator, hadamards.get(), nullptr, 0, nullptr, 0, state.get()),
        "qdcnn_simulator_run (H layer)");
  return state;
}

void add_constant_gate(qdcnn_circuit* circuit, int32_t gate, const std::vector<int32_t>& qubits,
                       const std::vector<double>& angles) {
  const std::vector<int32_t> sources(angles.size(), QDCNN_ANGLE_CONSTANT);
  const std::vector<int32_t> indices(angles.size(), 0);
  const std::vector<double> scales(angles.size(), 1.0);
  check(qdcnn_circuit_add_gate(circuit, gate, qubits.data(), qubits.size(), sources.data(),
                               indices.data(), scales.data(), angles.data(), angles.size()),
        "qdcnn_circuit_add_gate");
}

std::vector<int32_t> available_kernels() {
  std::vector<int32_t> kernels;
  for (int32_t kernel : {QDCNN_KERNEL_SCALAR, QDCNN_KERNEL_AVX2, QDCNN_KERNEL_AVX512}) {
    int32_t available = 0;
    if (qdcnn_kernel_available(kernel, &available) == QDCNN_OK && available != 0) {
      kernels.push_back(kernel);
    }
  }
  return kernels;
}

const char* kernel_name(int32_t kernel) {
  switch (kernel) {
    case QDCNN_KERNEL_SCALAR: return "scalar";
    case QDCNN_KERNEL_AVX2: return "avx2";
    case QDCNN_KERNEL_AVX512: return "avx512";
    default: return "auto";
  }
}

const char* precision_name(int32_t precision) {
  return precision == QDCNN_PRECISION_COMPLEX64 ? "c64" : "c128";
}

size_t amplitude_bytes(int32_t precision) {
  return precision == QDCNN_PRECISION_COMPLEX64 ? 8 : 16;
}

std::string random_qsim_circuit(int n_qubits, int cycles, uint64_t seed, int64_t* n_gates) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> angle(-3.141592653589793, 3.141592653589793);
  const char* const rotations[] = {"rx", "ry", "rz"};
  std::string text = std::to_string(n_qubits) + "\n";
  int64_t gates = 0;
  char line[96];
  for (int cycle = 0; cycle < cycles; ++cycle) {
    const int time = 2 * cycle;
    for (int q = 0; q < n_qubits; ++q) {
      std::snprintf(line, sizeof line, "%d %s %d %.17g\n", time, rotations[rng() % 3], q, angle(rng));
      text += line;
      ++gates;
    }
    for (int q = cycle % 2; q + 1 < n_qubits; q += 2) {
      std::snprintf(line, sizeof line, "%d cz %d %d\n", time + 1, q, q + 1);
      text += line;
      ++gates;
    }
  }
  if (n_gates != nullptr) *n_gates = gates;
  return text;
}

}  // namespace qdcnn::bench
