#include "common/simulate.h"

#include <cmath>
#include <cstdint>

#include "common/contract.h"

namespace qdcnn::fuzz {

bool simulate_amplitudes(const qdcnn_circuit* circuit, const double* params, size_t n_params,
                         const double* inputs, size_t n_inputs, std::vector<double>& amplitudes) {
  int32_t n_qubits = 0;
  check_status(qdcnn_circuit_info(circuit, &n_qubits, nullptr, nullptr, nullptr),
               "qdcnn_circuit_info");
  if (n_qubits < 1 || n_qubits > kMaxSimulatedQubits) return false;

  qdcnn_simulator* simulator = nullptr;
  qdcnn_state* state = nullptr;
  bool ran = false;
  if (check_status(qdcnn_simulator_create(QDCNN_PRECISION_COMPLEX128, &simulator),
                   "qdcnn_simulator_create") == QDCNN_OK &&
      check_status(qdcnn_state_create(n_qubits, QDCNN_PRECISION_COMPLEX128, &state),
                   "qdcnn_state_create") == QDCNN_OK &&
      check_status(qdcnn_simulator_run(simulator, circuit, params, n_params, inputs, n_inputs,
                                       state),
                   "qdcnn_simulator_run") == QDCNN_OK) {
    double norm_squared = -1;
    expect_ok(qdcnn_state_norm_squared(state, &norm_squared), "qdcnn_state_norm_squared",
              "a state that a run succeeded on must report its norm");
    // Written so that NaN fails too.
    if (!(std::fabs(norm_squared - 1.0) <= 1e-6)) {
      std::fprintf(stderr, "qdcnn fuzz: norm^2 after run = %.17g\n", norm_squared);
      contract_violation("qdcnn_simulator_run", "a successful run left a state whose norm is not 1");
    }
    amplitudes.assign(size_t{2} << n_qubits, 0.0);
    expect_ok(qdcnn_state_get_amplitudes(state, amplitudes.data(), amplitudes.size()),
              "qdcnn_state_get_amplitudes", "reading 2^(n+1) doubles of a valid state");
    ran = true;
  }
  check_status(qdcnn_state_destroy(state), "qdcnn_state_destroy");
  check_status(qdcnn_simulator_destroy(simulator), "qdcnn_simulator_destroy");
  return ran;
}

double fidelity(const std::vector<double>& a, const std::vector<double>& b) {
  double overlap_re = 0, overlap_im = 0, norm_a = 0, norm_b = 0;
  for (size_t k = 0; k + 1 < a.size() && k + 1 < b.size(); k += 2) {
    // conj(a) * b
    overlap_re += a[k] * b[k] + a[k + 1] * b[k + 1];
    overlap_im += a[k] * b[k + 1] - a[k + 1] * b[k];
    norm_a += a[k] * a[k] + a[k + 1] * a[k + 1];
    norm_b += b[k] * b[k] + b[k + 1] * b[k + 1];
  }
  return (overlap_re * overlap_re + overlap_im * overlap_im) / (norm_a * norm_b);
}

}  // namespace qdcnn::fuzz
