#include "algorithms/adjoint.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "algorithms/adjoint_lanes.h"
#include "core/bits.h"
#include "core/fusion.h"
#include "core/measurement.h"

namespace qdcnn {
namespace {

// A non-constant angle of an operation and where its gradient goes.
struct DiffAngle {
  int angle;
  AngleBinding binding;
};

template <typename T>
struct AdjointOp {
  Step<T> step;                              // unfused, sorted qubits
  std::vector<std::complex<T>> adjoint;      // U^dagger when it does not depend on inputs
  std::vector<DiffAngle> diffs;
  std::vector<std::vector<std::complex<T>>> derivs;  // sorted dU/dtheta, when input-free
};

template <typename T>
void conjugate_transpose(const std::complex<T>* m, int dim, std::complex<T>* out) {
  for (int r = 0; r < dim; ++r) {
    for (int c = 0; c < dim; ++c) out[c * dim + r] = std::conj(m[r * dim + c]);
  }
}

void sorted_derivative(const Operation& op, const double* params, const double* inputs,
                       int which, cdouble* out) {
  double a[3];
  for (int i = 0; i < op.n_angles; ++i) a[i] = op.angles[i].value(params, inputs);
  cdouble d[16];
  gate_matrix_derivative_into(op.gate, a, which, d);
  int sorted[2];
  sort_matrix_qubits(op.qubits, op.n_qubits, d, out, sorted);
}

}  // namespace

template <typename T>
void adjoint_backward(Simulator<T>& sim, const Circuit& circuit, const Observable& observable,
                      const double* params, const double* inputs, uint64_t batch,
                      const double* grad_outputs, double* grad_inputs, double* grad_params) {
  using Amp = std::complex<T>;
  const int n = circuit.n_qubits();
  if (sim.use_lanes(n, batch)) {
    lane_adjoint_backward(sim, circuit, observable, params, inputs, batch, grad_outputs,
                          grad_inputs, grad_params);
    return;
  }
  const uint64_t n_inputs = static_cast<uint64_t>(circuit.n_inputs());
  const size_t n_params = static_cast<size_t>(circuit.n_params());
  const uint64_t n_outputs = static_cast<uint64_t>(observable.n_outputs());
  const auto& ops = circuit.operations();

  // Compile: one step per operation, U^dagger and derivatives bound now unless input-dependent.
  const Program<T> program = compile_program<T>(circuit, params, 0);
  std::vector<AdjointOp<T>> aops(ops.size());
  for (size_t i = 0; i < ops.size(); ++i) {
    AdjointOp<T>& a = aops[i];
    a.step = program.steps[i];
    const int dim = a.step.dim();
    if (!a.step.per_sample) {
      a.adjoint.resize(static_cast<size_t>(dim * dim));
      conjugate_transpose(a.step.matrix.data(), dim, a.adjoint.data());
    }
    for (int j = 0; j < ops[i].n_angles; ++j) {
      if (ops[i].angles[j].source == QDCNN_ANGLE_CONSTANT) continue;
      a.diffs.push_back({j, ops[i].angles[j]});
      if (!a.step.per_sample) {
        cdouble d[16];
        sorted_derivative(ops[i], params, nullptr, j, d);
        a.derivs.emplace_back(d, d + dim * dim);
      }
    }
  }

  std::vector<double> g_inputs(grad_inputs ? batch * n_inputs : 0, 0.0);
  const bool batch_parallel = sim.parallel_over_batch(n, batch);
  const int threads = batch_parallel ? sim.pool().threads() : 1;
  for (int t = 0; t < threads; ++t) {
    auto& s = sim.scratch(t, n, true);
    s.grad_params.assign(n_params, 0.0);
  }

  auto run_samples = [&](uint64_t begin, uint64_t end, int thread) {
    auto& s = sim.scratch(thread, n, true);
    const bool parallel_gates = !batch_parallel;
    for (uint64_t b = begin; b < end; ++b) {
      const double* row = inputs ? inputs + b * n_inputs : nullptr;
      Amp* psi = s.psi->data();
      Amp* lambda = s.lambda->data();
      sim.prepare(circuit, row, b, psi);
      sim.apply_program(circuit, program, params, row, psi, n, s, parallel_gates);
      apply_weighted_observable(psi, observable, grad_outputs + b * n_outputs, lambda);
      double* gin = grad_inputs ? g_inputs.data() + b * n_inputs : nullptr;
      for (size_t i = ops.size(); i-- > 0;) {
        const AdjointOp<T>& a = aops[i];
        const int dim = a.step.dim();
        const Amp* adj = a.adjoint.data();
        if (a.step.per_sample) {
          step_matrix(circuit, a.step, params, row, s.matrix.data());
          conjugate_transpose(s.matrix.data(), dim, s.adjoint.data());
          adj = s.adjoint.data();
        }
        sim.apply_matrix(psi, n, a.step.qubits, a.step.k, adj, parallel_gates);
        for (size_t d = 0; d < a.diffs.size(); ++d) {
          const DiffAngle& diff = a.diffs[d];
          if (diff.binding.source == QDCNN_ANGLE_PARAMETER && !grad_params) continue;
          if (diff.binding.source == QDCNN_ANGLE_INPUT && !gin) continue;
          const Amp* dm;
          if (a.step.per_sample) {
            sorted_derivative(ops[i], params, row, diff.angle, s.matrix_f64.data());
            for (int e = 0; e < dim * dim; ++e) s.derivative[static_cast<size_t>(e)] = Amp(s.matrix_f64[static_cast<size_t>(e)]);
            dm = s.derivative.data();
          } else {
            dm = a.derivs[d].data();
          }
          const double re = sim.real_inner(lambda, psi, n, a.step.qubits, a.step.k, dm, parallel_gates);
          const double contribution = 2.0 * re * diff.binding.scale;
          if (diff.binding.source == QDCNN_ANGLE_PARAMETER) {
            s.grad_params[static_cast<size_t>(diff.binding.index)] += contribution;
          } else {
            gin[diff.binding.index] += contribution;
          }
        }
        sim.apply_matrix(lambda, n, a.step.qubits, a.step.k, adj, parallel_gates);
      }
      // Through the amplitude encoding psi0 = x / |x|: d/dx = (g - psi0 (psi0 . g)) / |x| with
      // g_i = 2 Re(lambda0_i) (psi0 is real).
      if (gin && circuit.initial_state() == InitialState::kAmplitudes) {
        const double* x = row + circuit.amplitude_offset();
        const int32_t length = circuit.amplitude_length();
        double norm2 = 0;
        for (int32_t i = 0; i < length; ++i) norm2 += x[i] * x[i];
        const double norm = std::sqrt(norm2);
        double dot = 0;
        for (int32_t i = 0; i < length; ++i) dot += (x[i] / norm) * 2.0 * double(lambda[i].real());
        for (int32_t i = 0; i < length; ++i) {
          const double g = 2.0 * double(lambda[i].real());
          gin[circuit.amplitude_offset() + i] += (g - (x[i] / norm) * dot) / norm;
        }
      }
    }
  };
  if (batch_parallel) {
    sim.pool().parallel_for(batch, 1, run_samples);
  } else {
    run_samples(0, batch, 0);
  }
  if (grad_params) {
    for (size_t p = 0; p < n_params; ++p) {
      double total = 0;
      for (int t = 0; t < threads; ++t) total += sim.scratch(t, n, true).grad_params[p];
      grad_params[p] = total;
    }
  }
  if (grad_inputs) std::copy(g_inputs.begin(), g_inputs.end(), grad_inputs);
}

#define QDCNN_INSTANTIATE(T)                                                          \
  template void adjoint_backward<T>(Simulator<T>&, const Circuit&, const Observable&, \
                                    const double*, const double*, uint64_t,           \
                                    const double*, double*, double*);
QDCNN_INSTANTIATE(float)
QDCNN_INSTANTIATE(double)
#undef QDCNN_INSTANTIATE

}  // namespace qdcnn
