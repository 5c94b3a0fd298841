#pragma once
// Shared helpers of the benchmarks: status checks, owning handles, names, circuit generators.
// Only the public C ABI (qdcnn/qdcnn.h) is used.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "qdcnn/qdcnn.h"

namespace qdcnn::bench {

// Thrown when a C ABI call fails; benchmarks turn it into SkipWithError.
class BenchError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws BenchError "<what>: <STATUS>: <last error message>" unless status is QDCNN_OK.
void check(qdcnn_status status, const char* what);

struct CircuitDeleter { void operator()(qdcnn_circuit* p) const { qdcnn_circuit_destroy(p); } };
struct StateDeleter { void operator()(qdcnn_state* p) const { qdcnn_state_destroy(p); } };
struct SimulatorDeleter { void operator()(qdcnn_simulator* p) const { qdcnn_simulator_destroy(p); } };
struct ObservableDeleter { void operator()(qdcnn_observable* p) const { qdcnn_observable_destroy(p); } };
using Circuit = std::unique_ptr<qdcnn_circuit, CircuitDeleter>;
using State = std::unique_ptr<qdcnn_state, StateDeleter>;
using Simulator = std::unique_ptr<qdcnn_simulator, SimulatorDeleter>;
using Observable = std::unique_ptr<qdcnn_observable, ObservableDeleter>;

Circuit make_circuit(int32_t n_qubits);
State make_state(int32_t n_qubits, int32_t precision);
Simulator make_simulator(int32_t precision, int32_t kernel, int32_t threads, int32_t fusion);

// A state of n qubits: H on every qubit of |0...0> (every amplitude non-zero) for n <= 20,
// |0...0> for larger n.
State make_spread_state(qdcnn_simulator* simulator, int32_t n_qubits, int32_t precision);

// Appends a gate whose angles are all constants.
void add_constant_gate(qdcnn_circuit* circuit, int32_t gate, const std::vector<int32_t>& qubits,
                       const std::vector<double>& angles);

// Kernels this CPU and build can run (never AUTO).
std::vector<int32_t> available_kernels();

const char* kernel_name(int32_t kernel);        // "scalar", "avx2", "avx512"
const char* precision_name(int32_t precision);  // "c64", "c128"
size_t amplitude_bytes(int32_t precision);      // 8 or 16

// qsim-format text of the benchmark's random circuit: `cycles` cycles, each a random rx, ry or
// rz (random angle) on every qubit, then cz on (0,1),(2,3),... in even cycles and
// (1,2),(3,4),... in odd cycles. Deterministic for a seed. *n_gates receives the gate count.
std::string random_qsim_circuit(int n_qubits, int cycles, uint64_t seed, int64_t* n_gates);

// Runs fn(state), turning a BenchError into state.SkipWithError.
template <typename Fn>
void guarded(benchmark::State& state, Fn&& fn) {
  try {
    fn(state);
  } catch (const BenchError& error) {
    state.SkipWithError(error.what());
  }
}

void register_gate_throughput_benchmarks();
void register_random_circuit_benchmarks();
void register_batched_layer_benchmarks();

}  // namespace qdcnn::bench
