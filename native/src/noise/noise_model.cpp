#include "noise/noise_model.h"

#include <algorithm>

namespace qdcnn::noise {

void NoiseModel::add_gate_kind_noise(int32_t gate, KrausChannel channel) {
  rules_.push_back({NoiseTarget::kGateKind, gate, std::move(channel)});
}

void NoiseModel::add_arity_noise(int32_t arity, KrausChannel channel) {
  rules_.push_back({NoiseTarget::kArity, arity, std::move(channel)});
}

void NoiseModel::add_qubit_noise(int32_t qubit, KrausChannel channel) {
  rules_.push_back({NoiseTarget::kQubit, qubit, std::move(channel)});
}

void NoiseModel::set_readout_error(int32_t qubit, ReadoutError error) {
  const size_t q = static_cast<size_t>(qubit);
  if (readout_.size() <= q) {
    readout_.resize(q + 1);
    readout_set_.resize(q + 1, false);
  }
  readout_[q] = error;
  readout_set_[q] = true;
}

int32_t NoiseModel::largest_qubit() const {
  int32_t largest = -1;
  for (const NoiseRule& r : rules_) {
    if (r.target == NoiseTarget::kQubit) largest = std::max(largest, r.value);
  }
  for (size_t q = 0; q < readout_set_.size(); ++q) {
    if (readout_set_[q]) largest = std::max(largest, static_cast<int32_t>(q));
  }
  return largest;
}

ReadoutError NoiseModel::readout(int32_t qubit) const {
  const size_t q = static_cast<size_t>(qubit);
  if (q < readout_set_.size() && readout_set_[q]) return readout_[q];
  return default_readout_;
}

std::vector<ReadoutError> NoiseModel::readout_errors(int n_qubits) const {
  std::vector<ReadoutError> errors(static_cast<size_t>(n_qubits));
  bool any = false;
  for (int q = 0; q < n_qubits; ++q) {
    errors[static_cast<size_t>(q)] = readout(q);
    any = any || errors[static_cast<size_t>(q)].any();
  }
  if (!any) errors.clear();
  return errors;
}

void NoiseModel::sites_after(const Operation& op, std::vector<ChannelSite>& out) const {
  for (const NoiseRule& r : rules_) {
    const KrausChannel* ch = &r.channel;
    bool on_gate_qubits = false;
    switch (r.target) {
      case NoiseTarget::kGateKind: on_gate_qubits = r.value == op.gate; break;
      case NoiseTarget::kArity: on_gate_qubits = r.value == 0 || r.value == op.n_qubits; break;
      case NoiseTarget::kQubit:
        for (int j = 0; j < op.n_qubits; ++j) {
          if (op.qubits[j] == r.value) out.push_back({ch, 1, {r.value, 0}});
        }
        break;
    }
    if (!on_gate_qubits) continue;
    if (ch->n_qubits == 2) {
      // Only reachable for 2-qubit gates (checked when the rule was added). Ascending order is
      // safe: every 2-qubit channel here is symmetric under exchanging its two qubits.
      out.push_back({ch, 2, {std::min(op.qubits[0], op.qubits[1]),
                             std::max(op.qubits[0], op.qubits[1])}});
    } else {
      for (int j = 0; j < op.n_qubits; ++j) out.push_back({ch, 1, {op.qubits[j], 0}});
    }
  }
}

}  // namespace qdcnn::noise
