// API program operations on library-wide functions: version, status names, kernels and gate
// matrices.
#include <cmath>

#include "api/fuzz_buffer.h"
#include "api/fuzz_values.h"
#include "api/operations.h"
#include "api/unitary_matrices.h"
#include "common/contract.h"

namespace qdcnn::fuzz {

void library_queries(ProgramReader& reader, HandlePool&) {
  int32_t version = 0;
  expect_ok(qdcnn_library_abi_version(&version), "qdcnn_library_abi_version", "always succeeds");
  if (version != QDCNN_ABI_VERSION) {
    contract_violation("qdcnn_library_abi_version", "differs from the header");
  }
  expect_rejected(check_status(qdcnn_library_abi_version(nullptr), "qdcnn_library_abi_version"),
                  "qdcnn_library_abi_version", "accepted NULL");

  const int32_t status_value = static_cast<int32_t>(reader.u32() % 128) - 8;
  const char* name = nullptr;
  if (check_status(qdcnn_status_name(status_value, &name), "qdcnn_status_name") == QDCNN_OK &&
      (name == nullptr || name[0] == '\0')) {
    contract_violation("qdcnn_status_name", "succeeded with an empty name");
  }

  int32_t k = -1;
  expect_ok(qdcnn_kernel_default(&k), "qdcnn_kernel_default", "QDCNN_KERNEL is not set here");
  int32_t available = 0;
  expect_ok(qdcnn_kernel_available(k, &available), "qdcnn_kernel_available", "a known kernel");
  if (k < QDCNN_KERNEL_SCALAR || k > QDCNN_KERNEL_AVX512 || available != 1) {
    contract_violation("qdcnn_kernel_default", "not an available concrete kernel");
  }
  const int32_t any_kernel = kernel(reader);
  check_status(qdcnn_kernel_available(any_kernel, &available), "qdcnn_kernel_available");
}

void gate_matrix(ProgramReader& reader, HandlePool&) {
  const int32_t gate = gate_kind(reader);
  int qubits = 1, angles = 0;
  const bool known = gate_arity(gate, qubits, angles);
  const uint64_t dim = uint64_t{1} << qubits;
  auto angle_values = make_buffer<double>(reader, static_cast<uint64_t>(angles),
                                          [&] { return reader.real(); });
  auto out = make_buffer<double>(reader, 2 * dim * dim, [] { return 0.0; });
  const char* call = "qdcnn_gate_matrix";
  const qdcnn_status status = check_status(
      qdcnn_gate_matrix(gate, angle_values.data(), angle_values.length, out.data(), out.length),
      call);
  bool finite = true;
  for (size_t k = 0; !angle_values.null && k < angle_values.length; ++k) {
    finite = finite && std::isfinite(angle_values.storage[k]);
  }
  if (!known || gate == QDCNN_GATE_UNITARY1 || gate == QDCNN_GATE_UNITARY2 ||
      !fits(angle_values, static_cast<uint64_t>(angles)) || !out.exact || !finite) {
    expect_rejected(status, call, "accepted an unknown gate, a bad buffer or a non-finite angle");
    return;
  }
  expect_ok(status, call, "refused a valid gate");
  if (all_tame(angle_values) && unitarity_error(out.data(), static_cast<int>(dim)) > 1e-9) {
    contract_violation(call, "the matrix of a gate is not unitary");
  }
}

}  // namespace qdcnn::fuzz
