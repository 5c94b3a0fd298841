// Simulator entry points: settings, single-state runs, batched forward and adjoint backward.
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "algorithms/adjoint.h"
#include "capi/handles.h"
#include "capi/status.h"
#include "capi/validate.h"

using namespace qdcnn;
using namespace qdcnn::capi;

namespace {

// Calls f with the simulator of the handle's precision.
template <typename F>
void with_simulator(qdcnn_simulator* s, F&& f) {
  if (s->f32) {
    f(*s->f32);
  } else {
    f(*s->f64);
  }
}

void check_params_inputs(const Circuit& c, const double* params, size_t n_params,
                         const double* inputs, size_t n_inputs, const char* params_length_name,
                         const char* inputs_length_name) {
  require_buffer(params, n_params, static_cast<uint64_t>(c.n_params()), "params",
                 params_length_name);
  require_buffer(inputs, n_inputs, static_cast<uint64_t>(c.n_inputs()), "inputs",
                 inputs_length_name);
  require_all_finite(params, n_params, "params");
  require_all_finite(inputs, n_inputs, "inputs");
}

void check_qubits_match(int circuit_qubits, int other_qubits, const char* other) {
  if (circuit_qubits != other_qubits) {
    throw Error(QDCNN_ERROR_INVALID_ARGUMENT, std::string(other) + " has " +
                                                  std::to_string(other_qubits) +
                                                  " qubits but the circuit has " +
                                                  std::to_string(circuit_qubits));
  }
}

// Shared by run and apply.
void run_or_apply(qdcnn_simulator* simulator, const qdcnn_circuit* circuit, const double* params,
                  size_t n_params, const double* inputs, size_t n_inputs, qdcnn_state* state,
                  bool prepare) {
  require_non_null(simulator, "simulator");
  require_non_null(circuit, "circuit");
  require_non_null(state, "state");
  UseGuard sim_guard(simulator->in_use, "simulator");
  UseGuard state_guard(state->in_use, "state");
  const Circuit& c = circuit->circuit;
  check_qubits_match(c.n_qubits(), state->n_qubits(), "state");
  if (state->precision != simulator->precision) {
    throw Error(QDCNN_ERROR_INVALID_ARGUMENT, "state precision " +
                                                  std::to_string(state->precision) +
                                                  " differs from the simulator's " +
                                                  std::to_string(simulator->precision));
  }
  check_params_inputs(c, params, n_params, inputs, n_inputs, "n_params", "n_inputs");
  if (prepare && c.initial_state() == InitialState::kAmplitudes) {
    // Validate the zero norm before touching the state (outputs only change on success).
    double norm2 = 0;
    for (int32_t i = 0; i < c.amplitude_length(); ++i) {
      const double x = inputs[c.amplitude_offset() + i];
      norm2 += x * x;
    }
    if (!(norm2 > 0)) {
      throw Error(QDCNN_ERROR_ZERO_NORM, "inputs[" + std::to_string(c.amplitude_offset()) +
                                             ".." +
                                             std::to_string(c.amplitude_offset() +
                                                            c.amplitude_length()) +
                                             ") are all zeros and cannot be normalised");
    }
  }
  if (simulator->f32) {
    if (prepare) simulator->f32->run(c, params, inputs, *state->f32);
    else simulator->f32->apply(c, params, inputs, *state->f32);
  } else {
    if (prepare) simulator->f64->run(c, params, inputs, *state->f64);
    else simulator->f64->apply(c, params, inputs, *state->f64);
  }
}

void check_batch_call(const qdcnn_simulator* simulator, const qdcnn_circuit* circuit,
                      const qdcnn_observable* observable) {
  require_non_null(simulator, "simulator");
  require_non_null(circuit, "circuit");
  require_non_null(observable, "observable");
  check_qubits_match(circuit->circuit.n_qubits(), observable->observable.n_qubits(),
                     "observable");
}


void forward_impl(qdcnn_simulator* simulator, const qdcnn_circuit* circuit,
                  const qdcnn_observable* observable, const double* params, size_t params_length,
                  const double* inputs, size_t inputs_length, size_t batch, double* outputs,
                  size_t outputs_length) {
  check_batch_call(simulator, circuit, observable);
  UseGuard guard(simulator->in_use, "simulator");
  const Circuit& c = circuit->circuit;
  const Observable& o = observable->observable;
  const auto [n_in, n_out] = require_batch_inputs(c.n_params(), c.n_inputs(), o.n_outputs(), params,
                                                  params_length, inputs, inputs_length, batch);
  require_buffer(outputs, outputs_length, n_out, "outputs", "outputs_length");
  if (batch == 0) return;
  std::vector<double> out(n_out);
  with_simulator(simulator, [&](auto& sim) {
    sim.forward(c, o, params, inputs_length ? inputs : nullptr, batch, out.data());
  });
  if (n_out > 0) std::copy(out.begin(), out.end(), outputs);
}

void backward_impl(qdcnn_simulator* simulator, const qdcnn_circuit* circuit,
                   const qdcnn_observable* observable, const double* params, size_t params_length,
                   const double* inputs, size_t inputs_length, size_t batch,
                   const double* grad_outputs, size_t grad_outputs_length, double* grad_inputs,
                   size_t grad_inputs_length, double* grad_params, size_t grad_params_length) {
  check_batch_call(simulator, circuit, observable);
  UseGuard guard(simulator->in_use, "simulator");
  const Circuit& c = circuit->circuit;
  const Observable& o = observable->observable;
  const auto [n_in, n_out] = require_batch_inputs(c.n_params(), c.n_inputs(), o.n_outputs(), params,
                                                  params_length, inputs, inputs_length, batch);
  require_buffer(grad_outputs, grad_outputs_length, n_out, "grad_outputs", "grad_outputs_length");
  require_all_finite(grad_outputs, grad_outputs_length, "grad_outputs");
  if (grad_inputs || grad_inputs_length) {
    require_buffer(grad_inputs, grad_inputs_length, n_in, "grad_inputs", "grad_inputs_length");
  }
  if (grad_params || grad_params_length) {
    require_buffer(grad_params, grad_params_length, static_cast<uint64_t>(c.n_params()),
                   "grad_params", "grad_params_length");
  }
  if (batch == 0) {
    if (grad_params) std::fill(grad_params, grad_params + grad_params_length, 0.0);
    return;
  }
  std::vector<double> g_in(grad_inputs ? n_in : 0), g_par(grad_params ? grad_params_length : 0);
  with_simulator(simulator, [&](auto& sim) {
    adjoint_backward(sim, c, o, params, inputs_length ? inputs : nullptr, batch, grad_outputs,
                     grad_inputs ? g_in.data() : nullptr, grad_params ? g_par.data() : nullptr);
  });
  if (!g_in.empty()) std::copy(g_in.begin(), g_in.end(), grad_inputs);
  if (!g_par.empty()) std::copy(g_par.begin(), g_par.end(), grad_params);
}

std::vector<double> widen(const float* p, size_t n) {
  std::vector<double> out(n);
  for (size_t i = 0; i < n; ++i) out[i] = p[i];
  return out;
}

void narrow(const std::vector<double>& in, float* out) {
  for (size_t i = 0; i < in.size(); ++i) out[i] = static_cast<float>(in[i]);
}

}  // namespace

