#pragma once
// Outputs as real-weighted sums of Pauli strings.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace qdcnn {

// coefficient * P with P|i> = i^{n_y} (-1)^{popcount(i & phase_mask)} |i ^ flip_mask>
// (flip_mask = X and Y qubits, phase_mask = Y and Z qubits).
struct PauliTerm {
  double coefficient = 0.0;
  uint64_t flip_mask = 0;
  uint64_t phase_mask = 0;
  int n_y = 0;

  bool diagonal() const { return flip_mask == 0; }
};

class Observable {
 public:
  explicit Observable(int n_qubits) : n_qubits_(n_qubits) {}
  int n_qubits() const { return n_qubits_; }
  int32_t n_outputs() const { return static_cast<int32_t>(outputs_.size()); }
  const std::vector<std::vector<PauliTerm>>& outputs() const { return outputs_; }

  void add_z(int qubit);
  // Precondition: output <= n_outputs() (equal appends a new output).
  void add_term(int32_t output, const PauliTerm& term);

 private:
  int n_qubits_;
  std::vector<std::vector<PauliTerm>> outputs_;
};

}  // namespace qdcnn
