#pragma once
// An owned, 64-byte aligned state vector of 2^n amplitudes (qubit k = bit k of the index).
#include <complex>
#include <cstdint>
#include <string>

#include "core/errors.h"
#include "core/memory.h"
#include "qdcnn/qdcnn.h"

namespace qdcnn {

// Largest register for a precision: complex64 30, complex128 29.
template <typename T>
constexpr int max_qubits() {
  return sizeof(T) == sizeof(float) ? QDCNN_MAX_QUBITS : QDCNN_MAX_QUBITS - 1;
}

template <typename T>
class StateVector {
 public:
  using Amp = std::complex<T>;

  // Allocates 2^n_qubits amplitudes set to |0...0>. Throws Error(TOO_MANY_QUBITS) beyond the
  // precision's limit or available memory; std::bad_alloc if the allocation fails.
  explicit StateVector(int n_qubits) : n_qubits_(n_qubits) {
    if (n_qubits < 1 || n_qubits > max_qubits<T>()) {
      throw Error(QDCNN_ERROR_TOO_MANY_QUBITS,
                  "n_qubits = " + std::to_string(n_qubits) + " is outside 1.." +
                      std::to_string(max_qubits<T>()) + " for this precision");
    }
    size_ = uint64_t{1} << n_qubits;  // only after the range check: the shift is UB beyond 63
    const uint64_t bytes = size_ * sizeof(Amp);
    if (bytes >= (uint64_t{64} << 20)) check_memory_available(bytes, "the state vector");
    data_ = make_aligned_array<Amp>(size_);
    set_basis(0);
  }

  int n_qubits() const { return n_qubits_; }
  uint64_t size() const { return size_; }
  Amp* data() { return data_.get(); }
  const Amp* data() const { return data_.get(); }

  // Precondition: index < size().
  void set_basis(uint64_t index) {
    Amp* d = data_.get();
    for (uint64_t i = 0; i < size_; ++i) d[i] = Amp(0, 0);
    d[index] = Amp(1, 0);
  }

 private:
  int n_qubits_;
  uint64_t size_;
  AlignedArray<Amp> data_;
};

}  // namespace qdcnn