extern "C" {

QDCNN_API qdcnn_status qdcnn_simulator_create(int32_t precision, qdcnn_simulator** simulator) {
  return guarded(__func__, [&] {
    require_non_null(simulator, "simulator");
    require_precision(precision);
    auto handle = std::make_unique<qdcnn_simulator>();
    handle->precision = precision;
    if (precision == QDCNN_PRECISION_COMPLEX64) {
      handle->f32 = std::make_unique<Simulator<float>>();
    } else {
      handle->f64 = std::make_unique<Simulator<double>>();
    }
    *simulator = handle.release();
  });
}

QDCNN_API qdcnn_status qdcnn_simulator_destroy(qdcnn_simulator* simulator) {
  return guarded(__func__, [&] { delete simulator; });
}

QDCNN_API qdcnn_status qdcnn_simulator_set_kernel(qdcnn_simulator* simulator, int32_t kernel) {
  return guarded(__func__, [&] {
    require_non_null(simulator, "simulator");
    UseGuard guard(simulator->in_use, "simulator");
    if (kernel < QDCNN_KERNEL_AUTO || kernel > QDCNN_KERNEL_AVX512) {
      throw Error(QDCNN_ERROR_INVALID_ARGUMENT,
                  "kernel = " + std::to_string(kernel) + " is not a qdcnn_kernel");
    }
    with_simulator(simulator, [&](auto& sim) { sim.set_kernel(kernel); });
  });
}

QDCNN_API qdcnn_status qdcnn_simulator_get_kernel(const qdcnn_simulator* simulator,
                                                  int32_t* kernel) {
  return guarded(__func__, [&] {
    require_non_null(simulator, "simulator");
    require_non_null(kernel, "kernel");
    *kernel = simulator->f32 ? simulator->f32->kernel() : simulator->f64->kernel();
  });
}

QDCNN_API qdcnn_status qdcnn_simulator_set_threads(qdcnn_simulator* simulator, int32_t threads) {
  return guarded(__func__, [&] {
    require_non_null(simulator, "simulator");
    UseGuard guard(simulator->in_use, "simulator");
    if (threads < 0 || threads > 256) {
      throw Error(QDCNN_ERROR_OUT_OF_RANGE,
                  "threads = " + std::to_string(threads) + " must be in 0..256");
    }
    with_simulator(simulator, [&](auto& sim) { sim.set_threads(threads); });
  });
}

QDCNN_API qdcnn_status qdcnn_simulator_set_fusion(qdcnn_simulator* simulator,
                                                  int32_t max_fused_qubits) {
  return guarded(__func__, [&] {
    require_non_null(simulator, "simulator");
    UseGuard guard(simulator->in_use, "simulator");
    if (max_fused_qubits != 0 &&
        (max_fused_qubits < 2 || max_fused_qubits > QDCNN_MAX_FUSED_QUBITS)) {
      throw Error(QDCNN_ERROR_OUT_OF_RANGE, "max_fused_qubits = " +
                                                std::to_string(max_fused_qubits) +
                                                " must be 0 or in 2.." +
                                                std::to_string(QDCNN_MAX_FUSED_QUBITS));
    }
    with_simulator(simulator, [&](auto& sim) { sim.set_fusion(max_fused_qubits); });
  });
}

QDCNN_API qdcnn_status qdcnn_simulator_run(qdcnn_simulator* simulator,
                                           const qdcnn_circuit* circuit, const double* params,
                                           size_t n_params, const double* inputs, size_t n_inputs,
                                           qdcnn_state* state) {
  return guarded(__func__, [&] {
    run_or_apply(simulator, circuit, params, n_params, inputs, n_inputs, state, true);
  });
}

QDCNN_API qdcnn_status qdcnn_simulator_apply(qdcnn_simulator* simulator,
                                             const qdcnn_circuit* circuit, const double* params,
                                             size_t n_params, const double* inputs,
                                             size_t n_inputs, qdcnn_state* state) {
  return guarded(__func__, [&] {
    run_or_apply(simulator, circuit, params, n_params, inputs, n_inputs, state, false);
  });
}

QDCNN_API qdcnn_status qdcnn_simulator_forward(qdcnn_simulator* simulator,
                                               const qdcnn_circuit* circuit,
                                               const qdcnn_observable* observable,
                                               const double* params, size_t params_length,
                                               const double* inputs, size_t inputs_length,
                                               size_t batch, double* outputs,
                                               size_t outputs_length) {
  return guarded(__func__, [&] {
    forward_impl(simulator, circuit, observable, params, params_length, inputs, inputs_length,
                 batch, outputs, outputs_length);
  });
}

QDCNN_API qdcnn_status qdcnn_simulator_forward_f32(qdcnn_simulator* simulator,
                                                   const qdcnn_circuit* circuit,
                                                   const qdcnn_observable* observable,
                                                   const float* params, size_t params_length,
                                                   const float* inputs, size_t inputs_length,
                                                   size_t batch, float* outputs,
                                                   size_t outputs_length) {
  return guarded(__func__, [&] {
    if (params_length) require_non_null(params, "params");
    if (inputs_length) require_non_null(inputs, "inputs");
    if (outputs_length) require_non_null(outputs, "outputs");
    const std::vector<double> p = widen(params, params_length);
    const std::vector<double> x = widen(inputs, inputs_length);
    std::vector<double> out(outputs_length);
    forward_impl(simulator, circuit, observable, p.data(), params_length, x.data(), inputs_length,
                 batch, out.data(), outputs_length);
    narrow(out, outputs);
  });
}

QDCNN_API qdcnn_status qdcnn_simulator_backward(
    qdcnn_simulator* simulator, const qdcnn_circuit* circuit, const qdcnn_observable* observable,
    const double* params, size_t params_length, const double* inputs, size_t inputs_length,
    size_t batch, const double* grad_outputs, size_t grad_outputs_length, double* grad_inputs,
    size_t grad_inputs_length, double* grad_params, size_t grad_params_length) {
  return guarded(__func__, [&] {
    backward_impl(simulator, circuit, observable, params, params_length, inputs, inputs_length,
                  batch, grad_outputs, grad_outputs_length, grad_inputs, grad_inputs_length,
                  grad_params, grad_params_length);
  });
}

QDCNN_API qdcnn_status qdcnn_simulator_backward_f32(
    qdcnn_simulator* simulator, const qdcnn_circuit* circuit, const qdcnn_observable* observable,
    const float* params, size_t params_length, const float* inputs, size_t inputs_length,
    size_t batch, const float* grad_outputs, size_t grad_outputs_length, float* grad_inputs,
    size_t grad_inputs_length, float* grad_params, size_t grad_params_length) {
  return guarded(__func__, [&] {
    if (params_length) require_non_null(params, "params");
    if (inputs_length) require_non_null(inputs, "inputs");
    if (grad_outputs_length) require_non_null(grad_outputs, "grad_outputs");
    if (grad_inputs_length) require_non_null(grad_inputs, "grad_inputs");
    if (grad_params_length) require_non_null(grad_params, "grad_params");
    const std::vector<double> p = widen(params, params_length);
    const std::vector<double> x = widen(inputs, inputs_length);
    const std::vector<double> g = widen(grad_outputs, grad_outputs_length);
    std::vector<double> gi(grad_inputs_length), gp(grad_params_length);
    // A caller's non-NULL gradient buffer must stay non-NULL even when its length is 0: an empty
    // vector's data() may be NULL, and NULL with length 0 means "skip this gradient", which would
    // accept a wrong length 0 instead of rejecting it.
    double empty_slot = 0.0;
    auto widened_out = [&](const float* caller, std::vector<double>& v) -> double* {
      if (!caller) return nullptr;
      return v.empty() ? &empty_slot : v.data();
    };
    backward_impl(simulator, circuit, observable, p.data(), params_length, x.data(),
                  inputs_length, batch, g.data(), grad_outputs_length,
                  widened_out(grad_inputs, gi), grad_inputs_length,
                  widened_out(grad_params, gp), grad_params_length);
    if (grad_inputs) narrow(gi, grad_inputs);
    if (grad_params) narrow(gp, grad_params);
  });
}

}  // extern "C"
