#pragma once
// Argument checks shared by the C entry points. Each throws Error naming the argument.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/errors.h"

namespace qdcnn::capi {

inline void require_non_null(const void* p, const char* argument) {
  if (!p) throw Error(QDCNN_ERROR_NULL_POINTER, std::string(argument) + " is NULL");
}

inline void require_length(size_t actual, uint64_t expected, const char* argument) {
  if (actual != expected) {
    throw Error(QDCNN_ERROR_BUFFER_LENGTH, std::string(argument) + " = " + std::to_string(actual) +
                                               " but must be " + std::to_string(expected));
  }
}

// A pointer + length pair that must hold exactly `expected` values (NULL allowed when 0).
template <typename T>
void require_buffer(const T* p, size_t length, uint64_t expected, const char* pointer_name,
                    const char* length_name) {
  require_length(length, expected, length_name);
  if (expected > 0) require_non_null(p, pointer_name);
}

inline void require_finite(double v, const std::string& argument) {
  if (!std::isfinite(v)) {
    throw Error(QDCNN_ERROR_NOT_FINITE, argument + " = " + std::to_string(v) + " is not finite");
  }
}

template <typename T>
void require_all_finite(const T* values, size_t length, const char* argument) {
  for (size_t i = 0; i < length; ++i) {
    if (!std::isfinite(values[i])) {
      throw Error(QDCNN_ERROR_NOT_FINITE, std::string(argument) + "[" + std::to_string(i) +
                                              "] = " + std::to_string(values[i]) +
                                              " is not finite");
    }
  }
}

// a * b; BUFFER_LENGTH naming `what` when the product overflows 64 bits.
inline uint64_t checked_product(uint64_t a, uint64_t b, const char* what) {
  if (b != 0 && a > UINT64_MAX / b) {
    throw Error(QDCNN_ERROR_BUFFER_LENGTH, std::string(what) + " overflows");
  }
  return a * b;
}

// Element counts of one batched call.
struct BatchCounts {
  uint64_t inputs;   // batch * n_inputs
  uint64_t outputs;  // batch * n_outputs
};

// The checks every batched entry point shares: params holds n_params finite values, inputs holds
// batch * n_inputs finite values (NULL allowed when empty). Returns the element counts.
inline BatchCounts require_batch_inputs(int32_t n_params, int32_t n_inputs, int32_t n_outputs,
                                        const double* params, size_t params_length,
                                        const double* inputs, size_t inputs_length,
                                        uint64_t batch) {
  const BatchCounts counts{
      checked_product(batch, static_cast<uint64_t>(n_inputs), "batch * n_inputs"),
      checked_product(batch, static_cast<uint64_t>(n_outputs), "batch * n_outputs")};
  require_buffer(params, params_length, static_cast<uint64_t>(n_params), "params",
                 "params_length");
  require_buffer(inputs, inputs_length, counts.inputs, "inputs", "inputs_length");
  require_all_finite(params, params_length, "params");
  require_all_finite(inputs, inputs_length, "inputs");
  return counts;
}

// qubit in [0, n_qubits); `what` is the object ("circuit", "observable").
inline void require_qubit(int64_t qubit, int n_qubits, const std::string& argument,
                          const char* what) {
  if (qubit < 0 || qubit >= n_qubits) {
    throw Error(QDCNN_ERROR_OUT_OF_RANGE, argument + " = " + std::to_string(qubit) +
                                              " is out of range for a " +
                                              std::to_string(n_qubits) + "-qubit " + what);
  }
}

inline void require_precision(int32_t precision) {
  if (precision != QDCNN_PRECISION_COMPLEX64 && precision != QDCNN_PRECISION_COMPLEX128) {
    throw Error(QDCNN_ERROR_INVALID_ARGUMENT,
                "precision = " + std::to_string(precision) +
                    " is not QDCNN_PRECISION_COMPLEX64 (0) or QDCNN_PRECISION_COMPLEX128 (1)");
  }
}

}  // namespace qdcnn::capi
