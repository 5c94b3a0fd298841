// The batch-major (lane) path against the one-sample path. A batch of more than one sample on a
// small register runs in the lane layout; a batch of one runs one sample at a time (see
// Simulator::use_lanes), so calling with each sample alone gives an independent reference, for
// forward outputs and for the adjoint gradients. Covers every gate kind, angles bound to
// constants, parameters and inputs, real and complex circuits, amplitude encoding, both
// precisions, batch sizes that do and do not fill the last chunk, registers large enough to be
// processed in L1-sized blocks, and 1, 2 and 3 threads.
#include <gtest/gtest.h>

#include "circuit_fixtures.h"

namespace qdcnn::test {
namespace {

struct Case {
  int32_t precision;
  int n_qubits;
  size_t batch;
  int threads;
  bool real;
  bool amplitudes;
};

std::string describe(const Case& c) {
  return std::string(c.precision == QDCNN_PRECISION_COMPLEX64 ? "c64" : "c128") + " n=" +
         std::to_string(c.n_qubits) + " B=" + std::to_string(c.batch) +
         " threads=" + std::to_string(c.threads) + (c.real ? " real" : " complex") +
         (c.amplitudes ? " amplitudes" : "");
}

// The layer of the benchmarks: RY(input) on every qubit, then per layer RY(parameter) on every
// qubit and a CNOT ladder (absorbed into a relabelled frame, so the next layer's rotations
// address their pairs through it), plus X and SWAP.
CircuitPtr ladder_circuit(int n, int layers) {
  CircuitPtr c;
  EXPECT_EQ(qdcnn_circuit_create(n, c.out()), QDCNN_OK);
  for (int q = 0; q < n; ++q) EXPECT_EQ(add_gate(c.get(), QDCNN_GATE_RY, {q}, {input(q, 0.9, 0.1)}), QDCNN_OK);
  for (int layer = 0; layer < layers; ++layer) {
    for (int q = 0; q < n; ++q) {
      EXPECT_EQ(add_gate(c.get(), QDCNN_GATE_RY, {q}, {param(layer * n + q, 1.1, -0.2)}), QDCNN_OK);
    }
    for (int q = 0; q + 1 < n; ++q) EXPECT_EQ(add_gate(c.get(), QDCNN_GATE_CNOT, {q, q + 1}, {}), QDCNN_OK);
    EXPECT_EQ(add_gate(c.get(), QDCNN_GATE_X, {layer % n}, {}), QDCNN_OK);
    if (n >= 2) EXPECT_EQ(add_gate(c.get(), QDCNN_GATE_SWAP, {0, n - 1}, {}), QDCNN_OK);
  }
  return c;
}

// Only Z strings and the identity: the lane path then ends in the relabelled frame (no gather
// back; outputs and lambda read psi through the frame's map).
ObservablePtr diagonal_observable(int n) {
  ObservablePtr o;
  EXPECT_EQ(qdcnn_observable_create(n, o.out()), QDCNN_OK);
  for (int q = 0; q < n; ++q) EXPECT_EQ(qdcnn_observable_add_z(o.get(), q), QDCNN_OK);
  if (n >= 2) {
    const int32_t out = n;
    const int32_t zz[] = {QDCNN_PAULI_Z, QDCNN_PAULI_Z};
    const int32_t q1[] = {0, static_cast<int32_t>(n - 1)};
    EXPECT_EQ(qdcnn_observable_add_term(o.get(), out, -0.4, zz, q1, 2), QDCNN_OK);
    EXPECT_EQ(qdcnn_observable_add_term(o.get(), out, 0.25, nullptr, nullptr, 0), QDCNN_OK);
    const int32_t z[] = {QDCNN_PAULI_Z};
    const int32_t q2[] = {static_cast<int32_t>(n / 2)};
    EXPECT_EQ(qdcnn_observable_add_term(o.get(), out, 0.6, z, q2, 1), QDCNN_OK);
  }
  return o;
}

void check_circuit(const Case& k, const CircuitPtr& c, uint64_t seed, bool diagonal = false);

void check_case(const Case& k, uint64_t seed, bool ladder = false, int n_gates = 45,
                bool diagonal = false) {
  SCOPED_TRACE(describe(k) + (ladder ? " ladder" : "") + (diagonal ? " diagonal" : ""));
  RandomCircuitSpec spec;
  spec.n_qubits = k.n_qubits;
  spec.n_gates = n_gates;
  spec.n_params = 6;
  spec.n_inputs = 4;
  spec.amplitude_encoding = k.amplitudes;
  spec.seed = seed;
  CircuitPtr c = ladder ? ladder_circuit(k.n_qubits, 3)
                 : k.real ? random_real_circuit(spec) : random_circuit(spec);
  check_circuit(k, c, seed, diagonal);
}

// Forward outputs and adjoint gradients of a batch against each sample alone.
void check_circuit(const Case& k, const CircuitPtr& c, uint64_t seed, bool diagonal) {
  ObservablePtr o = diagonal ? diagonal_observable(k.n_qubits) : mixed_observable(k.n_qubits);
  const size_t n_in = static_cast<size_t>(circuit_inputs(c.get()));
  const size_t n_out = static_cast<size_t>(n_outputs(o.get()));
  const std::vector<double> params =
      random_values(static_cast<size_t>(circuit_params(c.get())), seed + 1);
  const std::vector<double> inputs = random_values(k.batch * n_in, seed + 2, 0.1, 1.0);
  const std::vector<double> grad_out = random_values(k.batch * n_out, seed + 3);
  SimulatorPtr sim;
  ASSERT_EQ(qdcnn_simulator_create(k.precision, sim.out()), QDCNN_OK);
  ASSERT_EQ(qdcnn_simulator_set_threads(sim.get(), k.threads), QDCNN_OK);

  std::vector<double> out(k.batch * n_out), g_in(k.batch * n_in), g_par(params.size());
  QDCNN_ASSERT_OK(qdcnn_simulator_forward(sim.get(), c.get(), o.get(), params.data(),
                                          params.size(), inputs.data(), inputs.size(), k.batch,
                                          out.data(), out.size()));
  QDCNN_ASSERT_OK(qdcnn_simulator_backward(
      sim.get(), c.get(), o.get(), params.data(), params.size(), inputs.data(), inputs.size(),
      k.batch, grad_out.data(), grad_out.size(), g_in.data(), g_in.size(), g_par.data(),
      g_par.size()));

  const bool f32 = k.precision == QDCNN_PRECISION_COMPLEX64;
  const double tol = f32 ? 2e-4 : 1e-10;
  std::vector<double> g_par_sum(params.size(), 0.0);
  for (size_t b = 0; b < k.batch; ++b) {
    std::vector<double> one_out(n_out), one_g_in(n_in), one_g_par(params.size());
    const double* row = inputs.data() + b * n_in;
    QDCNN_ASSERT_OK(qdcnn_simulator_forward(sim.get(), c.get(), o.get(), params.data(),
                                            params.size(), row, n_in, 1, one_out.data(),
                                            one_out.size()));
    QDCNN_ASSERT_OK(qdcnn_simulator_backward(
        sim.get(), c.get(), o.get(), params.data(), params.size(), row, n_in, 1,
        grad_out.data() + b * n_out, n_out, one_g_in.data(), one_g_in.size(), one_g_par.data(),
        one_g_par.size()));
    for (size_t j = 0; j < n_out; ++j) {
      EXPECT_NEAR(out[b * n_out + j], one_out[j], tol) << "sample " << b << " output " << j;
    }
    for (size_t j = 0; j < n_in; ++j) {
      EXPECT_NEAR(g_in[b * n_in + j], one_g_in[j], tol * 10) << "sample " << b << " input " << j;
    }
    for (size_t p = 0; p < params.size(); ++p) g_par_sum[p] += one_g_par[p];
  }
  for (size_t p = 0; p < params.size(); ++p) {
    EXPECT_NEAR(g_par[p], g_par_sum[p], tol * 10 * static_cast<double>(k.batch)) << "param " << p;
  }
}

TEST(LanePath, ComplexCircuitsEqualOneByOne) {
  uint64_t seed = 100;
  for (int32_t precision : {QDCNN_PRECISION_COMPLEX128, QDCNN_PRECISION_COMPLEX64}) {
    for (int n : {1, 3, 5}) {
      for (size_t batch : {2, 9, 17}) {
        check_case({precision, n, batch, 1, false, false}, ++seed);
      }
    }
    check_case({precision, 4, 7, 1, false, true}, ++seed);
  }
}

TEST(LanePath, RealCircuitsEqualOneByOne) {
  uint64_t seed = 200;
  for (int32_t precision : {QDCNN_PRECISION_COMPLEX128, QDCNN_PRECISION_COMPLEX64}) {
    for (int n : {2, 3, 6}) {
      for (size_t batch : {3, 8, 33}) {
        check_case({precision, n, batch, 1, true, false}, ++seed);
      }
    }
    check_case({precision, 5, 9, 1, true, true}, ++seed);
  }
}

// Registers above the L1 block size run blocked segments and whole-chunk segments.
TEST(LanePath, BlockedRegistersEqualOneByOne) {
  uint64_t seed = 300;
  for (int32_t precision : {QDCNN_PRECISION_COMPLEX128, QDCNN_PRECISION_COMPLEX64}) {
    check_case({precision, 9, 5, 1, false, false}, ++seed);
    check_case({precision, 11, 3, 1, true, false}, ++seed);
    check_case({precision, 10, 4, 1, true, true}, ++seed);
  }
}

TEST(LanePath, LadderCircuitsEqualOneByOne) {
  uint64_t seed = 500;
  for (int32_t precision : {QDCNN_PRECISION_COMPLEX128, QDCNN_PRECISION_COMPLEX64}) {
    for (int n : {2, 5, 10, 11}) {
      for (int threads : {1, 2}) check_case({precision, n, 19, threads, true, false}, ++seed, true);
    }
  }
}

TEST(LanePath, ThreadsEqualOneByOne) {
  uint64_t seed = 400;
  for (int threads : {2, 3}) {
    for (int32_t precision : {QDCNN_PRECISION_COMPLEX128, QDCNN_PRECISION_COMPLEX64}) {
      check_case({precision, 4, 37, threads, false, false}, ++seed);
      check_case({precision, 5, 41, threads, true, true}, ++seed);
    }
  }
}

// A zero amplitude slice in a padding-filled last chunk names the real sample.
TEST(LanePath, ZeroNormNamesTheSample) {
  CircuitPtr c;
  ASSERT_EQ(qdcnn_circuit_create(2, c.out()), QDCNN_OK);
  ASSERT_EQ(qdcnn_circuit_set_initial_amplitudes(c.get(), 0, 4), QDCNN_OK);
  ObservablePtr o;
  ASSERT_EQ(qdcnn_observable_create(2, o.out()), QDCNN_OK);
  ASSERT_EQ(qdcnn_observable_add_z(o.get(), 0), QDCNN_OK);
  SimulatorPtr sim;
  ASSERT_EQ(qdcnn_simulator_create(QDCNN_PRECISION_COMPLEX128, sim.out()), QDCNN_OK);
  std::vector<double> inputs(10 * 4, 0.5);
  for (int i = 0; i < 4; ++i) inputs[9 * 4 + i] = 0.0;
  std::vector<double> out(10, -7.0);
  EXPECT_EQ(qdcnn_simulator_forward(sim.get(), c.get(), o.get(), nullptr, 0, inputs.data(),
                                    inputs.size(), 10, out.data(), out.size()),
            QDCNN_ERROR_ZERO_NORM);
  EXPECT_NE(last_error().find("sample 9"), std::string::npos) << last_error();
  for (double v : out) EXPECT_EQ(v, -7.0);  // outputs untouched on failure
}

// Permutations anywhere (random X, CNOT, SWAP between every gate kind) are absorbed into the
// relabelled frame: controlled 2x2 ops, input-bound non-rotations (U3) and several-angle ops
// after them run as kPairs, and any other op first writes the rows back in logical order.
// Shorter circuits keep more of their single-qubit starts in the product-state prefix.
TEST(LanePath, RelabelledFramesEqualOneByOne) {
  uint64_t seed = 600;
  for (int32_t precision : {QDCNN_PRECISION_COMPLEX128, QDCNN_PRECISION_COMPLEX64}) {
    for (int n : {3, 4, 5, 10}) {
      for (int n_gates : {12, 35}) {
        for (size_t batch : {3, 9}) {
          check_case({precision, n, batch, 1, false, false}, ++seed, false, n_gates);
          check_case({precision, n, batch, 1, true, false}, ++seed, false, n_gates);
        }
      }
    }
  }
}

// With a diagonal observable the program ends in its relabelled frame: ladder circuits (real,
// whose layers run as grouped rotations) and random real and complex circuits with
// permutations anywhere, both precisions, odd batches, 1 and 2 threads.
TEST(LanePath, DiagonalObservablesInFinalFrameEqualOneByOne) {
  uint64_t seed = 800;
  for (int32_t precision : {QDCNN_PRECISION_COMPLEX128, QDCNN_PRECISION_COMPLEX64}) {
    for (int n : {2, 5, 10, 11}) {
      for (int threads : {1, 2}) {
        check_case({precision, n, 19, threads, true, false}, ++seed, true, 45, true);
      }
    }
    for (int n : {3, 5, 10}) {
      for (size_t batch : {3, 9}) {
        check_case({precision, n, batch, 1, false, false}, ++seed, false, 35, true);
        check_case({precision, n, batch, 1, true, false}, ++seed, false, 35, true);
      }
    }
  }
}

// A basis initial state with single-qubit starts of every kind (rotations bound to inputs and
// parameters, a three-angle U3, fixed gates, X) is built as a product state; the gradients of
// those starts come from contracting the bra with the other qubits' factors.
TEST(LanePath, ProductStartFromBasisStateEqualsOneByOne) {
  uint64_t seed = 700;
  for (int32_t precision : {QDCNN_PRECISION_COMPLEX128, QDCNN_PRECISION_COMPLEX64}) {
    for (int n : {1, 2, 5, 11}) {
      CircuitPtr c;
      ASSERT_EQ(qdcnn_circuit_create(n, c.out()), QDCNN_OK);
      ASSERT_EQ(qdcnn_circuit_set_initial_basis(c.get(), (uint64_t{0b10110} >> 1) & ((uint64_t{1} << n) - 1)),
                QDCNN_OK);
      for (int q = 0; q < n; ++q) {
        ASSERT_EQ(add_gate(c.get(), QDCNN_GATE_RY, {q}, {input(q % 4, 0.8, 0.2)}), QDCNN_OK);
        switch (q % 4) {
          case 0: ASSERT_EQ(add_gate(c.get(), QDCNN_GATE_RZ, {q}, {param(q % 6, 1.2, 0.1)}), QDCNN_OK); break;
          case 1:
            ASSERT_EQ(add_gate(c.get(), QDCNN_GATE_U3, {q},
                               {param(q % 6, 1.0, 0.0), input((q + 1) % 4, 0.7, -0.3), constant(0.4)}),
                      QDCNN_OK);
            break;
          case 2: ASSERT_EQ(add_gate(c.get(), QDCNN_GATE_H, {q}, {}), QDCNN_OK); break;
          default: ASSERT_EQ(add_gate(c.get(), QDCNN_GATE_X, {q}, {}), QDCNN_OK); break;
        }
        ASSERT_EQ(add_gate(c.get(), QDCNN_GATE_RX, {q}, {param((q + 2) % 6, 0.9, 0.3)}), QDCNN_OK);
      }
      for (int q = 0; q + 1 < n; ++q) ASSERT_EQ(add_gate(c.get(), QDCNN_GATE_CNOT, {q, q + 1}, {}), QDCNN_OK);
      for (int q = 0; q < n; ++q) {
        ASSERT_EQ(add_gate(c.get(), QDCNN_GATE_RY, {q}, {param((q + 3) % 6, 1.1, 0.0)}), QDCNN_OK);
      }
      for (size_t batch : {2, 17}) {
        const Case k{precision, n, batch, 1, false, false};
        SCOPED_TRACE(describe(k) + " basis start");
        check_circuit(k, c, ++seed);
      }
    }
  }
}

}  // namespace
}  // namespace qdcnn::test
