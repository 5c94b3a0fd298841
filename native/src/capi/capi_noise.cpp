// Noise entry points: the noise-model handle and the noisy batched forward pass.
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "capi/handles.h"
#include "capi/status.h"
#include "capi/validate.h"
#include "noise/channel.h"
#include "noise/noise_model.h"
#include "noise/noisy_forward.h"

using namespace qdcnn;
using namespace qdcnn::capi;

struct qdcnn_noise_model {
  qdcnn::noise::NoiseModel model;
  qdcnn::capi::LiveHandle live;
};

namespace {

void require_one_qubit_channel(const noise::KrausChannel& channel, const std::string& where) {
  if (channel.n_qubits != 1) {
    throw Error(QDCNN_ERROR_INVALID_ARGUMENT,
                "channel = QDCNN_NOISE_DEPOLARIZING2 acts on two qubits and cannot be attached " +
                    where);
  }
}

void require_qubit_index(int32_t qubit) {
  if (qubit < 0 || qubit >= QDCNN_MAX_QUBITS) {
    throw Error(QDCNN_ERROR_OUT_OF_RANGE, "qubit = " + std::to_string(qubit) + " must be in 0.." +
                                              std::to_string(QDCNN_MAX_QUBITS - 1));
  }
}


void forward_noisy_impl(qdcnn_simulator* simulator, const qdcnn_circuit* circuit,
                        const qdcnn_observable* observable, const qdcnn_noise_model* noise_model,
                        const noise::NoisyOptions& options, const double* params,
                        size_t params_length, const double* inputs, size_t inputs_length,
                        size_t batch, double* outputs, size_t outputs_length) {
  require_non_null(simulator, "simulator");
  require_non_null(circuit, "circuit");
  require_non_null(observable, "observable");
  UseGuard guard(simulator->in_use, "simulator");
  const Circuit& c = circuit->circuit;
  const Observable& o = observable->observable;
  if (o.n_qubits() != c.n_qubits()) {
    throw Error(QDCNN_ERROR_INVALID_ARGUMENT, "observable has " + std::to_string(o.n_qubits()) +
                                                  " qubits but the circuit has " +
                                                  std::to_string(c.n_qubits()));
  }
  const noise::NoiseModel* model = noise_model ? &noise_model->model : nullptr;
  noise::check_noisy_call(c, model, options);
  const uint64_t n_out = require_batch_inputs(c.n_params(), c.n_inputs(), o.n_outputs(), params,
                                              params_length, inputs, inputs_length, batch)
                             .outputs;
  require_buffer(outputs, outputs_length, n_out, "outputs", "outputs_length");
  if (batch == 0) return;
  std::vector<double> out(n_out);
  const double* x = inputs_length ? inputs : nullptr;
  if (simulator->f32) {
    noise::noisy_forward(*simulator->f32, c, o, model, options, params, x, batch, out.data());
  } else {
    noise::noisy_forward(*simulator->f64, c, o, model, options, params, x, batch, out.data());
  }
  std::copy(out.begin(), out.end(), outputs);
}

}  // namespace

