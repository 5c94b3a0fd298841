#include "api/circuit_shape.h"

#include <algorithm>
#include <cstdio>

#include "common/contract.h"

namespace qdcnn::fuzz {

CircuitShape query_shape(const CircuitMirror* circuit) {
  CircuitShape shape;
  if (circuit == nullptr) return shape;
  const char* call = "qdcnn_circuit_info";
  expect_ok(qdcnn_circuit_info(circuit->handle, &shape.n_qubits, &shape.n_gates, &shape.n_params,
                               &shape.n_inputs),
            call, "info of a live circuit must succeed");
  const int64_t params = std::max(circuit->declared_params, circuit->max_param_plus_1);
  const int64_t inputs = std::max({circuit->declared_inputs, circuit->max_input_plus_1,
                                   circuit->amplitude_end});
  if (shape.n_qubits != circuit->n_qubits) contract_violation(call, "qubit count changed");
  if (shape.n_gates != circuit->n_gates) {
    std::fprintf(stderr, "gates: library %lld, harness %lld\n",
                 static_cast<long long>(shape.n_gates), static_cast<long long>(circuit->n_gates));
    contract_violation(call, "gate count differs from the gates accepted");
  }
  if (shape.n_params != params) {
    std::fprintf(stderr, "params: library %d, harness %lld\n", shape.n_params,
                 static_cast<long long>(params));
    contract_violation(call, "n_params is not max(declared, largest parameter index + 1)");
  }
  if (shape.n_inputs < inputs) {
    std::fprintf(stderr, "inputs: library %d, harness at least %lld\n", shape.n_inputs,
                 static_cast<long long>(inputs));
    contract_violation(call, "n_inputs is smaller than the inputs the circuit uses");
  }
  return shape;
}

}  // namespace qdcnn::fuzz
