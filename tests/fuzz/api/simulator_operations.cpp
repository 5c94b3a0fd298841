// API program operations on simulators: creation, kernel/thread/fusion settings, and single
// runs (run, apply) with the norm invariant.
#include <cmath>

#include "api/circuit_shape.h"
#include "api/fuzz_buffer.h"
#include "api/fuzz_values.h"
#include "api/operations.h"
#include "common/contract.h"

namespace qdcnn::fuzz {

void simulator_create(ProgramReader& reader, HandlePool& pool) {
  const int32_t p = precision(reader);
  if (pool.simulators.size() >= kMaxHandlesPerKind) return;
  qdcnn_simulator* simulator = unwritten_handle<qdcnn_simulator>();
  const char* call = "qdcnn_simulator_create";
  const qdcnn_status status = check_status(qdcnn_simulator_create(p, &simulator), call);
  if (p != QDCNN_PRECISION_COMPLEX64 && p != QDCNN_PRECISION_COMPLEX128) {
    expect_rejected(status, call, "accepted an invalid precision");
    if (simulator != unwritten_handle<qdcnn_simulator>()) contract_violation(call, "wrote on failure");
    return;
  }
  expect_ok(status, call, "refused a valid precision");
  if (simulator == nullptr || simulator == unwritten_handle<qdcnn_simulator>()) {
    contract_violation(call, "succeeded without a handle");
  }
  pool.simulators.push_back(SimulatorMirror{simulator, p});
}

void simulator_destroy(ProgramReader& reader, HandlePool& pool) {
  SimulatorMirror taken;
  if (!HandlePool::take(reader, pool.simulators, taken)) return;
  expect_ok(qdcnn_simulator_destroy(taken.handle), "qdcnn_simulator_destroy",
            "destroying a live simulator");
}

// One of: kernel, threads, fusion. Valid settings must be accepted, invalid ones refused.
void simulator_configure(ProgramReader& reader, HandlePool& pool) {
  SimulatorMirror* simulator = HandlePool::pick(reader, pool.simulators);
  qdcnn_simulator* handle = handle_of(simulator);
  switch (reader.below(3)) {
    case 0: {
      const int32_t k = kernel(reader);
      int32_t available = 0;
      const bool known = check_status(qdcnn_kernel_available(k, &available),
                                      "qdcnn_kernel_available") == QDCNN_OK;
      const qdcnn_status status =
          check_status(qdcnn_simulator_set_kernel(handle, k), "qdcnn_simulator_set_kernel");
      if (!simulator || !known || available != 1) {
        expect_rejected(status, "qdcnn_simulator_set_kernel", "accepted an unavailable kernel");
      } else {
        expect_ok(status, "qdcnn_simulator_set_kernel", "refused an available kernel");
      }
      if (simulator) {
        int32_t in_use = -1;
        expect_ok(qdcnn_simulator_get_kernel(handle, &in_use), "qdcnn_simulator_get_kernel",
                  "kernel of a live simulator");
        if (in_use < QDCNN_KERNEL_SCALAR || in_use > QDCNN_KERNEL_AVX512 ||
            (status == QDCNN_OK && k != QDCNN_KERNEL_AUTO && in_use != k)) {
          contract_violation("qdcnn_simulator_get_kernel", "not the kernel that was set");
        }
      }
      break;
    }
    case 1: {
      const int32_t threads = thread_count(reader);
      const qdcnn_status status =
          check_status(qdcnn_simulator_set_threads(handle, threads), "qdcnn_simulator_set_threads");
      if (!simulator || threads < 0 || threads > 256) {
        expect_rejected(status, "qdcnn_simulator_set_threads", "accepted an invalid thread count");
      } else {
        expect_ok(status, "qdcnn_simulator_set_threads", "refused a valid thread count");
      }
      break;
    }
    default: {
      const int32_t width = fusion_width(reader);
      const qdcnn_status status =
          check_status(qdcnn_simulator_set_fusion(handle, width), "qdcnn_simulator_set_fusion");
      if (!simulator || !(width == 0 || (width >= 2 && width <= QDCNN_MAX_FUSED_QUBITS))) {
        expect_rejected(status, "qdcnn_simulator_set_fusion", "accepted an invalid fusion width");
      } else {
        expect_ok(status, "qdcnn_simulator_set_fusion", "refused a valid fusion width");
      }
      break;
    }
  }
}

// qdcnn_simulator_run (prepare the initial state, then apply) or qdcnn_simulator_apply.
void simulator_run(ProgramReader& reader, HandlePool& pool) {
  SimulatorMirror* simulator = HandlePool::pick(reader, pool.simulators);
  CircuitMirror* circuit = HandlePool::pick(reader, pool.circuits);
  StateMirror* state = HandlePool::pick(reader, pool.states);
  const bool apply = reader.flag();
  const CircuitShape shape = query_shape(circuit);
  auto params = make_buffer<double>(reader, static_cast<uint64_t>(shape.n_params),
                                    [&] { return reader.real(); });
  auto inputs = make_buffer<double>(reader, static_cast<uint64_t>(shape.n_inputs),
                                    [&] { return reader.real(); });
  double norm_before = 0;
  if (state) {
    expect_ok(qdcnn_state_norm_squared(state->handle, &norm_before), "qdcnn_state_norm_squared",
              "norm of a live state");
  }
  const char* call = apply ? "qdcnn_simulator_apply" : "qdcnn_simulator_run";
  const auto function = apply ? qdcnn_simulator_apply : qdcnn_simulator_run;
  const qdcnn_status status = check_status(
      function(handle_of(simulator), handle_of(circuit), params.data(), params.length,
               inputs.data(), inputs.length, handle_of(state)),
      call);
  if (!simulator || !circuit || !state || !fits(params, shape.n_params) ||
      !fits(inputs, shape.n_inputs) ||
      state->n_qubits != circuit->n_qubits || state->precision != simulator->precision) {
    expect_rejected(status, call,
                    "accepted a NULL handle, a wrong buffer length, or a mismatched state");
    return;
  }
  if (status != QDCNN_OK || !circuit->tame || !all_tame(params) || !all_tame(inputs)) return;
  double norm_after = -1;
  expect_ok(qdcnn_state_norm_squared(state->handle, &norm_after), "qdcnn_state_norm_squared",
            "norm of a live state");
  const double tolerance = precision_tolerance(state->precision);
  const double expected = apply ? norm_before : 1.0;
  if (!std::isfinite(expected) || expected < 1e-150 || expected > 1e150) return;
  if (!(std::fabs(norm_after - expected) <= tolerance * expected)) {
    std::fprintf(stderr, "qdcnn fuzz: norm^2 %.17g, expected %.17g\n", norm_after, expected);
    contract_violation(call, "the circuit did not preserve the norm");
  }
}

}  // namespace qdcnn::fuzz
