#pragma once
// Random circuits built through the C ABI, shared by simulator, fusion and adjoint tests.
#include <cmath>
#include <random>

#include "test_support.h"

namespace qdcnn::test {

struct RandomCircuitSpec {
  int n_qubits = 4;
  int n_gates = 30;
  int n_params = 5;
  int n_inputs = 3;
  bool amplitude_encoding = false;  // inputs [n_inputs, n_inputs + 2^n) hold the amplitudes
  uint64_t seed = 1;
};

// Every gate kind appears with random qubits; angles bound to constants, parameters (with scale
// and offset) or inputs. Also unitaries.
inline CircuitPtr random_circuit(const RandomCircuitSpec& spec) {
  CircuitPtr c;
  EXPECT_EQ(qdcnn_circuit_create(spec.n_qubits, c.out()), QDCNN_OK);
  std::mt19937_64 rng(spec.seed);
  const std::vector<GateShape> gates = all_fixed_gates();
  std::uniform_real_distribution<double> u(-1.5, 1.5);
  for (int i = 0; i < spec.n_gates; ++i) {
    const GateShape& g = gates[rng() % gates.size()];
    if (g.n_qubits > spec.n_qubits) continue;
    std::vector<int32_t> qubits;
    while (static_cast<int>(qubits.size()) < g.n_qubits) {
      const int32_t q = static_cast<int32_t>(rng() % static_cast<uint64_t>(spec.n_qubits));
      if (std::find(qubits.begin(), qubits.end(), q) == qubits.end()) qubits.push_back(q);
    }
    std::vector<Angle> angles;
    for (int a = 0; a < g.n_angles; ++a) {
      switch (rng() % 3) {
        case 0: angles.push_back(constant(u(rng))); break;
        case 1:
          angles.push_back(param(static_cast<int32_t>(rng() % static_cast<uint64_t>(spec.n_params)),
                                 u(rng), u(rng)));
          break;
        default:
          if (spec.n_inputs > 0) {
            angles.push_back(input(static_cast<int32_t>(rng() % static_cast<uint64_t>(spec.n_inputs)),
                                   u(rng), u(rng)));
          } else {
            angles.push_back(constant(u(rng)));
          }
      }
    }
    EXPECT_EQ(add_gate(c.get(), g.gate, qubits, angles), QDCNN_OK) << last_error();
    if (i % 10 == 5) {
      const int k = spec.n_qubits >= 2 ? 2 : 1;
      std::vector<int32_t> uq = {0};
      if (k == 2) uq.push_back(spec.n_qubits - 1);
      const std::vector<double> m = interleave(random_unitary(k, spec.seed * 31 + i));
      EXPECT_EQ(qdcnn_circuit_add_unitary(c.get(), uq.data(), uq.size(), m.data(), m.size()),
                QDCNN_OK)
          << last_error();
    }
  }
  if (spec.amplitude_encoding) {
    EXPECT_EQ(qdcnn_circuit_set_initial_amplitudes(c.get(), spec.n_inputs,
                                                   (1 << spec.n_qubits) - 1),
              QDCNN_OK);
  }
  EXPECT_EQ(qdcnn_circuit_declare(c.get(), spec.n_params, spec.n_inputs), QDCNN_OK);
  return c;
}

// A circuit of only real gates (H, X, Z, RY, CNOT, CZ, SWAP, CRY, a real orthogonal unitary):
// its states stay real, which the lane path exploits. Angles as random_circuit.
inline CircuitPtr random_real_circuit(const RandomCircuitSpec& spec) {
  CircuitPtr c;
  EXPECT_EQ(qdcnn_circuit_create(spec.n_qubits, c.out()), QDCNN_OK);
  std::mt19937_64 rng(spec.seed);
  const int32_t kinds[] = {QDCNN_GATE_H,    QDCNN_GATE_X,  QDCNN_GATE_Z,
                           QDCNN_GATE_RY,   QDCNN_GATE_RY, QDCNN_GATE_CNOT,
                           QDCNN_GATE_CZ,   QDCNN_GATE_SWAP, QDCNN_GATE_CRY, QDCNN_GATE_I};
  std::uniform_real_distribution<double> u(-1.5, 1.5);
  for (int i = 0; i < spec.n_gates; ++i) {
    const int32_t gate = kinds[rng() % (sizeof(kinds) / sizeof(kinds[0]))];
    const bool two = gate == QDCNN_GATE_CNOT || gate == QDCNN_GATE_CZ ||
                     gate == QDCNN_GATE_SWAP || gate == QDCNN_GATE_CRY;
    if (two && spec.n_qubits < 2) continue;
    std::vector<int32_t> qubits;
    while (static_cast<int>(qubits.size()) < (two ? 2 : 1)) {
      const int32_t q = static_cast<int32_t>(rng() % static_cast<uint64_t>(spec.n_qubits));
      if (std::find(qubits.begin(), qubits.end(), q) == qubits.end()) qubits.push_back(q);
    }
    std::vector<Angle> angles;
    if (gate == QDCNN_GATE_RY || gate == QDCNN_GATE_CRY) {
      switch (rng() % 3) {
        case 0: angles.push_back(constant(u(rng))); break;
        case 1:
          angles.push_back(param(static_cast<int32_t>(rng() % static_cast<uint64_t>(spec.n_params)),
                                 u(rng), u(rng)));
          break;
        default:
          angles.push_back(input(static_cast<int32_t>(rng() % static_cast<uint64_t>(spec.n_inputs)),
                                 u(rng), u(rng)));
      }
    }
    EXPECT_EQ(add_gate(c.get(), gate, qubits, angles), QDCNN_OK) << last_error();
    if (i % 10 == 5 && spec.n_qubits >= 2) {
      // A real orthogonal 4x4: a rotation in the (0, 3) plane times a reflection of 1 and 2.
      const double t = u(rng), co = std::cos(t), si = std::sin(t);
      const std::vector<cd> m = {co, 0, 0, -si, 0, 0, 1, 0, 0, 1, 0, 0, si, 0, 0, co};
      const std::vector<int32_t> uq = {static_cast<int32_t>(spec.n_qubits - 1), 0};
      const std::vector<double> mi = interleave(m);
      EXPECT_EQ(qdcnn_circuit_add_unitary(c.get(), uq.data(), uq.size(), mi.data(), mi.size()),
                QDCNN_OK)
          << last_error();
    }
  }
  if (spec.amplitude_encoding) {
    EXPECT_EQ(qdcnn_circuit_set_initial_amplitudes(c.get(), spec.n_inputs,
                                                   (1 << spec.n_qubits) - 1),
              QDCNN_OK);
  }
  EXPECT_EQ(qdcnn_circuit_declare(c.get(), spec.n_params, spec.n_inputs), QDCNN_OK);
  return c;
}

inline std::vector<double> random_values(size_t n, uint64_t seed, double lo = -1, double hi = 1) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(lo, hi);
  std::vector<double> v(n);
  for (double& x : v) x = u(rng);
  return v;
}

