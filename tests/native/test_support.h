#pragma once
// Shared fixtures of the native tests: random states and matrices, a dense reference simulator,
// and RAII owners for C handles.
#include <gtest/gtest.h>

#include <cmath>
#include <complex>
#include <cstdint>
#include <random>
#include <vector>

#include "qdcnn/qdcnn.h"

namespace qdcnn::test {

using cd = std::complex<double>;

inline std::vector<cd> random_state(int n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> g;
  std::vector<cd> s(size_t{1} << n);
  double norm = 0;
  for (cd& a : s) {
    a = {g(rng), g(rng)};
    norm += std::norm(a);
  }
  for (cd& a : s) a /= std::sqrt(norm);
  return s;
}

inline std::vector<cd> random_matrix(int k, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(-1, 1);
  std::vector<cd> m(size_t{1} << (2 * k));
  for (cd& a : m) a = {u(rng), u(rng)};
  return m;
}

// Random unitary via Gram-Schmidt on a random matrix's columns.
inline std::vector<cd> random_unitary(int k, uint64_t seed) {
  const int d = 1 << k;
  std::vector<cd> m = random_matrix(k, seed);
  for (int c = 0; c < d; ++c) {
    for (int p = 0; p < c; ++p) {
      cd dot = 0;
      for (int r = 0; r < d; ++r) dot += std::conj(m[r * d + p]) * m[r * d + c];
      for (int r = 0; r < d; ++r) m[r * d + c] -= dot * m[r * d + p];
    }
    double norm = 0;
    for (int r = 0; r < d; ++r) norm += std::norm(m[r * d + c]);
    for (int r = 0; r < d; ++r) m[r * d + c] /= std::sqrt(norm);
  }
  return m;
}

// Dense reference: applies matrix (bit j of an index = qubits[j]) to state.
inline void reference_apply(std::vector<cd>& state, const std::vector<int>& qubits,
                            const std::vector<cd>& matrix) {
  const int k = static_cast<int>(qubits.size());
  const int d = 1 << k;
  uint64_t mask = 0;
  for (int q : qubits) mask |= uint64_t{1} << q;
  std::vector<cd> out(state.size(), 0.0);
  for (uint64_t i = 0; i < state.size(); ++i) {
    int r = 0;
    for (int j = 0; j < k; ++j) r |= static_cast<int>((i >> qubits[j]) & 1) << j;
    const uint64_t rest = i & ~mask;
    for (int c = 0; c < d; ++c) {
      uint64_t src = rest;
      for (int j = 0; j < k; ++j) src |= static_cast<uint64_t>((c >> j) & 1) << qubits[j];
      out[i] += matrix[r * d + c] * state[src];
    }
  }
  state.swap(out);
}

inline double max_abs_diff(const std::vector<cd>& a, const std::vector<cd>& b) {
  double m = 0;
  for (size_t i = 0; i < a.size(); ++i) m = std::max(m, std::abs(a[i] - b[i]));
  return m;
}

inline std::vector<double> interleave(const std::vector<cd>& v) {
  std::vector<double> out(2 * v.size());
  for (size_t i = 0; i < v.size(); ++i) {
    out[2 * i] = v[i].real();
    out[2 * i + 1] = v[i].imag();
  }
  return out;
}

inline std::vector<cd> deinterleave(const std::vector<double>& v) {
  std::vector<cd> out(v.size() / 2);
  for (size_t i = 0; i < out.size(); ++i) out[i] = {v[2 * i], v[2 * i + 1]};
  return out;
}

inline std::string last_error() {
  const char* m = nullptr;
  qdcnn_error_message(&m);
  return m ? m : "";
}

#define QDCNN_ASSERT_OK(expr)                                                 \
  do {                                                                        \
    const qdcnn_status qdcnn_test_status_ = (expr);                           \
    ASSERT_EQ(qdcnn_test_status_, QDCNN_OK) << ::qdcnn::test::last_error();   \
  } while (0)

// RAII owners of C handles.
template <typename H, qdcnn_status (*Destroy)(H*)>
class Owned {
 public:
  Owned() = default;
  explicit Owned(H* h) : h_(h) {}
  ~Owned() { Destroy(h_); }
  Owned(const Owned&) = delete;
  Owned& operator=(const Owned&) = delete;
  Owned(Owned&& o) noexcept : h_(o.h_) { o.h_ = nullptr; }
  Owned& operator=(Owned&& o) noexcept {
    if (this != &o) {
      Destroy(h_);
      h_ = o.h_;
      o.h_ = nullptr;
    }
    return *this;
  }
  H* get() const { return h_; }
  H** out() { return &h_; }

