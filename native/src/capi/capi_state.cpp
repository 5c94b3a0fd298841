// State-vector entry points: allocation, preparation, reading, expectations, sampling.
#include <algorithm>
#include <cmath>
#include <memory>
#include <type_traits>
#include <string>
#include <vector>

#include "capi/handles.h"
#include "capi/status.h"
#include "capi/validate.h"
#include "core/measurement.h"

using namespace qdcnn;
using namespace qdcnn::capi;

namespace {

uint64_t state_size(const qdcnn_state* s) { return uint64_t{1} << s->n_qubits(); }

}  // namespace

extern "C" {

QDCNN_API qdcnn_status qdcnn_state_create(int32_t n_qubits, int32_t precision,
                                          qdcnn_state** state) {
  return guarded(__func__, [&] {
    require_non_null(state, "state");
    require_precision(precision);
    if (n_qubits < 1) {
      throw Error(QDCNN_ERROR_OUT_OF_RANGE, "n_qubits = " + std::to_string(n_qubits) + " must be at least 1");
    }
    auto handle = std::make_unique<qdcnn_state>();
    handle->precision = precision;
    if (precision == QDCNN_PRECISION_COMPLEX64) {
      handle->f32 = std::make_unique<StateVector<float>>(n_qubits);
    } else {
      handle->f64 = std::make_unique<StateVector<double>>(n_qubits);
    }
    *state = handle.release();
  });
}

QDCNN_API qdcnn_status qdcnn_state_destroy(qdcnn_state* state) {
  return guarded(__func__, [&] { delete state; });
}

QDCNN_API qdcnn_status qdcnn_state_info(const qdcnn_state* state, int32_t* n_qubits,
                                        int32_t* precision) {
  return guarded(__func__, [&] {
    require_non_null(state, "state");
    if (n_qubits) *n_qubits = state->n_qubits();
    if (precision) *precision = state->precision;
  });
}

QDCNN_API qdcnn_status qdcnn_state_set_basis(qdcnn_state* state, uint64_t index) {
  return guarded(__func__, [&] {
    require_non_null(state, "state");
    UseGuard guard(state->in_use, "state");
    if (index >= state_size(state)) {
      throw Error(QDCNN_ERROR_OUT_OF_RANGE, "index = " + std::to_string(index) +
                                                " is out of range for a " +
                                                std::to_string(state->n_qubits()) + "-qubit state");
    }
    state->visit([&](auto& sv) { sv.set_basis(index); });
  });
}

QDCNN_API qdcnn_status qdcnn_state_set_real_amplitudes(qdcnn_state* state, const double* values,
                                                       size_t length) {
  return guarded(__func__, [&] {
    require_non_null(state, "state");
    UseGuard guard(state->in_use, "state");
    const uint64_t size = state_size(state);
    if (length < 1 || length > size) {
      throw Error(QDCNN_ERROR_BUFFER_LENGTH,
                  "length = " + std::to_string(length) + " must be in 1.." + std::to_string(size));
    }
    require_non_null(values, "values");
    require_all_finite(values, length, "values");
    double norm2 = 0;
    for (size_t i = 0; i < length; ++i) norm2 += values[i] * values[i];
    if (!(norm2 > 0)) throw Error(QDCNN_ERROR_ZERO_NORM, "values are all zeros");
    const double inv = 1.0 / std::sqrt(norm2);
    state->visit([&](auto& sv) {
      using Amp = typename std::decay_t<decltype(sv)>::Amp;
      using T = typename Amp::value_type;
      Amp* d = sv.data();
      for (uint64_t i = 0; i < size; ++i) {
        d[i] = i < length ? Amp(static_cast<T>(values[i] * inv), 0) : Amp(0, 0);
      }
    });
  });
}

QDCNN_API qdcnn_status qdcnn_state_set_amplitudes(qdcnn_state* state, const double* amplitudes,
                                                  size_t length) {
  return guarded(__func__, [&] {
    require_non_null(state, "state");
    UseGuard guard(state->in_use, "state");
    const uint64_t size = state_size(state);
    require_buffer(amplitudes, length, 2 * size, "amplitudes", "length");
    require_all_finite(amplitudes, length, "amplitudes");
    state->visit([&](auto& sv) {
      using Amp = typename std::decay_t<decltype(sv)>::Amp;
      using T = typename Amp::value_type;
      Amp* d = sv.data();
      for (uint64_t i = 0; i < size; ++i) {
        d[i] = Amp(static_cast<T>(amplitudes[2 * i]), static_cast<T>(amplitudes[2 * i + 1]));
      }
    });
  });
}

QDCNN_API qdcnn_status qdcnn_state_get_amplitudes(const qdcnn_state* state, double* amplitudes,
                                                  size_t length) {
  return guarded(__func__, [&] {
    require_non_null(state, "state");
    UseGuard guard(state->in_use, "state");
    const uint64_t size = state_size(state);
    require_buffer(amplitudes, length, 2 * size, "amplitudes", "length");
    state->visit([&](const auto& sv) {
      const auto* d = sv.data();
      for (uint64_t i = 0; i < size; ++i) {
        amplitudes[2 * i] = d[i].real();
        amplitudes[2 * i + 1] = d[i].imag();
      }
    });
  });
}

QDCNN_API qdcnn_status qdcnn_state_probabilities(const qdcnn_state* state, double* probabilities,
                                                 size_t length) {
  return guarded(__func__, [&] {
    require_non_null(state, "state");
    UseGuard guard(state->in_use, "state");
    const uint64_t size = state_size(state);
    require_buffer(probabilities, length, size, "probabilities", "length");
    state->visit([&](const auto& sv) { qdcnn::probabilities(sv.data(), size, probabilities); });
  });
}

QDCNN_API qdcnn_status qdcnn_state_norm_squared(const qdcnn_state* state, double* norm_squared) {
  return guarded(__func__, [&] {
    require_non_null(state, "state");
    require_non_null(norm_squared, "norm_squared");
    UseGuard guard(state->in_use, "state");
    *norm_squared = state->visit(
        [&](const auto& sv) { return qdcnn::norm_squared(sv.data(), sv.size()); });
  });
}

QDCNN_API qdcnn_status qdcnn_state_expectation(const qdcnn_state* state,
                                               const qdcnn_observable* observable,
                                               double* values, size_t length) {
  return guarded(__func__, [&] {
    require_non_null(state, "state");
    require_non_null(observable, "observable");
    UseGuard guard(state->in_use, "state");
    const Observable& o = observable->observable;
    if (o.n_qubits() != state->n_qubits()) {
      throw Error(QDCNN_ERROR_INVALID_ARGUMENT,
                  "observable has " + std::to_string(o.n_qubits()) + " qubits but state has " +
                      std::to_string(state->n_qubits()));
    }
    require_buffer(values, length, static_cast<uint64_t>(o.n_outputs()), "values", "length");
    std::vector<double> out(length);
    state->visit([&](const auto& sv) { expectations(sv.data(), o, out.data()); });
    if (length > 0) std::copy(out.begin(), out.end(), values);
  });
}

QDCNN_API qdcnn_status qdcnn_state_sample(const qdcnn_state* state, uint64_t seed,
                                          uint64_t* samples, size_t shots) {
  return guarded(__func__, [&] {
    require_non_null(state, "state");
    if (shots > 0) require_non_null(samples, "samples");
    UseGuard guard(state->in_use, "state");
    std::vector<uint64_t> out(shots);
    state->visit([&](const auto& sv) { sample(sv.data(), sv.size(), seed, shots, out.data()); });
    if (shots > 0) std::copy(out.begin(), out.end(), samples);
  });
}

}  // extern "C"
