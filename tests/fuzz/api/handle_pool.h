#pragma once
// The handles one API program has created, each with what the harness knows about it (a
// "mirror" of the library's state used to size buffers and to check invariants).
#include <cstdint>
#include <vector>

#include "api/program_reader.h"
#include "common/contract.h"
#include "qdcnn/qdcnn.h"

namespace qdcnn::fuzz {

// At most this many live handles of each kind per program.
constexpr size_t kMaxHandlesPerKind = 4;

struct CircuitMirror {
  qdcnn_circuit* handle = nullptr;
  int32_t n_qubits = 0;
  int64_t n_gates = 0;
  int64_t max_param_plus_1 = 0;  // largest PARAMETER index used + 1
  int64_t declared_params = 0;
  int64_t max_input_plus_1 = 0;  // largest INPUT index used + 1
  int64_t declared_inputs = 0;
  int64_t amplitude_end = 0;     // offset + length of the current amplitude rule, else 0
  bool tame = true;              // every angle scale/offset accepted was tame
  bool ever_amplitudes = false;  // an amplitude-encoding rule was ever set
  bool basis_zero = true;        // the initial basis state is |0...0>
  // The circuit certainly starts in |0...0> (what a QASM export can express).
  bool starts_in_zero() const { return basis_zero && !ever_amplitudes; }
};

struct ObservableMirror {
  qdcnn_observable* handle = nullptr;
  int32_t n_qubits = 0;
  std::vector<double> bounds;  // per output: sum of |coefficient|, a bound on |<output>|
};

struct StateMirror {
  qdcnn_state* handle = nullptr;
  int32_t n_qubits = 0;
  int32_t precision = 0;
};

struct SimulatorMirror {
  qdcnn_simulator* handle = nullptr;
  int32_t precision = 0;
};

struct HandlePool {
  std::vector<CircuitMirror> circuits;
  std::vector<ObservableMirror> observables;
  std::vector<StateMirror> states;
  std::vector<SimulatorMirror> simulators;

  // Picks an entry, or nullptr (1 time in size+1), which stands for passing a NULL handle.
  template <typename Mirror>
  static Mirror* pick(ProgramReader& reader, std::vector<Mirror>& entries) {
    const size_t k = reader.byte() % (entries.size() + 1);
    return k < entries.size() ? &entries[k] : nullptr;
  }

  // Picks an entry to remove; returns false if there is none.
  template <typename Mirror>
  static bool take(ProgramReader& reader, std::vector<Mirror>& entries, Mirror& taken) {
    if (entries.empty()) return false;
    const size_t k = reader.byte() % entries.size();
    taken = entries[k];
    entries.erase(entries.begin() + static_cast<std::ptrdiff_t>(k));
    return true;
  }

  void destroy_all() {
    for (auto& c : circuits) check_status(qdcnn_circuit_destroy(c.handle), "qdcnn_circuit_destroy");
    for (auto& o : observables) {
      check_status(qdcnn_observable_destroy(o.handle), "qdcnn_observable_destroy");
    }
    for (auto& s : states) check_status(qdcnn_state_destroy(s.handle), "qdcnn_state_destroy");
    for (auto& s : simulators) {
      check_status(qdcnn_simulator_destroy(s.handle), "qdcnn_simulator_destroy");
    }
    circuits.clear();
    observables.clear();
    states.clear();
    simulators.clear();
  }
};

// Handle of a possibly-NULL pick.
template <typename Mirror>
auto handle_of(Mirror* entry) -> decltype(entry->handle) {
  return entry ? entry->handle : nullptr;
}

// The sentinel an output handle holds before a create call: it must be untouched on failure.
template <typename Handle>
Handle* unwritten_handle() {
  return reinterpret_cast<Handle*>(uintptr_t{0x5e5e5e5e0});
}

}  // namespace qdcnn::fuzz
