#pragma once
// Definitions of the opaque C handles, the live-handle counter and the concurrent-use guard.
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "core/circuit.h"
#include "core/errors.h"
#include "core/observable.h"
#include "core/simulator.h"
#include "core/state_vector.h"

namespace qdcnn::capi {

std::atomic<int64_t>& live_handle_count();

// Member of every handle: counts it as live from construction to destruction.
struct LiveHandle {
  LiveHandle() { live_handle_count().fetch_add(1, std::memory_order_relaxed); }
  ~LiveHandle() { live_handle_count().fetch_sub(1, std::memory_order_relaxed); }
  LiveHandle(const LiveHandle&) = delete;
  LiveHandle& operator=(const LiveHandle&) = delete;
};

// Marks a handle busy for the guard's lifetime; a second concurrent guard throws
// Error(CONCURRENT_USE). Cheap: one atomic exchange.
class UseGuard {
 public:
  UseGuard(std::atomic<bool>& flag, const char* argument) : flag_(flag) {
    if (flag_.exchange(true, std::memory_order_acquire)) {
      throw Error(QDCNN_ERROR_CONCURRENT_USE,
                  std::string(argument) + " is being used by another thread at the same time");
    }
  }
  ~UseGuard() { flag_.store(false, std::memory_order_release); }
  UseGuard(const UseGuard&) = delete;
  UseGuard& operator=(const UseGuard&) = delete;

 private:
  std::atomic<bool>& flag_;
};

}  // namespace qdcnn::capi

struct qdcnn_circuit {
  explicit qdcnn_circuit(int n_qubits) : circuit(n_qubits) {}
  qdcnn::Circuit circuit;
  qdcnn::capi::LiveHandle live;
};

struct qdcnn_observable {
  explicit qdcnn_observable(int n_qubits) : observable(n_qubits) {}
  qdcnn::Observable observable;
  qdcnn::capi::LiveHandle live;
};

struct qdcnn_state {
  int32_t precision = QDCNN_PRECISION_COMPLEX128;
  std::unique_ptr<qdcnn::StateVector<float>> f32;
  std::unique_ptr<qdcnn::StateVector<double>> f64;
  mutable std::atomic<bool> in_use{false};
  qdcnn::capi::LiveHandle live;

  int n_qubits() const { return f32 ? f32->n_qubits() : f64->n_qubits(); }
  // Calls f with the StateVector<float or double>.
  template <typename F>
  decltype(auto) visit(F&& f) {
    if (f32) return f(*f32);
    return f(*f64);
  }
  template <typename F>
  decltype(auto) visit(F&& f) const {
    if (f32) return f(static_cast<const qdcnn::StateVector<float>&>(*f32));
    return f(static_cast<const qdcnn::StateVector<double>&>(*f64));
  }
};

struct qdcnn_simulator {
  int32_t precision = QDCNN_PRECISION_COMPLEX128;
  std::unique_ptr<qdcnn::Simulator<float>> f32;
  std::unique_ptr<qdcnn::Simulator<double>> f64;
  mutable std::atomic<bool> in_use{false};
  qdcnn::capi::LiveHandle live;
};
