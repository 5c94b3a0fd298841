#include "core/program.h"

#include "core/fusion.h"

namespace qdcnn {

template <typename T>
void step_matrix_f64(const Circuit& circuit, const Step<T>& step, const double* params,
                     const double* inputs, cdouble* out) {
  const auto& ops = circuit.operations();
  if (step.members.size() == 1) {
    const Operation& op = ops[static_cast<size_t>(step.members[0])];
    cdouble m[16];
    op.matrix_into(params, inputs, m);
    int sorted[2];
    sort_matrix_qubits(op.qubits, op.n_qubits, m, out, sorted);
    return;
  }
  const std::vector<int> qubits(step.qubits, step.qubits + step.k);
  product_matrix(
      circuit, step.members, qubits,
      [&](int index, cdouble* m) { ops[static_cast<size_t>(index)].matrix_into(params, inputs, m); },
      out);
}

template <typename T>
void step_matrix(const Circuit& circuit, const Step<T>& step, const double* params,
                 const double* inputs, std::complex<T>* out) {
  cdouble m[1 << (2 * QDCNN_MAX_FUSED_QUBITS)];
  step_matrix_f64(circuit, step, params, inputs, m);
  const int n = step.dim() * step.dim();
  for (int i = 0; i < n; ++i) {
    out[i] = std::complex<T>(static_cast<T>(m[i].real()), static_cast<T>(m[i].imag()));
  }
}

template <typename T>
Program<T> compile_program(const Circuit& circuit, const double* params, int max_fused_qubits) {
  Program<T> program;
  const auto& ops = circuit.operations();
  for (FusedGroup& group : fuse_operations(circuit, max_fused_qubits)) {
    Step<T> step;
    step.k = static_cast<int>(group.qubits.size());
    for (int j = 0; j < step.k; ++j) step.qubits[j] = group.qubits[static_cast<size_t>(j)];
    step.members = std::move(group.members);
    for (int index : step.members) {
      if (ops[static_cast<size_t>(index)].depends_on_inputs()) step.per_sample = true;
    }
    if (!step.per_sample) {
      step.matrix.resize(static_cast<size_t>(step.dim() * step.dim()));
      step_matrix(circuit, step, params, nullptr, step.matrix.data());
    }
    program.steps.push_back(std::move(step));
  }
  return program;
}

template Program<float> compile_program<float>(const Circuit&, const double*, int);
template Program<double> compile_program<double>(const Circuit&, const double*, int);
template void step_matrix<float>(const Circuit&, const Step<float>&, const double*, const double*,
                                 std::complex<float>*);
template void step_matrix<double>(const Circuit&, const Step<double>&, const double*,
                                  const double*, std::complex<double>*);
template void step_matrix_f64<float>(const Circuit&, const Step<float>&, const double*,
                                     const double*, cdouble*);
template void step_matrix_f64<double>(const Circuit&, const Step<double>&, const double*,
                                      const double*, cdouble*);

}  // namespace qdcnn
