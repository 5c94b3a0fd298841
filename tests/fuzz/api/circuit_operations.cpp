// API program operations on circuits: creation, gates, unitaries, initial-state rules,
// declarations, info and QASM export.
#include <algorithm>
#include <cmath>
#include <vector>

#include "api/circuit_shape.h"
#include "api/fuzz_buffer.h"
#include "api/fuzz_values.h"
#include "api/operations.h"
#include "api/unitary_matrices.h"
#include "common/contract.h"
#include "common/qasm_round_trip.h"

namespace qdcnn::fuzz {
namespace {

// Largest angle index for which adding a gate must succeed.
constexpr int32_t kMaxOrdinaryIndex = 65535;

bool has_duplicates(const std::vector<int32_t>& values) {
  for (size_t i = 0; i < values.size(); ++i) {
    for (size_t j = i + 1; j < values.size(); ++j) {
      if (values[i] == values[j]) return true;
    }
  }
  return false;
}

bool all_in_range(const std::vector<int32_t>& qubits, int32_t n_qubits) {
  return std::all_of(qubits.begin(), qubits.end(),
                     [&](int32_t q) { return q >= 0 && q < n_qubits; });
}

// A gate's qubit list: usually as many as it takes, sometimes a wrong count or a duplicate.
std::vector<int32_t> gate_qubits(ProgramReader& reader, int arity, int32_t n_qubits) {
  size_t count = static_cast<size_t>(arity);
  if (reader.byte() >= 232) count = reader.below(5);
  std::vector<int32_t> qubits(count);
  for (auto& q : qubits) q = qubit_index(reader, n_qubits);
  if (count >= 2 && reader.byte() >= 232) qubits[1] = qubits[0];
  return qubits;
}

}  // namespace

void circuit_create(ProgramReader& reader, HandlePool& pool) {
  const int32_t n = register_size(reader);
  if (pool.circuits.size() >= kMaxHandlesPerKind) return;
  qdcnn_circuit* circuit = unwritten_handle<qdcnn_circuit>();
  const char* call = "qdcnn_circuit_create";
  const qdcnn_status status = check_status(qdcnn_circuit_create(n, &circuit), call);
  if (!is_valid_register_size(n)) expect_rejected(status, call, "accepted an invalid qubit count");
  if (status != QDCNN_OK) {
    if (circuit != unwritten_handle<qdcnn_circuit>()) contract_violation(call, "wrote on failure");
    if (is_valid_register_size(n)) expect_ok(status, call, "refused a valid small circuit");
    return;
  }
  if (circuit == nullptr || circuit == unwritten_handle<qdcnn_circuit>()) {
    contract_violation(call, "succeeded without a handle");
  }
  CircuitMirror mirror;
  mirror.handle = circuit;
  mirror.n_qubits = n;
  pool.circuits.push_back(mirror);
}

// A valid 30-qubit circuit is cheap to build (no state); it is never executed here.
void circuit_create_large(ProgramReader& reader, HandlePool&) {
  (void)reader;
  qdcnn_circuit* circuit = nullptr;
  expect_ok(qdcnn_circuit_create(QDCNN_MAX_QUBITS, &circuit), "qdcnn_circuit_create",
            "a QDCNN_MAX_QUBITS circuit is valid");
  const int32_t h_qubits[] = {QDCNN_MAX_QUBITS - 1};
  expect_ok(qdcnn_circuit_add_gate(circuit, QDCNN_GATE_H, h_qubits, 1, nullptr, nullptr, nullptr,
                                   nullptr, 0),
            "qdcnn_circuit_add_gate", "H on the last qubit of a 30-qubit circuit is valid");
  const int32_t out_of_range[] = {QDCNN_MAX_QUBITS};
  expect_rejected(check_status(qdcnn_circuit_add_gate(circuit, QDCNN_GATE_H, out_of_range, 1,
                                                      nullptr, nullptr, nullptr, nullptr, 0),
                               "qdcnn_circuit_add_gate"),
                  "qdcnn_circuit_add_gate", "accepted qubit 30 of a 30-qubit circuit");
  int32_t n_qubits = 0;
  int64_t n_gates = 0;
  expect_ok(qdcnn_circuit_info(circuit, &n_qubits, &n_gates, nullptr, nullptr),
            "qdcnn_circuit_info", "info of a live circuit");
  if (n_qubits != QDCNN_MAX_QUBITS || n_gates != 1) {
    contract_violation("qdcnn_circuit_info", "wrong counts for the 30-qubit circuit");
  }
  expect_ok(qdcnn_circuit_destroy(circuit), "qdcnn_circuit_destroy", "destroying a live circuit");
}

void circuit_destroy(ProgramReader& reader, HandlePool& pool) {
  CircuitMirror taken;
  if (!HandlePool::take(reader, pool.circuits, taken)) return;
  expect_ok(qdcnn_circuit_destroy(taken.handle), "qdcnn_circuit_destroy", "destroying a live circuit");
}

void circuit_add_gate(ProgramReader& reader, HandlePool& pool) {
  CircuitMirror* circuit = HandlePool::pick(reader, pool.circuits);
  const int32_t n_qubits = circuit ? circuit->n_qubits : 1;
  const int32_t gate = gate_kind(reader);
  int arity_qubits = 1, arity_angles = 0;
  const bool known = gate_arity(gate, arity_qubits, arity_angles);
  std::vector<int32_t> qubits = gate_qubits(reader, arity_qubits, n_qubits);
  size_t n_angles = static_cast<size_t>(arity_angles);
  if (reader.byte() >= 232) n_angles = reader.below(5);

  std::vector<int32_t> sources(n_angles), indices(n_angles);
  std::vector<double> scales(n_angles), offsets(n_angles);
  for (size_t k = 0; k < n_angles; ++k) {
    sources[k] = angle_source(reader);
    indices[k] = angle_index(reader);
    scales[k] = reader.real();
    offsets[k] = reader.real();
  }
  // Which arrays are passed as NULL (rarely).
  const uint8_t nulls = reader.byte() >= 240 ? reader.byte() : 0;
  const bool null_qubits = nulls & 1, null_sources = nulls & 2, null_indices = nulls & 4;
  const bool null_scales = nulls & 8, null_offsets = nulls & 16;

  const char* call = "qdcnn_circuit_add_gate";
  const qdcnn_status status = check_status(
      qdcnn_circuit_add_gate(handle_of(circuit), gate, null_qubits ? nullptr : qubits.data(),
                             qubits.size(), null_sources ? nullptr : sources.data(),
                             null_indices ? nullptr : indices.data(),
                             null_scales ? nullptr : scales.data(),
                             null_offsets ? nullptr : offsets.data(), n_angles),
      call);

  bool valid = circuit != nullptr && known && gate != QDCNN_GATE_UNITARY1 &&
               gate != QDCNN_GATE_UNITARY2 && qubits.size() == static_cast<size_t>(arity_qubits) &&
               n_angles == static_cast<size_t>(arity_angles) && all_in_range(qubits, n_qubits) &&
               !has_duplicates(qubits) && !(null_qubits && !qubits.empty()) &&
               !(n_angles > 0 && (null_sources || null_offsets));
  bool certainly_accepted = valid && !(n_angles > 0 && (null_indices || null_scales));
  bool tame = true;
  int64_t max_param = 0, max_input = 0;
  for (size_t k = 0; k < n_angles && valid; ++k) {
    if (sources[k] < QDCNN_ANGLE_CONSTANT || sources[k] > QDCNN_ANGLE_INPUT) valid = false;
    if (!std::isfinite(offsets[k])) valid = false;
    tame = tame && is_tame(offsets[k]);
    if (sources[k] == QDCNN_ANGLE_PARAMETER || sources[k] == QDCNN_ANGLE_INPUT) {
      if (indices[k] < 0 || !std::isfinite(scales[k])) valid = false;
      if (indices[k] > kMaxOrdinaryIndex) certainly_accepted = false;
      tame = tame && is_tame(scales[k]);
      int64_t& max = sources[k] == QDCNN_ANGLE_PARAMETER ? max_param : max_input;
      max = std::max<int64_t>(max, int64_t{indices[k]} + 1);
    }
  }
  if (!valid) expect_rejected(status, call, "accepted a gate the header rules out");
  if (valid && certainly_accepted) expect_ok(status, call, "refused a valid gate");
  if (status != QDCNN_OK) return;
  circuit->n_gates += 1;
  circuit->tame = circuit->tame && tame;
  circuit->max_param_plus_1 = std::max(circuit->max_param_plus_1, max_param);
  circuit->max_input_plus_1 = std::max(circuit->max_input_plus_1, max_input);
  query_shape(circuit);
}

void circuit_add_unitary(ProgramReader& reader, HandlePool& pool) {
  CircuitMirror* circuit = HandlePool::pick(reader, pool.circuits);
  const int32_t n_qubits = circuit ? circuit->n_qubits : 1;
  const int width = reader.byte() < 224 ? 1 + reader.below(2) : reader.below(4);
  std::vector<int32_t> qubits = gate_qubits(reader, width, n_qubits);

  const int dim = 1 << std::min<size_t>(qubits.size(), 2);
  const size_t expected = size_t{2} * dim * dim;
  std::vector<Complex> unitary = dim == 4 ? random_unitary2(reader) : random_unitary1(reader);
  const uint8_t corruption = reader.byte();
  auto matrix = make_buffer<double>(reader, expected, [] { return 0.0; });
  if (!matrix.null) {
    for (size_t k = 0; k < matrix.length; ++k) {
      const Complex& z = unitary[(k / 2) % unitary.size()];
      matrix.storage[k] = k % 2 == 0 ? z.real() : z.imag();
    }
    if (corruption >= 200 && matrix.length > 0) {
      matrix.storage[reader.byte() % matrix.length] = reader.real();  // usually not unitary now
    }
  }
  const char* call = "qdcnn_circuit_add_unitary";
  const qdcnn_status status = check_status(
      qdcnn_circuit_add_unitary(handle_of(circuit), qubits.data(), qubits.size(), matrix.data(),
                                matrix.length),
      call);
  const bool shape_ok = circuit != nullptr && (qubits.size() == 1 || qubits.size() == 2) &&
                        all_in_range(qubits, n_qubits) && !has_duplicates(qubits) && matrix.exact;
  if (!shape_ok) expect_rejected(status, call, "accepted a unitary with a bad shape or qubit");
  if (shape_ok && unitarity_error(matrix.data(), dim) > 1e-3) {
    expect_rejected(status, call, "accepted a matrix that is far from unitary");
  }
  if (status != QDCNN_OK) return;
  circuit->n_gates += 1;
  query_shape(circuit);
}

void circuit_set_initial_basis(ProgramReader& reader, HandlePool& pool) {
  CircuitMirror* circuit = HandlePool::pick(reader, pool.circuits);
  const uint64_t index = basis_index(reader, circuit ? circuit->n_qubits : 1);
  const char* call = "qdcnn_circuit_set_initial_basis";
  const qdcnn_status status =
      check_status(qdcnn_circuit_set_initial_basis(handle_of(circuit), index), call);
  if (!circuit || index >= (uint64_t{1} << circuit->n_qubits)) {
    expect_rejected(status, call, "accepted a NULL circuit or a basis index out of range");
    return;
  }
  expect_ok(status, call, "refused a basis index in range");
  circuit->basis_zero = index == 0;
  circuit->amplitude_end = 0;
}

void circuit_set_initial_amplitudes(ProgramReader& reader, HandlePool& pool) {
  CircuitMirror* circuit = HandlePool::pick(reader, pool.circuits);
  const int64_t dimension = int64_t{1} << (circuit ? circuit->n_qubits : 1);
  const int32_t offset = angle_index(reader);
  int32_t length = static_cast<int32_t>(1 + reader.byte() % dimension);
  if (reader.byte() >= 224) {
    const int32_t invalid[] = {0, -1, static_cast<int32_t>(dimension + 1), kInt32Max, kInt32Min};
    length = invalid[reader.byte() % 5];
  }
  const char* call = "qdcnn_circuit_set_initial_amplitudes";
  const qdcnn_status status = check_status(
      qdcnn_circuit_set_initial_amplitudes(handle_of(circuit), offset, length), call);
  if (!circuit || offset < 0 || length < 1 || length > dimension) {
    expect_rejected(status, call, "accepted a NULL circuit, a negative offset or a bad length");
    return;
  }
  if (offset <= kMaxOrdinaryIndex) expect_ok(status, call, "refused a valid amplitude rule");
  if (status != QDCNN_OK) return;
  circuit->amplitude_end = int64_t{offset} + length;
  circuit->ever_amplitudes = true;
  query_shape(circuit);
}

void circuit_declare(ProgramReader& reader, HandlePool& pool) {
  CircuitMirror* circuit = HandlePool::pick(reader, pool.circuits);
  const int32_t n_params = angle_index(reader), n_inputs = angle_index(reader);
  const char* call = "qdcnn_circuit_declare";
  const qdcnn_status status =
      check_status(qdcnn_circuit_declare(handle_of(circuit), n_params, n_inputs), call);
  if (!circuit) expect_rejected(status, call, "accepted a NULL circuit");
  if (circuit && n_params >= 0 && n_inputs >= 0 && n_params <= kMaxOrdinaryIndex &&
      n_inputs <= kMaxOrdinaryIndex) {
    expect_ok(status, call, "refused valid counts");
  }
  if (status != QDCNN_OK) return;
  circuit->declared_params = std::max<int64_t>(circuit->declared_params, n_params);
  circuit->declared_inputs = std::max<int64_t>(circuit->declared_inputs, n_inputs);
  query_shape(circuit);
}

void circuit_info(ProgramReader& reader, HandlePool& pool) {
  CircuitMirror* circuit = HandlePool::pick(reader, pool.circuits);
  const char* call = "qdcnn_circuit_info";
  const qdcnn_status status =
      check_status(qdcnn_circuit_info(handle_of(circuit), nullptr, nullptr, nullptr, nullptr), call);
  if (!circuit) {
    expect_rejected(status, call, "accepted a NULL circuit");
    return;
  }
  expect_ok(status, call, "every output pointer may be NULL");
  query_shape(circuit);
}

void circuit_to_qasm(ProgramReader& reader, HandlePool& pool) {
  CircuitMirror* circuit = HandlePool::pick(reader, pool.circuits);
  const CircuitShape shape = query_shape(circuit);
  auto params = make_buffer<double>(reader, static_cast<uint64_t>(shape.n_params),
                                    [&] { return reader.real(); });
  auto inputs = make_buffer<double>(reader, static_cast<uint64_t>(shape.n_inputs),
                                    [&] { return reader.real(); });
  if (circuit && params.exact && inputs.exact) {
    const bool compare = circuit->starts_in_zero() && circuit->tame && all_tame(params) &&
                         all_tame(inputs) && circuit->n_qubits <= 10;
    check_qasm_round_trip(circuit->handle, params.data(), params.length, inputs.data(),
                          inputs.length, compare);
    return;
  }
  size_t required = 0;
  const char* call = "qdcnn_circuit_to_qasm";
  const qdcnn_status status = check_status(
      qdcnn_circuit_to_qasm(handle_of(circuit), params.data(), params.length, inputs.data(),
                            inputs.length, nullptr, 0, &required),
      call);
  if (!circuit) expect_rejected(status, call, "accepted a NULL circuit");
}

}  // namespace qdcnn::fuzz