extern "C" {

QDCNN_API qdcnn_status qdcnn_noise_model_create(qdcnn_noise_model** model) {
  return guarded(__func__, [&] {
    require_non_null(model, "model");
    *model = new qdcnn_noise_model();
  });
}

QDCNN_API qdcnn_status qdcnn_noise_model_destroy(qdcnn_noise_model* model) {
  return guarded(__func__, [&] { delete model; });
}

QDCNN_API qdcnn_status qdcnn_noise_model_add_gate_noise(qdcnn_noise_model* model, int32_t gate,
                                                        int32_t channel, double probability) {
  return guarded(__func__, [&] {
    require_non_null(model, "model");
    const GateInfo* info = find_gate(gate);
    if (!info) {
      throw Error(QDCNN_ERROR_UNKNOWN_GATE,
                  "gate = " + std::to_string(gate) + " is not a qdcnn_gate");
    }
    noise::KrausChannel ch = noise::make_channel(channel, probability, "channel", "probability");
    if (ch.n_qubits > info->n_qubits) {
      require_one_qubit_channel(ch, std::string("after the one-qubit gate ") + info->name);
    }
    model->model.add_gate_kind_noise(gate, std::move(ch));
  });
}

QDCNN_API qdcnn_status qdcnn_noise_model_add_arity_noise(qdcnn_noise_model* model,
                                                         int32_t gate_qubits, int32_t channel,
                                                         double probability) {
  return guarded(__func__, [&] {
    require_non_null(model, "model");
    if (gate_qubits < 0 || gate_qubits > 2) {
      throw Error(QDCNN_ERROR_OUT_OF_RANGE, "gate_qubits = " + std::to_string(gate_qubits) +
                                                " must be 0 (every gate), 1 or 2");
    }
    noise::KrausChannel ch = noise::make_channel(channel, probability, "channel", "probability");
    if (ch.n_qubits == 2 && gate_qubits != 2) {
      require_one_qubit_channel(ch, "with gate_qubits = " + std::to_string(gate_qubits) +
                                        " (it needs gate_qubits = 2)");
    }
    model->model.add_arity_noise(gate_qubits, std::move(ch));
  });
}

QDCNN_API qdcnn_status qdcnn_noise_model_add_qubit_noise(qdcnn_noise_model* model, int32_t qubit,
                                                         int32_t channel, double probability) {
  return guarded(__func__, [&] {
    require_non_null(model, "model");
    require_qubit_index(qubit);
    noise::KrausChannel ch = noise::make_channel(channel, probability, "channel", "probability");
    require_one_qubit_channel(ch, "to a single qubit");
    model->model.add_qubit_noise(qubit, std::move(ch));
  });
}

QDCNN_API qdcnn_status qdcnn_noise_model_set_readout_error(qdcnn_noise_model* model,
                                                           int32_t qubit, double p1_given_0,
                                                           double p0_given_1) {
  return guarded(__func__, [&] {
    require_non_null(model, "model");
    require_qubit_index(qubit);
    noise::require_probability(p1_given_0, "p1_given_0");
    noise::require_probability(p0_given_1, "p0_given_1");
    model->model.set_readout_error(qubit, {p1_given_0, p0_given_1});
  });
}

QDCNN_API qdcnn_status qdcnn_noise_model_set_default_readout_error(qdcnn_noise_model* model,
                                                                   double p1_given_0,
                                                                   double p0_given_1) {
  return guarded(__func__, [&] {
    require_non_null(model, "model");
    noise::require_probability(p1_given_0, "p1_given_0");
    noise::require_probability(p0_given_1, "p0_given_1");
    model->model.set_default_readout_error({p1_given_0, p0_given_1});
  });
}

QDCNN_API qdcnn_status qdcnn_noise_model_count(const qdcnn_noise_model* model, int64_t* n_rules) {
  return guarded(__func__, [&] {
    require_non_null(model, "model");
    require_non_null(n_rules, "n_rules");
    *n_rules = static_cast<int64_t>(model->model.rules().size());
  });
}

QDCNN_API qdcnn_status qdcnn_simulator_forward_noisy(
    qdcnn_simulator* simulator, const qdcnn_circuit* circuit, const qdcnn_observable* observable,
    const qdcnn_noise_model* noise, int32_t method, uint64_t trajectories, uint64_t shots,
    uint64_t seed, const double* params, size_t params_length, const double* inputs,
    size_t inputs_length, size_t batch, double* outputs, size_t outputs_length) {
  return guarded(__func__, [&] {
    noise::NoisyOptions options;
    options.method = method;
    options.trajectories = trajectories;
    options.shots = shots;
    options.seed = seed;
    forward_noisy_impl(simulator, circuit, observable, noise, options, params, params_length,
                       inputs, inputs_length, batch, outputs, outputs_length);
  });
}

}  // extern "C"
