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
