#pragma once
// A noise model: channels attached after gates (by gate kind, by gate arity, or by qubit) and
// classical readout error per qubit. Read-only while circuits run.
#include <cstdint>
#include <vector>

#include "core/circuit.h"
#include "noise/channel.h"

namespace qdcnn::noise {

enum class NoiseTarget {
  kGateKind,  // after every gate of one qdcnn_gate kind, on its qubits
  kArity,     // after every gate acting on `value` qubits (0: every gate), on its qubits
  kQubit,     // after every gate that touches qubit `value`, on that qubit only
};

struct NoiseRule {
  NoiseTarget target;
  int32_t value;
  KrausChannel channel;
};

// Bit-flip probabilities of measuring qubit q: p(read 1 | true 0) and p(read 0 | true 1).
struct ReadoutError {
  double p1_given_0 = 0.0;
  double p0_given_1 = 0.0;
  bool any() const { return p1_given_0 != 0.0 || p0_given_1 != 0.0; }
};

// One channel application: a rule's channel on ascending qubits.
struct ChannelSite {
  const KrausChannel* channel;
  int k;
  int qubits[2];  // ascending
};

class NoiseModel {
 public:
  // Preconditions (checked by the C ABI): gate is a qdcnn_gate whose arity fits the channel;
  // arity in 0..2 and fits the channel; qubit >= 0; a 1-qubit channel for qubit rules.
  void add_gate_kind_noise(int32_t gate, KrausChannel channel);
  void add_arity_noise(int32_t arity, KrausChannel channel);
  void add_qubit_noise(int32_t qubit, KrausChannel channel);
  // Preconditions: probabilities in [0, 1]; qubit >= 0.
  void set_readout_error(int32_t qubit, ReadoutError error);
  void set_default_readout_error(ReadoutError error) { default_readout_ = error; }

  const std::vector<NoiseRule>& rules() const { return rules_; }
  // Largest qubit named by a qubit rule or a per-qubit readout error; -1 when none.
  int32_t largest_qubit() const;
  // Readout error of `qubit` (its own setting, else the default).
  ReadoutError readout(int32_t qubit) const;
  // Readout errors of qubits 0..n_qubits-1; empty when none of them has one.
  std::vector<ReadoutError> readout_errors(int n_qubits) const;

  // Appends the channels applied after `op`, in the order the rules were added.
  void sites_after(const Operation& op, std::vector<ChannelSite>& out) const;

 private:
  std::vector<NoiseRule> rules_;
  std::vector<ReadoutError> readout_;       // indexed by qubit
  std::vector<bool> readout_set_;           // whether readout_[q] was set explicitly
  ReadoutError default_readout_;
};

}  // namespace qdcnn::noise
