#include "core/observable.h"

namespace qdcnn {

void Observable::add_z(int qubit) {
  PauliTerm t;
  t.coefficient = 1.0;
  t.phase_mask = uint64_t{1} << qubit;
  outputs_.push_back({t});
}

void Observable::add_term(int32_t output, const PauliTerm& term) {
  if (output == n_outputs()) outputs_.emplace_back();
  outputs_[static_cast<size_t>(output)].push_back(term);
}

}  // namespace qdcnn
