// Per-gate throughput vs qubit count: BM_Gate/<gate>/<precision>/<kernel>/<n>.
// One iteration applies a circuit of the gate at low, middle and high qubit positions,
// repeated so that small registers run at least 2^18 amplitude updates per call. Reported:
// bytes_per_second = gates * 2 * state bytes (each gate reads and writes the state once),
// items_per_second = gates per second, and gates_per_call (time per gate = Time / gates_per_call).
#include <algorithm>
#include <cmath>
#include <complex>
#include <string>
#include <vector>

#include "bench_support.h"

namespace qdcnn::bench {
namespace {

struct BenchGate {
  int32_t gate;
  const char* name;
  int n_qubits;
  int n_angles;
};

constexpr BenchGate kGates[] = {
    {QDCNN_GATE_H, "h", 1, 0},          {QDCNN_GATE_X, "x", 1, 0},
    {QDCNN_GATE_Z, "z", 1, 0},          {QDCNN_GATE_T, "t", 1, 0},
    {QDCNN_GATE_RX, "rx", 1, 1},        {QDCNN_GATE_RY, "ry", 1, 1},
    {QDCNN_GATE_RZ, "rz", 1, 1},        {QDCNN_GATE_U3, "u3", 1, 3},
    {QDCNN_GATE_UNITARY1, "unitary1", 1, 0},
    {QDCNN_GATE_CNOT, "cnot", 2, 0},    {QDCNN_GATE_CZ, "cz", 2, 0},
    {QDCNN_GATE_SWAP, "swap", 2, 0},    {QDCNN_GATE_CRY, "cry", 2, 1},
    {QDCNN_GATE_CPHASE, "cphase", 2, 1}, {QDCNN_GATE_RXX, "rxx", 2, 1},
    {QDCNN_GATE_RZZ, "rzz", 2, 1},      {QDCNN_GATE_UNITARY2, "unitary2", 2, 0},
};

constexpr int kQubitCounts[] = {4, 8, 12, 16, 20, 24, 26, 28};

// Low, middle and high positions (distinct qubit sets only).
std::vector<std::vector<int32_t>> positions(int n, int arity) {
  std::vector<std::vector<int32_t>> result;
  const int32_t mid = n / 2, high = n - 1;
  if (arity == 1) {
    for (int32_t q : {0, 1, mid, high}) {
      if (std::find(result.begin(), result.end(), std::vector<int32_t>{q}) == result.end()) {
        result.push_back({q});
      }
    }
  } else {
    const std::vector<std::vector<int32_t>> pairs = {{0, 1}, {high, 0}, {mid, high}, {1, mid}};
    for (const auto& pair : pairs) {
      if (pair[0] != pair[1]) result.push_back(pair);
    }
  }
  return result;
}

// A unitary built from cos/sin of a fixed angle: [[c, -s e^{i a}], [s e^{i b}, c e^{i(a+b)}]]
// for one qubit; the Kronecker product of two such for two qubits (a dense 4x4).
std::vector<double> dense_unitary(int arity) {
  const double c = std::cos(0.37), s = std::sin(0.37), a = 0.5, b = -1.1;
  const std::vector<std::complex<double>> u = {
      c, -s * std::polar(1.0, a), s * std::polar(1.0, b), c * std::polar(1.0, a + b)};
  std::vector<std::complex<double>> m = u;
  if (arity == 2) {
    m.assign(16, 0.0);
    for (int r = 0; r < 4; ++r)
      for (int col = 0; col < 4; ++col)
        m[r * 4 + col] = u[(r & 1) * 2 + (col & 1)] * u[(r >> 1) * 2 + (col >> 1)];
  }
  std::vector<double> interleaved;
  for (const auto& x : m) {
    interleaved.push_back(x.real());
    interleaved.push_back(x.imag());
  }
  return interleaved;
}

void gate_throughput(benchmark::State& state, BenchGate gate, int32_t precision, int32_t kernel,
                     int n) {
  Simulator simulator = make_simulator(precision, kernel, 1, 0);
  State vector = make_spread_state(simulator.get(), n, precision);
  Circuit circuit = make_circuit(n);
  const auto places = positions(n, gate.n_qubits);
  const int64_t repetitions = std::max<int64_t>(1, (int64_t{1} << 18) >> n);
  const std::vector<double> angles(gate.n_angles, 0.4321);
  const std::vector<double> unitary = dense_unitary(gate.n_qubits);
  for (int64_t r = 0; r < repetitions; ++r) {
    for (const auto& qubits : places) {
      if (gate.gate == QDCNN_GATE_UNITARY1 || gate.gate == QDCNN_GATE_UNITARY2) {
        check(qdcnn_circuit_add_unitary(circuit.get(), qubits.data(), qubits.size(),
                                        unitary.data(), unitary.size()),
              "qdcnn_circuit_add_unitary");
      } else {
        add_constant_gate(circuit.get(), gate.gate, qubits, angles);
      }
    }
  }
  const int64_t gates_per_call = repetitions * static_cast<int64_t>(places.size());
  // Warm-up: first touch and kernel dispatch outside the timing.
  check(qdcnn_simulator_apply(simulator.get(), circuit.get(), nullptr, 0, nullptr, 0, vector.get()),
        "qdcnn_simulator_apply");
  for (auto _ : state) {
    check(qdcnn_simulator_apply(simulator.get(), circuit.get(), nullptr, 0, nullptr, 0,
                                vector.get()),
          "qdcnn_simulator_apply");
  }
  const double state_bytes = std::ldexp(static_cast<double>(amplitude_bytes(precision)), n);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * gates_per_call * 2 * state_bytes));
  state.SetItemsProcessed(state.iterations() * gates_per_call);  // gates per second
  state.counters["gates_per_call"] = static_cast<double>(gates_per_call);
}

}  // namespace

void register_gate_throughput_benchmarks() {
  for (const BenchGate& gate : kGates) {
    for (int32_t precision : {QDCNN_PRECISION_COMPLEX64, QDCNN_PRECISION_COMPLEX128}) {
      for (int32_t kernel : available_kernels()) {
        for (int n : kQubitCounts) {
          const std::string name = std::string("BM_Gate/") + gate.name + "/" +
                                   precision_name(precision) + "/" + kernel_name(kernel) + "/" +
                                   std::to_string(n);
          benchmark::RegisterBenchmark(name.c_str(),
                                       [=](benchmark::State& s) {
                                         guarded(s, [&](benchmark::State& st) {
                                           gate_throughput(st, gate, precision, kernel, n);
                                         });
                                       })
              ->MeasureProcessCPUTime()->UseRealTime()
              ->Unit(benchmark::kMicrosecond);
        }
      }
    }
  }
}

}  // namespace qdcnn::bench
