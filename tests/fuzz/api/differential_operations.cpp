// Differential check: one batched forward and backward pass under two execution settings
// (scalar kernel, no fusion, one thread) versus (another available kernel, fusion, threads)
// must agree to rounding (qdcnn.h: "Results equal unfused execution to rounding").
#include <cmath>
#include <vector>

#include "api/circuit_shape.h"
#include "api/fuzz_values.h"
#include "api/operations.h"
#include "common/contract.h"

namespace qdcnn::fuzz {
namespace {

struct PassResult {
  qdcnn_status forward_status;
  qdcnn_status backward_status;
  std::vector<double> outputs, grad_inputs, grad_params;
};

PassResult run_pass(qdcnn_simulator* simulator, const CircuitMirror& circuit,
                    const ObservableMirror& observable, const std::vector<double>& params,
                    const std::vector<double>& inputs, const std::vector<double>& grad_outputs,
                    size_t batch) {
  PassResult r;
  const size_t n_outputs = observable.bounds.size();
  r.outputs.assign(batch * n_outputs + 1, 0.0);
  r.grad_inputs.assign(inputs.size() + 1, 0.0);
  r.grad_params.assign(params.size() + 1, 0.0);
  r.forward_status = check_status(
      qdcnn_simulator_forward(simulator, circuit.handle, observable.handle, params.data(),
                              params.size(), inputs.data(), inputs.size(), batch,
                              r.outputs.data(), batch * n_outputs),
      "qdcnn_simulator_forward");
  r.backward_status = check_status(
      qdcnn_simulator_backward(simulator, circuit.handle, observable.handle, params.data(),
                               params.size(), inputs.data(), inputs.size(), batch,
                               grad_outputs.data(), grad_outputs.size(), r.grad_inputs.data(),
                               inputs.size(), r.grad_params.data(), params.size()),
      "qdcnn_simulator_backward");
  return r;
}

void compare(const std::vector<double>& a, const std::vector<double>& b, const char* what) {
  for (size_t k = 0; k < a.size(); ++k) {
    if (!(std::fabs(a[k] - b[k]) <= 1e-7 * (1 + std::fabs(a[k]) + std::fabs(b[k])))) {
      std::fprintf(stderr, "qdcnn fuzz: %s[%zu]: %.17g vs %.17g\n", what, k, a[k], b[k]);
      contract_violation("qdcnn_simulator_forward/backward",
                         "two execution settings disagree beyond rounding");
    }
  }
}

}  // namespace

void compare_execution_settings(ProgramReader& reader, HandlePool& pool) {
  if (pool.circuits.empty() || pool.observables.empty()) return;
  const CircuitMirror& circuit = pool.circuits[reader.byte() % pool.circuits.size()];
  const ObservableMirror& observable = pool.observables[reader.byte() % pool.observables.size()];
  if (!circuit.tame) return;
  const CircuitShape shape = query_shape(&circuit);
  if (shape.n_params > 4096 || shape.n_inputs > 4096) return;
  const size_t batch = 1 + reader.below(3);
  // Tame values only: small multiples of 1/8, never all zero for amplitude encoding.
  auto tame_value = [&] { return 0.125 + static_cast<int8_t>(reader.byte()) / 8.0; };
  std::vector<double> params(static_cast<size_t>(shape.n_params));
  std::vector<double> inputs(batch * static_cast<size_t>(shape.n_inputs));
  std::vector<double> grad_outputs(batch * observable.bounds.size());
  for (auto& v : params) v = tame_value();
  for (auto& v : inputs) v = tame_value();
  for (auto& v : grad_outputs) v = tame_value();

  qdcnn_simulator* reference = nullptr;
  qdcnn_simulator* candidate = nullptr;
  expect_ok(qdcnn_simulator_create(QDCNN_PRECISION_COMPLEX128, &reference), "qdcnn_simulator_create",
            "valid precision");
  expect_ok(qdcnn_simulator_create(QDCNN_PRECISION_COMPLEX128, &candidate), "qdcnn_simulator_create",
            "valid precision");
  expect_ok(qdcnn_simulator_set_kernel(reference, QDCNN_KERNEL_SCALAR), "qdcnn_simulator_set_kernel",
            "the scalar kernel is always available");
  const int32_t kernels[] = {QDCNN_KERNEL_AUTO, QDCNN_KERNEL_AVX2, QDCNN_KERNEL_AVX512};
  const int32_t k = one_of(reader, kernels);
  int32_t available = 0;
  check_status(qdcnn_kernel_available(k, &available), "qdcnn_kernel_available");
  if (available == 1) {
    expect_ok(qdcnn_simulator_set_kernel(candidate, k), "qdcnn_simulator_set_kernel",
              "an available kernel");
  }
  expect_ok(qdcnn_simulator_set_fusion(candidate, 2 + reader.below(3)), "qdcnn_simulator_set_fusion",
            "fusion 2..4 is valid");
  expect_ok(qdcnn_simulator_set_threads(candidate, 1 + reader.below(2)), "qdcnn_simulator_set_threads",
            "1 or 2 threads are valid");

  const PassResult a = run_pass(reference, circuit, observable, params, inputs, grad_outputs, batch);
  const PassResult b = run_pass(candidate, circuit, observable, params, inputs, grad_outputs, batch);
  if (a.forward_status != b.forward_status || a.backward_status != b.backward_status) {
    contract_violation("qdcnn_simulator_forward/backward",
                       "the same call succeeds under one execution setting and fails under another");
  }
  if (a.forward_status == QDCNN_OK) compare(a.outputs, b.outputs, "outputs");
  if (a.backward_status == QDCNN_OK) {
    compare(a.grad_inputs, b.grad_inputs, "grad_inputs");
    compare(a.grad_params, b.grad_params, "grad_params");
  }
  expect_ok(qdcnn_simulator_destroy(candidate), "qdcnn_simulator_destroy", "live simulator");
  expect_ok(qdcnn_simulator_destroy(reference), "qdcnn_simulator_destroy", "live simulator");
}

}  // namespace qdcnn::fuzz
