// API program operations for batched execution: forward and adjoint backward, in float64 and
// float32, with random batch sizes (including ones whose buffer sizes overflow size_t).
#include <cmath>

#include "api/circuit_shape.h"
#include "api/fuzz_buffer.h"
#include "api/fuzz_values.h"
#include "api/operations.h"
#include "common/contract.h"

namespace qdcnn::fuzz {
namespace {

// The handles and buffer widths one batched call is made of.
struct BatchCall {
  SimulatorMirror* simulator;
  CircuitMirror* circuit;
  ObservableMirror* observable;
  CircuitShape shape;
  uint64_t n_outputs;
  size_t batch;
  bool huge_batch;  // batch * width overflows or exceeds anything allocatable
};

BatchCall pick_batch_call(ProgramReader& reader, HandlePool& pool) {
  BatchCall call{};
  call.simulator = HandlePool::pick(reader, pool.simulators);
  call.circuit = HandlePool::pick(reader, pool.circuits);
  call.observable = HandlePool::pick(reader, pool.observables);
  call.shape = query_shape(call.circuit);
  call.n_outputs = call.observable ? call.observable->bounds.size() : 0;
  call.batch = batch_size(reader);
  // With no outputs a huge batch would be a valid (if pointless) request for 2^62 runs.
  if (call.batch > 4 && call.n_outputs == 0) call.batch %= 5;
  call.huge_batch = call.batch > 4;
  return call;
}

// Wrapping product: what a library that forgets overflow checks would compute.
uint64_t wrapping_product(size_t a, uint64_t b) { return static_cast<uint64_t>(a) * b; }

bool handles_valid(const BatchCall& c) {
  return c.simulator && c.circuit && c.observable && !c.huge_batch;
}

template <typename T>
T random_value(ProgramReader& reader) {
  const double value = reader.real();
  if constexpr (sizeof(T) == sizeof(float)) {
    // Out-of-range values become infinities explicitly (the conversion itself is undefined).
    if (std::isfinite(value) && std::fabs(value) > 3.4e38) return value > 0 ? INFINITY : -INFINITY;
  }
  return static_cast<T>(value);
}

template <typename T>
void forward(ProgramReader& reader, HandlePool& pool) {
  const BatchCall c = pick_batch_call(reader, pool);
  const uint64_t inputs_needed = wrapping_product(c.batch, c.shape.n_inputs);
  const uint64_t outputs_needed = wrapping_product(c.batch, c.n_outputs);
  auto params = make_buffer<T>(reader, c.shape.n_params, [&] { return random_value<T>(reader); });
  auto inputs = make_buffer<T>(reader, inputs_needed, [&] { return random_value<T>(reader); });
  auto outputs = make_buffer<T>(reader, outputs_needed, [] { return T(0); });
  const bool f32 = sizeof(T) == sizeof(float);
  const char* name = f32 ? "qdcnn_simulator_forward_f32" : "qdcnn_simulator_forward";
  qdcnn_status status;
  if constexpr (sizeof(T) == sizeof(float)) {
    status = qdcnn_simulator_forward_f32(handle_of(c.simulator), handle_of(c.circuit),
                                         handle_of(c.observable), params.data(), params.length,
                                         inputs.data(), inputs.length, c.batch, outputs.data(),
                                         outputs.length);
  } else {
    status = qdcnn_simulator_forward(handle_of(c.simulator), handle_of(c.circuit),
                                     handle_of(c.observable), params.data(), params.length,
                                     inputs.data(), inputs.length, c.batch, outputs.data(),
                                     outputs.length);
  }
  check_status(status, name);
  if (!handles_valid(c) || !fits(params, c.shape.n_params) || !fits(inputs, inputs_needed) ||
      !fits(outputs, outputs_needed)) {
    expect_rejected(status, name, "accepted a NULL handle, a wrong length or an overflowing batch");
    return;
  }
  if (status != QDCNN_OK || !c.circuit->tame || !all_tame(params) || !all_tame(inputs)) return;
  const double tolerance = f32 ? 1e-3 : 1e-6;
  for (size_t k = 0; k < outputs.length; ++k) {
    const double bound = c.observable->bounds[k % c.n_outputs];
    const double value = static_cast<double>(outputs.storage[k]);
    if (std::isfinite(bound) && bound < 1e30 && !(std::fabs(value) <= bound * (1 + tolerance) + tolerance)) {
      std::fprintf(stderr, "qdcnn fuzz: output %zu = %.17g, bound %.17g\n", k, value, bound);
      contract_violation(name, "an output exceeds the sum of |coefficients| of its observable");
    }
  }
}

template <typename T>
void backward(ProgramReader& reader, HandlePool& pool) {
  const BatchCall c = pick_batch_call(reader, pool);
  const uint64_t inputs_needed = wrapping_product(c.batch, c.shape.n_inputs);
  const uint64_t outputs_needed = wrapping_product(c.batch, c.n_outputs);
  auto params = make_buffer<T>(reader, c.shape.n_params, [&] { return random_value<T>(reader); });
  auto inputs = make_buffer<T>(reader, inputs_needed, [&] { return random_value<T>(reader); });
  auto grad_outputs = make_buffer<T>(reader, outputs_needed, [&] { return random_value<T>(reader); });
  auto grad_inputs = make_buffer<T>(reader, inputs_needed, [] { return T(0); });
  auto grad_params = make_buffer<T>(reader, c.shape.n_params, [] { return T(0); });
  const bool f32 = sizeof(T) == sizeof(float);
  const char* name = f32 ? "qdcnn_simulator_backward_f32" : "qdcnn_simulator_backward";
  qdcnn_status status;
  if constexpr (sizeof(T) == sizeof(float)) {
    status = qdcnn_simulator_backward_f32(
        handle_of(c.simulator), handle_of(c.circuit), handle_of(c.observable), params.data(),
        params.length, inputs.data(), inputs.length, c.batch, grad_outputs.data(),
        grad_outputs.length, grad_inputs.data(), grad_inputs.length, grad_params.data(),
        grad_params.length);
  } else {
    status = qdcnn_simulator_backward(
        handle_of(c.simulator), handle_of(c.circuit), handle_of(c.observable), params.data(),
        params.length, inputs.data(), inputs.length, c.batch, grad_outputs.data(),
        grad_outputs.length, grad_inputs.data(), grad_inputs.length, grad_params.data(),
        grad_params.length);
  }
  check_status(status, name);
  // Gradient outputs may be skipped: NULL with length 0.
  const bool grad_inputs_ok = fits(grad_inputs, inputs_needed) || (grad_inputs.null && grad_inputs.length == 0);
  const bool grad_params_ok = fits(grad_params, c.shape.n_params) || (grad_params.null && grad_params.length == 0);
  if (!handles_valid(c) || !fits(params, c.shape.n_params) || !fits(inputs, inputs_needed) ||
      !fits(grad_outputs, outputs_needed) || !grad_inputs_ok || !grad_params_ok) {
    expect_rejected(status, name, "accepted a NULL handle, a wrong length or an overflowing batch");
    return;
  }
  if (status != QDCNN_OK || !c.circuit->tame || !all_tame(params) || !all_tame(inputs) ||
      !all_tame(grad_outputs)) {
    return;
  }
  for (const auto* gradient : {&grad_inputs, &grad_params}) {
    for (size_t k = 0; !gradient->null && k < gradient->length; ++k) {
      if (!std::isfinite(static_cast<double>(gradient->storage[k]))) {
        contract_violation(name, "a gradient of a tame run is not finite");
      }
    }
  }
}

}  // namespace

void simulator_forward(ProgramReader& reader, HandlePool& pool) {
  if (reader.flag()) {
    forward<float>(reader, pool);
  } else {
    forward<double>(reader, pool);
  }
}

void simulator_backward(ProgramReader& reader, HandlePool& pool) {
  if (reader.flag()) {
    backward<float>(reader, pool);
  } else {
    backward<double>(reader, pool);
  }
}

}  // namespace qdcnn::fuzz
