#pragma once
// A circuit: qubit count, gate list with angle bindings, initial-state rule, parameter and input
// counts (declared, or inferred from the largest index used).
#include <cstdint>
#include <vector>

#include "core/gates.h"

namespace qdcnn {

struct AngleBinding {
  int32_t source = QDCNN_ANGLE_CONSTANT;  // qdcnn_angle_source
  int32_t index = 0;
  double scale = 1.0;
  double offset = 0.0;

  // Precondition: params / inputs hold the indices used.
  double value(const double* params, const double* inputs) const {
    switch (source) {
      case QDCNN_ANGLE_PARAMETER: return scale * params[index] + offset;
      case QDCNN_ANGLE_INPUT: return scale * inputs[index] + offset;
      default: return offset;
    }
  }
};

struct Operation {
  int32_t gate = QDCNN_GATE_I;
  int n_qubits = 1;
  int32_t qubits[2] = {0, 0};  // gate order (control first)
  int n_angles = 0;
  AngleBinding angles[3];
  std::vector<cdouble> matrix;  // UNITARY1/UNITARY2 only

  bool depends_on_inputs() const {
    for (int a = 0; a < n_angles; ++a) {
      if (angles[a].source == QDCNN_ANGLE_INPUT) return true;
    }
    return false;
  }
  // Matrix in gate-qubit order. Preconditions as AngleBinding::value.
  void matrix_into(const double* params, const double* inputs, cdouble* out) const;
};

enum class InitialState { kZero, kBasis, kAmplitudes };

class Circuit {
 public:
  explicit Circuit(int n_qubits) : n_qubits_(n_qubits) {}

  int n_qubits() const { return n_qubits_; }
  const std::vector<Operation>& operations() const { return ops_; }
  // Preconditions (checked by the C ABI): qubits in range and distinct, indices >= 0, finite.
  void add(const Operation& op);

  InitialState initial_state() const { return initial_; }
  uint64_t initial_basis() const { return basis_; }
  int32_t amplitude_offset() const { return amp_offset_; }
  int32_t amplitude_length() const { return amp_length_; }
  void set_initial_basis(uint64_t index);
  void set_initial_amplitudes(int32_t offset, int32_t length);

  void declare(int32_t n_params, int32_t n_inputs);
  int32_t n_params() const;
  int32_t n_inputs() const;

 private:
  int n_qubits_;
  std::vector<Operation> ops_;
  InitialState initial_ = InitialState::kZero;
  uint64_t basis_ = 0;
  int32_t amp_offset_ = 0, amp_length_ = 0;
  int32_t declared_params_ = 0, declared_inputs_ = 0;
  int32_t used_params_ = 0, used_inputs_ = 0;
};

}  // namespace qdcnn
