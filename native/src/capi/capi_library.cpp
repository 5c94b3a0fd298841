// Library-wide entry points: versions, errors, kernels, gate matrices, handle counts.
#include <string>

#include "capi/handles.h"
#include "capi/status.h"
#include "capi/validate.h"
#include "core/gates.h"
#include "kernels/kernel_table.h"

namespace qdcnn::capi {
const char* last_error_text();
}  // namespace qdcnn::capi

using namespace qdcnn;
using namespace qdcnn::capi;

extern "C" {

QDCNN_API qdcnn_status qdcnn_library_abi_version(int32_t* version) {
  return guarded(__func__, [&] {
    require_non_null(version, "version");
    *version = QDCNN_ABI_VERSION;
  });
}

QDCNN_API qdcnn_status qdcnn_error_message(const char** message) {
  // Must not touch the last error itself.
  if (!message) return QDCNN_ERROR_NULL_POINTER;
  *message = last_error_text();
  return QDCNN_OK;
}

QDCNN_API qdcnn_status qdcnn_status_name(int32_t status, const char** name) {
  return guarded(__func__, [&] {
    require_non_null(name, "name");
    const char* text = nullptr;
    switch (status) {
      case QDCNN_OK: text = "QDCNN_OK"; break;
      case QDCNN_ERROR_NULL_POINTER: text = "QDCNN_ERROR_NULL_POINTER"; break;
      case QDCNN_ERROR_INVALID_ARGUMENT: text = "QDCNN_ERROR_INVALID_ARGUMENT"; break;
      case QDCNN_ERROR_OUT_OF_RANGE: text = "QDCNN_ERROR_OUT_OF_RANGE"; break;
      case QDCNN_ERROR_DUPLICATE_QUBITS: text = "QDCNN_ERROR_DUPLICATE_QUBITS"; break;
      case QDCNN_ERROR_BUFFER_LENGTH: text = "QDCNN_ERROR_BUFFER_LENGTH"; break;
      case QDCNN_ERROR_NOT_FINITE: text = "QDCNN_ERROR_NOT_FINITE"; break;
      case QDCNN_ERROR_UNKNOWN_GATE: text = "QDCNN_ERROR_UNKNOWN_GATE"; break;
      case QDCNN_ERROR_TOO_MANY_QUBITS: text = "QDCNN_ERROR_TOO_MANY_QUBITS"; break;
      case QDCNN_ERROR_OUT_OF_MEMORY: text = "QDCNN_ERROR_OUT_OF_MEMORY"; break;
      case QDCNN_ERROR_PARSE: text = "QDCNN_ERROR_PARSE"; break;
      case QDCNN_ERROR_UNSUPPORTED: text = "QDCNN_ERROR_UNSUPPORTED"; break;
      case QDCNN_ERROR_CONCURRENT_USE: text = "QDCNN_ERROR_CONCURRENT_USE"; break;
      case QDCNN_ERROR_ZERO_NORM: text = "QDCNN_ERROR_ZERO_NORM"; break;
      case QDCNN_ERROR_INTERNAL: text = "QDCNN_ERROR_INTERNAL"; break;
      default:
        throw Error(QDCNN_ERROR_INVALID_ARGUMENT,
                    "status = " + std::to_string(status) + " is not a qdcnn_status");
    }
    *name = text;
  });
}

QDCNN_API qdcnn_status qdcnn_kernel_available(int32_t kernel, int32_t* available) {
  return guarded(__func__, [&] {
    require_non_null(available, "available");
    if (kernel < QDCNN_KERNEL_AUTO || kernel > QDCNN_KERNEL_AVX512) {
      throw Error(QDCNN_ERROR_INVALID_ARGUMENT,
                  "kernel = " + std::to_string(kernel) + " is not a qdcnn_kernel");
    }
    *available = kernel_available(kernel) ? 1 : 0;
  });
}

QDCNN_API qdcnn_status qdcnn_kernel_default(int32_t* kernel) {
  return guarded(__func__, [&] {
    require_non_null(kernel, "kernel");
    *kernel = resolve_default_kernel();
  });
}

QDCNN_API qdcnn_status qdcnn_debug_live_handles(int64_t* count) {
  return guarded(__func__, [&] {
    require_non_null(count, "count");
    *count = live_handle_count().load();
  });
}

QDCNN_API qdcnn_status qdcnn_gate_matrix(int32_t gate, const double* angles, size_t n_angles,
                                         double* out, size_t out_length) {
  return guarded(__func__, [&] {
    const GateInfo* info = find_gate(gate);
    if (!info) {
      throw Error(QDCNN_ERROR_UNKNOWN_GATE, "gate = " + std::to_string(gate) + " is not a qdcnn_gate");
    }
    if (gate == QDCNN_GATE_UNITARY1 || gate == QDCNN_GATE_UNITARY2) {
      throw Error(QDCNN_ERROR_UNKNOWN_GATE,
                  std::string("gate = ") + info->name + " has no fixed matrix");
    }
    require_buffer(angles, n_angles, static_cast<uint64_t>(info->n_angles), "angles", "n_angles");
    require_all_finite(angles, n_angles, "angles");
    const uint64_t dim2 = uint64_t{1} << (2 * info->n_qubits);
    require_buffer(out, out_length, 2 * dim2, "out", "out_length");
    cdouble m[16];
    gate_matrix_into(gate, angles, m);
    for (uint64_t i = 0; i < dim2; ++i) {
      out[2 * i] = m[i].real();
      out[2 * i + 1] = m[i].imag();
    }
  });
}

}  // extern "C"