 private:
  H* h_ = nullptr;
};
using CircuitPtr = Owned<qdcnn_circuit, qdcnn_circuit_destroy>;
using ObservablePtr = Owned<qdcnn_observable, qdcnn_observable_destroy>;
using StatePtr = Owned<qdcnn_state, qdcnn_state_destroy>;
using SimulatorPtr = Owned<qdcnn_simulator, qdcnn_simulator_destroy>;

// Angle binding shorthands for qdcnn_circuit_add_gate.
struct Angle {
  int32_t source;
  int32_t index;
  double scale;
  double offset;
};
inline Angle constant(double v) { return {QDCNN_ANGLE_CONSTANT, 0, 1.0, v}; }
inline Angle param(int32_t i, double scale = 1.0, double offset = 0.0) {
  return {QDCNN_ANGLE_PARAMETER, i, scale, offset};
}
inline Angle input(int32_t i, double scale = 1.0, double offset = 0.0) {
  return {QDCNN_ANGLE_INPUT, i, scale, offset};
}

inline qdcnn_status add_gate(qdcnn_circuit* c, int32_t gate, std::vector<int32_t> qubits,
                             std::vector<Angle> angles = {}) {
  std::vector<int32_t> sources, indices;
  std::vector<double> scales, offsets;
  for (const Angle& a : angles) {
    sources.push_back(a.source);
    indices.push_back(a.index);
    scales.push_back(a.scale);
    offsets.push_back(a.offset);
  }
  return qdcnn_circuit_add_gate(c, gate, qubits.data(), qubits.size(), sources.data(),
                                indices.data(), scales.data(), offsets.data(), angles.size());
}

// Gate kinds with their qubit and angle counts (every qdcnn_gate but the unitaries).
struct GateShape {
  int32_t gate;
  int n_qubits;
  int n_angles;
};
inline std::vector<GateShape> all_fixed_gates() {
  return {{QDCNN_GATE_I, 1, 0},     {QDCNN_GATE_H, 1, 0},      {QDCNN_GATE_X, 1, 0},
          {QDCNN_GATE_Y, 1, 0},     {QDCNN_GATE_Z, 1, 0},      {QDCNN_GATE_S, 1, 0},
          {QDCNN_GATE_SDG, 1, 0},   {QDCNN_GATE_T, 1, 0},      {QDCNN_GATE_TDG, 1, 0},
          {QDCNN_GATE_SX, 1, 0},    {QDCNN_GATE_RX, 1, 1},     {QDCNN_GATE_RY, 1, 1},
          {QDCNN_GATE_RZ, 1, 1},    {QDCNN_GATE_PHASE, 1, 1},  {QDCNN_GATE_U3, 1, 3},
          {QDCNN_GATE_CNOT, 2, 0},  {QDCNN_GATE_CZ, 2, 0},     {QDCNN_GATE_SWAP, 2, 0},
          {QDCNN_GATE_CRX, 2, 1},   {QDCNN_GATE_CRY, 2, 1},    {QDCNN_GATE_CRZ, 2, 1},
          {QDCNN_GATE_CPHASE, 2, 1}, {QDCNN_GATE_RXX, 2, 1},   {QDCNN_GATE_RYY, 2, 1},
          {QDCNN_GATE_RZZ, 2, 1}};
}

inline std::vector<cd> gate_matrix(int32_t gate, int k, const std::vector<double>& angles) {
  std::vector<double> out(size_t{2} << (2 * k));
  EXPECT_EQ(qdcnn_gate_matrix(gate, angles.data(), angles.size(), out.data(), out.size()),
            QDCNN_OK)
      << last_error();
  return deinterleave(out);
}

}  // namespace qdcnn::test
