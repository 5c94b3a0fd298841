// API program operations on state vectors: creation, setting amplitudes, reading them back,
// expectation values and sampling, with the numeric invariants each read must satisfy.
#include <cmath>
#include <vector>

#include "api/circuit_shape.h"
#include "api/fuzz_buffer.h"
#include "api/fuzz_values.h"
#include "api/operations.h"
#include "common/contract.h"

namespace qdcnn::fuzz {
namespace {

double norm_squared(const StateMirror& state) {
  double value = -1;
  expect_ok(qdcnn_state_norm_squared(state.handle, &value), "qdcnn_state_norm_squared",
            "norm of a live state");
  return value;
}

// |a - b| <= tolerance * max(|a|, |b|), false for NaN.
bool close_relative(double a, double b, double tolerance) {
  return std::fabs(a - b) <= tolerance * std::fmax(std::fabs(a), std::fabs(b));
}

bool checkable_norm(double n) { return std::isfinite(n) && n >= 1e-150 && n <= 1e150; }

}  // namespace

void state_create(ProgramReader& reader, HandlePool& pool) {
  int32_t n = register_size(reader);
  const int32_t p = precision(reader);
  // complex128 allows one qubit fewer than QDCNN_MAX_QUBITS: 30 must be refused without
  // allocating anything.
  if (p == QDCNN_PRECISION_COMPLEX128 && reader.byte() >= 248) n = QDCNN_MAX_QUBITS;
  if (pool.states.size() >= kMaxHandlesPerKind) return;
  qdcnn_state* state = unwritten_handle<qdcnn_state>();
  const char* call = "qdcnn_state_create";
  const qdcnn_status status = check_status(qdcnn_state_create(n, p, &state), call);
  const bool valid_precision = p == QDCNN_PRECISION_COMPLEX64 || p == QDCNN_PRECISION_COMPLEX128;
  const int32_t limit = p == QDCNN_PRECISION_COMPLEX128 ? QDCNN_MAX_QUBITS - 1 : QDCNN_MAX_QUBITS;
  if (!valid_precision || n < 1 || n > limit) {
    expect_rejected(status, call, "accepted an invalid precision or qubit count");
    if (state != unwritten_handle<qdcnn_state>()) contract_violation(call, "wrote on failure");
    return;
  }
  expect_ok(status, call, "refused a small valid state");
  if (state == nullptr || state == unwritten_handle<qdcnn_state>()) {
    contract_violation(call, "succeeded without a handle");
  }
  pool.states.push_back(StateMirror{state, n, p});
  if (!close_relative(norm_squared(pool.states.back()), 1.0, 1e-12)) {
    contract_violation(call, "a new state is not |0...0>");
  }
}

void state_destroy(ProgramReader& reader, HandlePool& pool) {
  StateMirror taken;
  if (!HandlePool::take(reader, pool.states, taken)) return;
  expect_ok(qdcnn_state_destroy(taken.handle), "qdcnn_state_destroy", "destroying a live state");
}

void state_set_basis(ProgramReader& reader, HandlePool& pool) {
  StateMirror* state = HandlePool::pick(reader, pool.states);
  const uint64_t index = basis_index(reader, state ? state->n_qubits : 1);
  const char* call = "qdcnn_state_set_basis";
  const qdcnn_status status = check_status(qdcnn_state_set_basis(handle_of(state), index), call);
  if (!state || index >= (uint64_t{1} << state->n_qubits)) {
    expect_rejected(status, call, "accepted a NULL state or an index out of range");
    return;
  }
  expect_ok(status, call, "refused an index in range");
}

void state_set_real_amplitudes(ProgramReader& reader, HandlePool& pool) {
  StateMirror* state = HandlePool::pick(reader, pool.states);
  const uint64_t dimension = uint64_t{1} << (state ? state->n_qubits : 1);
  const uint64_t wanted = 1 + reader.byte() % dimension;  // any length 1..2^n is zero-padded
  const bool zeros = reader.byte() >= 232;
  auto values = make_buffer<double>(reader, wanted, [&] { return zeros ? 0.0 : reader.real(); });
  const char* call = "qdcnn_state_set_real_amplitudes";
  const qdcnn_status status = check_status(
      qdcnn_state_set_real_amplitudes(handle_of(state), values.data(), values.length), call);
  bool any_non_zero = false, all_finite = true;
  for (size_t k = 0; !values.null && k < values.length; ++k) {
    any_non_zero = any_non_zero || values.storage[k] != 0;
    all_finite = all_finite && std::isfinite(values.storage[k]);
  }
  if (!state || values.length > dimension || (values.null && values.length > 0) ||
      !all_finite || (!values.null && !any_non_zero)) {
    expect_rejected(status, call, "accepted NULL, too many, non-finite or all-zero values");
    return;
  }
  if (status == QDCNN_OK && all_tame(values)) {
    const double n = norm_squared(*state);
    if (!(std::fabs(n - 1) <= precision_tolerance(state->precision))) {
      contract_violation(call, "the amplitude-encoded state is not normalised");
    }
  }
}

void state_set_amplitudes(ProgramReader& reader, HandlePool& pool) {
  StateMirror* state = HandlePool::pick(reader, pool.states);
  const uint64_t expected = uint64_t{2} << (state ? state->n_qubits : 1);
  auto values = make_buffer<double>(reader, expected, [&] { return reader.real(); });
  const char* call = "qdcnn_state_set_amplitudes";
  const qdcnn_status status = check_status(
      qdcnn_state_set_amplitudes(handle_of(state), values.data(), values.length), call);
  bool all_finite = true;
  double sum = 0;
  for (size_t k = 0; !values.null && k < values.length; ++k) {
    all_finite = all_finite && std::isfinite(values.storage[k]);
    sum += values.storage[k] * values.storage[k];
  }
  if (!state || !values.exact || !all_finite) {
    expect_rejected(status, call, "accepted NULL, a wrong length or non-finite amplitudes");
    return;
  }
  expect_ok(status, call, "refused finite amplitudes of the right length");
  // Not renormalised: the norm is what was given (checked in double precision only, where the
  // copy is exact).
  if (state->precision == QDCNN_PRECISION_COMPLEX128 && checkable_norm(sum) &&
      !close_relative(norm_squared(*state), sum, 1e-12)) {
    contract_violation(call, "the state's norm differs from the amplitudes given");
  }
}

// Amplitudes, probabilities and norm must agree with each other.
void state_read(ProgramReader& reader, HandlePool& pool) {
  StateMirror* state = HandlePool::pick(reader, pool.states);
  const uint64_t dimension = uint64_t{1} << (state ? state->n_qubits : 1);
  auto amplitudes = make_buffer<double>(reader, 2 * dimension, [] { return 0.0; });
  auto probabilities = make_buffer<double>(reader, dimension, [] { return 0.0; });
  const qdcnn_status amplitudes_status = check_status(
      qdcnn_state_get_amplitudes(handle_of(state), amplitudes.data(), amplitudes.length),
      "qdcnn_state_get_amplitudes");
  const qdcnn_status probabilities_status = check_status(
      qdcnn_state_probabilities(handle_of(state), probabilities.data(), probabilities.length),
      "qdcnn_state_probabilities");
  if (!state || !amplitudes.exact) {
    expect_rejected(amplitudes_status, "qdcnn_state_get_amplitudes", "accepted a bad buffer");
  }
  if (!state || !probabilities.exact) {
    expect_rejected(probabilities_status, "qdcnn_state_probabilities", "accepted a bad buffer");
  }
  if (!state) return;

  int32_t n_qubits = -1, precision_value = -1;
  expect_ok(qdcnn_state_info(state->handle, &n_qubits, &precision_value), "qdcnn_state_info",
            "info of a live state");
  if (n_qubits != state->n_qubits || precision_value != state->precision) {
    contract_violation("qdcnn_state_info", "qubit count or precision changed");
  }
  const double norm = norm_squared(*state);
  if (!checkable_norm(norm)) return;
  const double tolerance = precision_tolerance(state->precision);
  if (amplitudes.exact) {
    expect_ok(amplitudes_status, "qdcnn_state_get_amplitudes", "refused an exact buffer");
    double sum = 0;
    for (size_t k = 0; k < amplitudes.length; ++k) sum += amplitudes.storage[k] * amplitudes.storage[k];
    if (!close_relative(sum, norm, tolerance)) {
      contract_violation("qdcnn_state_get_amplitudes", "amplitudes disagree with the norm");
    }
  }
  if (probabilities.exact) {
    expect_ok(probabilities_status, "qdcnn_state_probabilities", "refused an exact buffer");
    double sum = 0;
    for (size_t k = 0; k < probabilities.length; ++k) {
      if (!(probabilities.storage[k] >= 0)) {
        contract_violation("qdcnn_state_probabilities", "a probability is negative or NaN");
      }
      sum += probabilities.storage[k];
    }
    if (!close_relative(sum, norm, tolerance)) {
      contract_violation("qdcnn_state_probabilities", "probabilities disagree with the norm");
    }
  }
}

void state_expectation(ProgramReader& reader, HandlePool& pool) {
  StateMirror* state = HandlePool::pick(reader, pool.states);
  ObservableMirror* observable = HandlePool::pick(reader, pool.observables);
  const uint64_t n_outputs = observable ? observable->bounds.size() : 0;
  auto values = make_buffer<double>(reader, n_outputs, [] { return 0.0; });
  const char* call = "qdcnn_state_expectation";
  const qdcnn_status status = check_status(
      qdcnn_state_expectation(handle_of(state), handle_of(observable), values.data(),
                              values.length),
      call);
  if (!state || !observable || !fits(values, n_outputs)) {
    expect_rejected(status, call, "accepted a NULL handle or a bad buffer");
    return;
  }
  if (status != QDCNN_OK) return;
  // |<psi|P|psi>| <= <psi|psi> for a Pauli string P.
  const double norm = norm_squared(*state);
  if (!checkable_norm(norm)) return;
  const double tolerance = precision_tolerance(state->precision);
  for (size_t k = 0; k < values.length; ++k) {
    const double bound = observable->bounds[k] * norm;
    if (!std::isfinite(bound)) continue;
    if (!(std::fabs(values.storage[k]) <= bound * (1 + tolerance) + 1e-300)) {
      contract_violation(call, "an expectation value exceeds the sum of |coefficients|");
    }
  }
}

void state_sample(ProgramReader& reader, HandlePool& pool) {
  StateMirror* state = HandlePool::pick(reader, pool.states);
  const uint64_t seed = reader.u64();
  const uint64_t shots = reader.below(65);
  auto samples = make_buffer<uint64_t>(reader, shots, [] { return uint64_t{0}; });
  const char* call = "qdcnn_state_sample";
  const qdcnn_status status =
      check_status(qdcnn_state_sample(handle_of(state), seed, samples.data(), samples.length), call);
  if (!state || (samples.null && samples.length > 0)) {
    expect_rejected(status, call, "accepted a NULL state or NULL samples");
    return;
  }
  if (status != QDCNN_OK) return;
  const uint64_t dimension = uint64_t{1} << state->n_qubits;
  for (size_t k = 0; k < samples.length; ++k) {
    if (samples.storage[k] >= dimension) contract_violation(call, "a sample is not a basis index");
  }
  // Same seed, same state: same results.
  std::vector<uint64_t> again(samples.length + 1, 0);
  expect_ok(qdcnn_state_sample(state->handle, seed, again.data(), samples.length), call,
            "the same sampling call succeeded a moment ago");
  for (size_t k = 0; k < samples.length; ++k) {
    if (again[k] != samples.storage[k]) contract_violation(call, "the same seed gave other samples");
  }
}

}  // namespace qdcnn::fuzz