inline int32_t circuit_params(const qdcnn_circuit* c) {
  int32_t p = 0;
  qdcnn_circuit_info(c, nullptr, nullptr, &p, nullptr);
  return p;
}
inline int32_t circuit_inputs(const qdcnn_circuit* c) {
  int32_t i = 0;
  qdcnn_circuit_info(c, nullptr, nullptr, nullptr, &i);
  return i;
}

// Observable with <Z_q> per qubit plus one mixed Pauli output.
inline ObservablePtr mixed_observable(int n) {
  ObservablePtr o;
  EXPECT_EQ(qdcnn_observable_create(n, o.out()), QDCNN_OK);
  for (int q = 0; q < n; ++q) EXPECT_EQ(qdcnn_observable_add_z(o.get(), q), QDCNN_OK);
  if (n >= 2) {
    const int32_t out = n;
    const int32_t p1[] = {QDCNN_PAULI_X, QDCNN_PAULI_Y};
    const int32_t q1[] = {0, static_cast<int32_t>(n - 1)};
    EXPECT_EQ(qdcnn_observable_add_term(o.get(), out, 0.7, p1, q1, 2), QDCNN_OK);
    const int32_t p2[] = {QDCNN_PAULI_Z, QDCNN_PAULI_Z};
    EXPECT_EQ(qdcnn_observable_add_term(o.get(), out, -0.4, p2, q1, 2), QDCNN_OK);
    EXPECT_EQ(qdcnn_observable_add_term(o.get(), out, 0.25, nullptr, nullptr, 0), QDCNN_OK);
  }
  return o;
}

inline int32_t n_outputs(const qdcnn_observable* o) {
  int32_t n = 0;
  qdcnn_observable_count(o, &n);
  return n;
}

}  // namespace qdcnn::test
