#include "core/circuit.h"

#include <algorithm>

namespace qdcnn {

void Operation::matrix_into(const double* params, const double* inputs, cdouble* out) const {
  if (gate == QDCNN_GATE_UNITARY1 || gate == QDCNN_GATE_UNITARY2) {
    std::copy(matrix.begin(), matrix.end(), out);
    return;
  }
  double a[3];
  for (int i = 0; i < n_angles; ++i) a[i] = angles[i].value(params, inputs);
  gate_matrix_into(gate, a, out);
}

void Circuit::add(const Operation& op) {
  for (int a = 0; a < op.n_angles; ++a) {
    const AngleBinding& b = op.angles[a];
    if (b.source == QDCNN_ANGLE_PARAMETER) used_params_ = std::max(used_params_, b.index + 1);
    if (b.source == QDCNN_ANGLE_INPUT) used_inputs_ = std::max(used_inputs_, b.index + 1);
  }
  ops_.push_back(op);
}

void Circuit::set_initial_basis(uint64_t index) {
  initial_ = InitialState::kBasis;
  basis_ = index;
}

void Circuit::set_initial_amplitudes(int32_t offset, int32_t length) {
  initial_ = InitialState::kAmplitudes;
  amp_offset_ = offset;
  amp_length_ = length;
}

void Circuit::declare(int32_t n_params, int32_t n_inputs) {
  declared_params_ = std::max(declared_params_, n_params);
  declared_inputs_ = std::max(declared_inputs_, n_inputs);
}

int32_t Circuit::n_params() const { return std::max(declared_params_, used_params_); }

int32_t Circuit::n_inputs() const {
  int32_t n = std::max(declared_inputs_, used_inputs_);
  if (initial_ == InitialState::kAmplitudes) n = std::max(n, amp_offset_ + amp_length_);
  return n;
}

}  // namespace qdcnn
