// API program operations on observables: creation, <Z> outputs and weighted Pauli terms.
#include <cmath>
#include <vector>

#include "api/fuzz_values.h"
#include "api/operations.h"
#include "common/contract.h"

namespace qdcnn::fuzz {
namespace {

// The library's output count must equal the outputs the harness added.
void check_count(const ObservableMirror& observable) {
  int32_t count = -1;
  expect_ok(qdcnn_observable_count(observable.handle, &count), "qdcnn_observable_count",
            "count of a live observable");
  if (count < 0 || static_cast<size_t>(count) != observable.bounds.size()) {
    contract_violation("qdcnn_observable_count", "differs from the outputs added");
  }
}

}  // namespace

void observable_create(ProgramReader& reader, HandlePool& pool) {
  const int32_t n = register_size(reader);
  if (pool.observables.size() >= kMaxHandlesPerKind) return;
  qdcnn_observable* observable = unwritten_handle<qdcnn_observable>();
  const char* call = "qdcnn_observable_create";
  const qdcnn_status status = check_status(qdcnn_observable_create(n, &observable), call);
  if (!is_valid_register_size(n)) {
    expect_rejected(status, call, "accepted an invalid qubit count");
    if (observable != unwritten_handle<qdcnn_observable>()) contract_violation(call, "wrote on failure");
    return;
  }
  expect_ok(status, call, "refused a valid small observable");
  if (observable == nullptr || observable == unwritten_handle<qdcnn_observable>()) {
    contract_violation(call, "succeeded without a handle");
  }
  ObservableMirror mirror;
  mirror.handle = observable;
  mirror.n_qubits = n;
  pool.observables.push_back(mirror);
}

void observable_destroy(ProgramReader& reader, HandlePool& pool) {
  ObservableMirror taken;
  if (!HandlePool::take(reader, pool.observables, taken)) return;
  expect_ok(qdcnn_observable_destroy(taken.handle), "qdcnn_observable_destroy",
            "destroying a live observable");
}

void observable_add_z(ProgramReader& reader, HandlePool& pool) {
  ObservableMirror* observable = HandlePool::pick(reader, pool.observables);
  const int32_t qubit = qubit_index(reader, observable ? observable->n_qubits : 1);
  const char* call = "qdcnn_observable_add_z";
  const qdcnn_status status = check_status(qdcnn_observable_add_z(handle_of(observable), qubit), call);
  if (!observable || qubit < 0 || qubit >= observable->n_qubits) {
    expect_rejected(status, call, "accepted a NULL observable or a qubit out of range");
    return;
  }
  expect_ok(status, call, "refused <Z> on a qubit in range");
  observable->bounds.push_back(1.0);
  check_count(*observable);
}

void observable_add_term(ProgramReader& reader, HandlePool& pool) {
  ObservableMirror* observable = HandlePool::pick(reader, pool.observables);
  const int32_t n_qubits = observable ? observable->n_qubits : 1;
  const int32_t count = observable ? static_cast<int32_t>(observable->bounds.size()) : 0;
  const int32_t outputs[] = {count, count, count - 1, 0, -1, count + 1, kInt32Max, kInt32Min};
  const int32_t output = one_of(reader, outputs);
  const double coefficient = reader.real();
  size_t length = reader.below(5);
  std::vector<int32_t> paulis(length), qubits(length);
  for (size_t k = 0; k < length; ++k) {
    paulis[k] = pauli(reader);
    qubits[k] = qubit_index(reader, n_qubits);
  }
  if (length >= 2 && reader.byte() >= 232) qubits[1] = qubits[0];
  const uint8_t nulls = reader.byte() >= 240 ? reader.byte() : 0;
  const bool null_paulis = nulls & 1, null_qubits = nulls & 2;

  const char* call = "qdcnn_observable_add_term";
  const qdcnn_status status = check_status(
      qdcnn_observable_add_term(handle_of(observable), output, coefficient,
                                null_paulis ? nullptr : paulis.data(),
                                null_qubits ? nullptr : qubits.data(), length),
      call);

  bool valid = observable && output >= 0 && output <= count && std::isfinite(coefficient) &&
               !(length > 0 && (null_paulis || null_qubits));
  bool all_non_identity = true;
  for (size_t k = 0; k < length && valid; ++k) {
    if (paulis[k] < QDCNN_PAULI_I || paulis[k] > QDCNN_PAULI_Z) valid = false;
    if (qubits[k] < 0 || qubits[k] >= n_qubits) valid = false;
    all_non_identity = all_non_identity && paulis[k] != QDCNN_PAULI_I;
  }
  bool duplicates = false;
  for (size_t i = 0; i < length; ++i) {
    for (size_t j = i + 1; j < length; ++j) duplicates = duplicates || qubits[i] == qubits[j];
  }
  // A duplicate is certainly invalid when no factor is the identity (which a library may drop).
  if (duplicates && all_non_identity) valid = false;
  if (!valid) expect_rejected(status, call, "accepted a term the header rules out");
  if (valid && !duplicates) expect_ok(status, call, "refused a valid term");
  if (status != QDCNN_OK) return;
  if (output == count) {
    observable->bounds.push_back(std::fabs(coefficient));
  } else {
    observable->bounds[static_cast<size_t>(output)] += std::fabs(coefficient);
  }
  check_count(*observable);
}

}  // namespace qdcnn::fuzz
