#include "core/lane_engine.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/errors.h"
#include "core/lane_product_state.h"

namespace qdcnn {
namespace {

inline double parity_sign(uint64_t x) { return (__builtin_popcountll(x) & 1) ? -1.0 : 1.0; }

bool single_z(const PauliTerm& t) {
  return t.flip_mask == 0 && __builtin_popcountll(t.phase_mask) == 1;
}
bool identity(const PauliTerm& t) { return t.flip_mask == 0 && t.phase_mask == 0; }

// Re(i^{n_y} z) for z = (re, im).
inline double real_of_i_power(int n_y, double re, double im) {
  switch (n_y & 3) {
    case 0: return re;
    case 1: return -im;
    case 2: return -re;
    default: return im;
  }
}

}  // namespace

LaneChunk make_lane_chunk(const double* inputs, uint64_t n_inputs, uint64_t batch, uint64_t chunk,
                          int lanes) {
  LaneChunk c;
  c.first = chunk * static_cast<uint64_t>(lanes);
  c.valid = static_cast<int>(std::min<uint64_t>(static_cast<uint64_t>(lanes), batch - c.first));
  for (int l = 0; l < lanes; ++l) {
    const uint64_t b = c.first + static_cast<uint64_t>(std::min(l, c.valid - 1));
    c.rows[l] = inputs ? inputs + b * n_inputs : nullptr;
  }
  return c;
}

template <typename T>
void reserve_lane_scratch(LaneScratch<T>& s, const LaneProgram<T>& program, bool with_lambda) {
  const size_t plane = (size_t{1} << program.n_qubits) * static_cast<size_t>(kLanes<T>);
  s.psi.ensure(2 * plane);
  if (with_lambda) s.lambda.ensure(2 * plane);
  if (with_lambda && !program.prefix.empty()) s.contraction.ensure(2 * plane);
  s.work.ensure(plane);
  if (!program.final_source.empty()) s.ordered.ensure(2 * plane);
  s.matrices.ensure(std::max<size_t>(program.sample_values, 1));
  s.temp.ensure(static_cast<size_t>(4 * 16 * kLanes<T>));  // an adjoint and a derivative
  s.values.resize(static_cast<size_t>(program.n_qubits + 1) * kLanes<T>);
}

template <typename T>
void lane_prepare(const Circuit& circuit, const LaneChunk& chunk, bool real, T* re, T* im) {
  constexpr int L = kLanes<T>;
  const uint64_t size = uint64_t{1} << circuit.n_qubits();
  std::fill(re, re + size * L, T(0));
  if (!real) std::fill(im, im + size * L, T(0));
  switch (circuit.initial_state()) {
    case InitialState::kZero:
    case InitialState::kBasis: {
      const uint64_t index =
          circuit.initial_state() == InitialState::kZero ? 0 : circuit.initial_basis();
      for (int l = 0; l < L; ++l) re[index * L + static_cast<uint64_t>(l)] = T(1);
      return;
    }
    case InitialState::kAmplitudes: {
      const uint64_t length = static_cast<uint64_t>(circuit.amplitude_length());
      for (int l = 0; l < L; ++l) {
        const double* x = chunk.rows[l] + circuit.amplitude_offset();
        double norm2 = 0;
        for (uint64_t i = 0; i < length; ++i) norm2 += x[i] * x[i];
        if (!(norm2 > 0)) {
          const uint64_t sample = chunk.first + static_cast<uint64_t>(std::min(l, chunk.valid - 1));
          throw Error(QDCNN_ERROR_ZERO_NORM,
                      "inputs of sample " + std::to_string(sample) + ": the amplitude slice [" +
                          std::to_string(circuit.amplitude_offset()) + ", " +
                          std::to_string(circuit.amplitude_offset() +
                                         circuit.amplitude_length()) +
                          ") is all zeros and cannot be normalised");
        }
        const double inv = 1.0 / std::sqrt(norm2);
        for (uint64_t i = 0; i < length; ++i) re[i * L + static_cast<uint64_t>(l)] = static_cast<T>(x[i] * inv);
      }
      return;
    }
  }
}

template <typename T>
void lane_start(const Circuit& circuit, const LaneProgram<T>& program, const double* params,
                const LaneChunk& chunk, LaneScratch<T>& s, bool with_derivatives, T* re, T* im) {
  if (program.prefix.empty()) {
    lane_prepare(circuit, chunk, program.real, re, im);
    return;
  }
  lane_product_factors(circuit, program, params, chunk.rows, with_derivatives, s.factors,
                       s.factor_derivatives);
  lane_build_product_state(program.n_qubits, s.factors.data(), program.real, re, im);
}

template <typename T>
LaneKernelSet<T> lane_kernel_set(const Simulator<T>& sim) {
  return {sim.kernels().template lanes<T>(), lane_relabel_kernels<T>(sim.kernels().kind)};
}

template <typename T>
void lane_apply_op(const LaneKernelSet<T>& ks, bool real, int n, uint64_t block, const LaneOp& op,
                   const T* m, T* re, T* im, T* temp, bool undo) {
  const LaneKernels<T>& k = ks.table;
  const T* mim = m + op.entries * kLanes<T>;
  switch (op.kind) {
    case LaneOpKind::kDense1:
      k.dense1(re, im, n, op.qubits[0], op.qubits[1], m, mim, real);
      return;
    case LaneOpKind::kPairs: {
      LanePairs pairs;
      if (lane_block_pairs(op, n, block, &pairs)) ks.pairs.dense1(re, im, n, pairs, m, mim, real);
      return;
    }
    case LaneOpKind::kDense2:
      k.dense2(re, im, n, op.qubits[0], op.qubits[1], m, mim, real);
      return;
    case LaneOpKind::kDiag:
      k.diag(re, im, n, op.qubits, op.k, m, mim, real);
      return;
    case LaneOpKind::kPermute:
      k.permute(re, n, op.select_mask, op.select_value, op.flip);
      if (!real) k.permute(im, n, op.select_mask, op.select_value, op.flip);
      return;
    case LaneOpKind::kGather: {
      const uint32_t* source = undo ? op.inverse.data() : op.source.data();
      k.gather(re, temp, n, source);
      if (!real) k.gather(im, temp, n, source);
      return;
    }
  }
}

template <typename T>
void lane_inner(const LaneKernelSet<T>& ks, bool real, int n, uint64_t block, const LaneOp& op,
                const T* bre, const T* bim, const T* kre, const T* kim, const T* m, double* out) {
  const LaneKernels<T>& k = ks.table;
  const T* mim = m + op.entries * kLanes<T>;
  switch (op.kind) {
    case LaneOpKind::kDense1:
      k.inner1(bre, bim, kre, kim, n, op.qubits[0], op.qubits[1], m, mim, real, out);
      return;
    case LaneOpKind::kPairs: {
      LanePairs pairs;
      if (lane_block_pairs(op, n, block, &pairs)) {
        ks.pairs.inner1(bre, bim, kre, kim, n, pairs, m, mim, real, out);
      }
      return;
    }
    case LaneOpKind::kDense2:
      k.inner2(bre, bim, kre, kim, n, op.qubits[0], op.qubits[1], m, mim, real, out);
      return;
    case LaneOpKind::kDiag:
      k.inner_diag(bre, bim, kre, kim, n, op.qubits, op.k, m, mim, real, out);
      return;
    case LaneOpKind::kPermute:
    case LaneOpKind::kGather:
      throw Error(QDCNN_ERROR_INTERNAL, "lane_inner: a permutation has no angle");
  }
}

size_t lane_group_length(const std::vector<LaneOp>& ops, size_t begin, size_t end,
                         size_t limit) {
  size_t count = 0;
  while (begin + count < end && count < limit) {
    const LaneOp& next = ops[begin + count];
    if (!lane_groupable(next)) break;
    bool independent = true;
    for (size_t j = 0; j < count; ++j) {
      independent = independent && lane_independent(ops[begin + j], next);
    }
    if (!independent) break;
    ++count;
  }
  return std::max<size_t>(count, 1);
}

template <typename T>
void lane_run(const LaneKernelSet<T>& k, const LaneProgram<T>& program, const T* sample_matrices,
              T* re, T* im, T* temp) {
  constexpr uint64_t L = static_cast<uint64_t>(kLanes<T>);
  auto matrix = [&](const LaneOp& op) {
    return op.per_sample ? sample_matrices + op.sample_matrix
                         : program.shared.data() + op.shared_matrix;
  };
  for (const LaneSegment& seg : program.segments) {
    const int kb = seg.block_qubits;
    const uint64_t rows = uint64_t{1} << kb;
    const uint64_t blocks = uint64_t{1} << (program.n_qubits - kb);
    const size_t limit = std::min<size_t>(kMaxLaneGroup, static_cast<size_t>(kb));
    for (uint64_t b = 0; b < blocks; ++b) {
      T* bre = re + b * rows * L;
      T* bim = program.real ? im : im + b * rows * L;
      for (size_t i = seg.begin; i < seg.end;) {
        const size_t count = lane_group_length(program.ops, i, seg.end, limit);
        if (count >= 2) {  // commuting rotations: one pass for all of them
          LanePairs pairs[kMaxLaneGroup];
          const T* m[kMaxLaneGroup];
          for (size_t j = 0; j < count; ++j) {
            lane_group_pairs(program.ops[i + j], kb, b, &pairs[j]);
            m[j] = matrix(program.ops[i + j]);
          }
          k.pairs.apply_group(bre, bim, kb, static_cast<int>(count), pairs, m, program.real);
          i += count;
          continue;
        }
        const LaneOp& op = program.ops[i];
        lane_apply_op(k, program.real, kb, b, op, matrix(op), bre, bim, temp, false);
        ++i;
      }
    }
  }
}

bool lane_observable_diagonal(const Observable& observable) {
  for (const auto& terms : observable.outputs()) {
    for (const PauliTerm& t : terms) {
      if (!t.diagonal()) return false;
    }
  }
  return true;
}

template <typename T>
void lane_outputs(const LaneKernels<T>& k, const Observable& observable,
                  const LaneProgram<T>& program, const T* re, const T* im, LaneScratch<T>& s,
                  const LaneChunk& chunk, double* outputs) {
  constexpr int L = kLanes<T>;
  const int n = program.n_qubits;
  const uint64_t size = uint64_t{1} << n;
  if (!program.final_source.empty()) {
    // One gathering copy into logical order (a gather op would cost a copy and a gather).
    T* ore = s.ordered.ensure(2 * size * L);
    T* oim = ore + size * L;
    const uint32_t* source = program.final_source.data();
    for (uint64_t i = 0; i < size; ++i) {
      std::copy_n(re + uint64_t{source[i]} * L, L, ore + i * L);
      if (!program.real) std::copy_n(im + uint64_t{source[i]} * L, L, oim + i * L);
    }
    re = ore;
    im = oim;
  }
  const uint64_t n_out = static_cast<uint64_t>(observable.n_outputs());
  bool any_fast = false;
  for (const auto& terms : observable.outputs()) {
    for (const PauliTerm& t : terms) any_fast = any_fast || single_z(t) || identity(t);
  }
  double* z = s.values.data();  // z[q * L + l], norm at z[n * L + l]
  if (any_fast) k.z_expectations(re, im, n, s.work.ensure(size * L), program.real, z);
  for (uint64_t o = 0; o < n_out; ++o) {
    double value[L] = {};
    for (const PauliTerm& t : observable.outputs()[o]) {
      if (single_z(t) || identity(t)) {
        const int q = identity(t) ? n : __builtin_ctzll(t.phase_mask);
        for (int l = 0; l < L; ++l) value[l] += t.coefficient * z[q * L + l];
        continue;
      }
      // Generic Pauli string: sum_i sign(i) conj(psi[i ^ flip]) psi[i], times i^{n_y}.
      double sum_re[L] = {}, sum_im[L] = {};
      for (uint64_t i = 0; i < size; ++i) {
        const double sign = parity_sign(i & t.phase_mask);
        const uint64_t a = i * L, b = (i ^ t.flip_mask) * L;
        for (int l = 0; l < L; ++l) {
          const double ar = re[a + l], br = re[b + l];
          const double ai = program.real ? 0.0 : double(im[a + l]);
          const double bi = program.real ? 0.0 : double(im[b + l]);
          sum_re[l] += sign * (br * ar + bi * ai);
          sum_im[l] += sign * (br * ai - bi * ar);
        }
      }
      for (int l = 0; l < L; ++l) {
        value[l] += t.coefficient * real_of_i_power(t.n_y, sum_re[l], sum_im[l]);
      }
    }
    for (int l = 0; l < chunk.valid; ++l) {
      outputs[(chunk.first + static_cast<uint64_t>(l)) * n_out + o] = value[l];
    }
  }
}

template <typename T>
void lane_weighted_observable(const Observable& observable, const LaneProgram<T>& program,
                              const LaneChunk& chunk, const double* grad_outputs, const T* re,
                              const T* im, T* lre, T* lim, LaneScratch<T>& s) {
  constexpr int L = kLanes<T>;
  const int n = program.n_qubits;
  const uint64_t size = uint64_t{1} << n;
  const uint64_t n_out = static_cast<uint64_t>(observable.n_outputs());
  const bool real = program.real;
  auto weight = [&](uint64_t o, int l) {
    return l < chunk.valid ? grad_outputs[(chunk.first + static_cast<uint64_t>(l)) * n_out + o]
                           : 0.0;
  };
  // Diagonal part: d[i * L + l], single-Z and identity terms by doubling, other Z strings by sign.
  T* d = s.work.ensure(size * L);
  std::vector<double> z_weight(static_cast<size_t>(n) * L, 0.0);
  double first[L] = {};
  for (uint64_t o = 0; o < n_out; ++o) {
    for (const PauliTerm& t : observable.outputs()[o]) {
      if (!single_z(t)) continue;
      const int q = __builtin_ctzll(t.phase_mask);
      for (int l = 0; l < L; ++l) z_weight[static_cast<size_t>(q * L + l)] += weight(o, l) * t.coefficient;
    }
  }
  for (uint64_t o = 0; o < n_out; ++o) {
    for (const PauliTerm& t : observable.outputs()[o]) {
      if (identity(t)) {
        for (int l = 0; l < L; ++l) first[l] += weight(o, l) * t.coefficient;
      }
    }
  }
  for (int q = 0; q < n; ++q) {
    for (int l = 0; l < L; ++l) first[l] += z_weight[static_cast<size_t>(q * L + l)];
  }
  for (int l = 0; l < L; ++l) d[l] = static_cast<T>(first[l]);
  for (int q = 0; q < n; ++q) {
    const uint64_t half = uint64_t{1} << q;
    for (uint64_t i = 0; i < half; ++i) {
      for (int l = 0; l < L; ++l) {
        d[(i + half) * L + l] =
            static_cast<T>(d[i * L + l] - 2 * z_weight[static_cast<size_t>(q * L + l)]);
      }
    }
  }
  for (uint64_t o = 0; o < n_out; ++o) {
    for (const PauliTerm& t : observable.outputs()[o]) {
      if (!t.diagonal() || single_z(t) || identity(t)) continue;
      for (uint64_t i = 0; i < size; ++i) {
        const double sign = parity_sign(i & t.phase_mask);
        for (int l = 0; l < L; ++l) d[i * L + l] += static_cast<T>(sign * weight(o, l) * t.coefficient);
      }
    }
  }
  if (!program.final_source.empty()) {
    // psi in the final frame: stored row p holds logical row final_inverse[p].
    if (!lane_observable_diagonal(observable)) {
      throw Error(QDCNN_ERROR_INTERNAL,
                  "lane_weighted_observable: a final frame needs a diagonal observable");
    }
    const uint32_t* logical = program.final_inverse.data();
    for (uint64_t p = 0; p < size; ++p) {
      const T* dp = d + uint64_t{logical[p]} * L;
      for (int l = 0; l < L; ++l) lre[p * L + l] = dp[l] * re[p * L + l];
      if (!real) {
        for (int l = 0; l < L; ++l) lim[p * L + l] = dp[l] * im[p * L + l];
      }
    }
    return;
  }
  for (uint64_t i = 0; i < size * L; ++i) lre[i] = d[i] * re[i];
  if (!real) {
    for (uint64_t i = 0; i < size * L; ++i) lim[i] = d[i] * im[i];
  }
  // Off-diagonal terms: lambda[i ^ flip] += w i^{n_y} sign(i) psi[i].
  for (uint64_t o = 0; o < n_out; ++o) {
    for (const PauliTerm& t : observable.outputs()[o]) {
      if (t.diagonal()) continue;
      for (uint64_t i = 0; i < size; ++i) {
        const double sign = parity_sign(i & t.phase_mask);
        const uint64_t a = i * L, b = (i ^ t.flip_mask) * L;
        for (int l = 0; l < L; ++l) {
          const double w = sign * weight(o, l) * t.coefficient;
          const double pr = re[a + l], pi = real ? 0.0 : double(im[a + l]);
          // w i^{n_y} (pr + i pi)
          const double vr = real_of_i_power(t.n_y, w * pr, w * pi);
          const double vi = real_of_i_power(t.n_y + 3, w * pr, w * pi);  // Im z = Re(-i z)
          lre[b + l] += static_cast<T>(vr);
          if (!real) lim[b + l] += static_cast<T>(vi);
        }
      }
    }
  }
}

template <typename T>
void lane_forward(Simulator<T>& sim, const Circuit& circuit, const Observable& observable,
                  const double* params, const double* inputs, uint64_t batch, double* outputs) {
  constexpr int L = kLanes<T>;
  const int block = lane_block_qubits(circuit.n_qubits(), circuit_is_real(circuit), 1, L);
  const LaneProgram<T> program = compile_lane_program<T>(circuit, params, false, block, true);
  const LaneKernelSet<T> kernels = lane_kernel_set(sim);
  const uint64_t n_inputs = static_cast<uint64_t>(circuit.n_inputs());
  const uint64_t plane = (uint64_t{1} << program.n_qubits) * L;
  const uint64_t chunks = (batch + L - 1) / L;
  auto run_chunks = [&](uint64_t begin, uint64_t end, int thread) {
    LaneScratch<T>& s = sim.lane_scratch(thread);
    reserve_lane_scratch(s, program, false);
    T* re = s.psi.ensure(2 * plane);
    T* im = re + plane;
    T* matrices = s.matrices.ensure(std::max<size_t>(program.sample_values, 1));
    for (uint64_t c = begin; c < end; ++c) {
      const LaneChunk chunk = make_lane_chunk(inputs, n_inputs, batch, c, L);
      bind_sample_matrices(circuit, program, params, chunk.rows, matrices);
      lane_start(circuit, program, params, chunk, s, false, re, im);
      lane_run(kernels, program, matrices, re, im, s.work.ensure(plane));
      lane_outputs(kernels.table, observable, program, re, im, s, chunk, outputs);
    }
  };
  if (sim.threads() > 1 && chunks > 1) {
    sim.pool().parallel_for(chunks, 1, run_chunks);
  } else {
    run_chunks(0, chunks, 0);
  }
}

#define QDCNN_INSTANTIATE(T)                                                                   \
  template void reserve_lane_scratch<T>(LaneScratch<T>&, const LaneProgram<T>&, bool);         \
  template void lane_prepare<T>(const Circuit&, const LaneChunk&, bool, T*, T*);               \
  template void lane_start<T>(const Circuit&, const LaneProgram<T>&, const double*,             \
                              const LaneChunk&, LaneScratch<T>&, bool, T*, T*);                \
  template LaneKernelSet<T> lane_kernel_set<T>(const Simulator<T>&);                           \
  template void lane_apply_op<T>(const LaneKernelSet<T>&, bool, int, uint64_t, const LaneOp&,   \
                                 const T*, T*, T*, T*, bool);                                  \
  template void lane_inner<T>(const LaneKernelSet<T>&, bool, int, uint64_t, const LaneOp&,      \
                              const T*, const T*, const T*, const T*, const T*, double*);      \
  template void lane_run<T>(const LaneKernelSet<T>&, const LaneProgram<T>&, const T*, T*, T*,   \
                            T*);                                                               \
  template void lane_outputs<T>(const LaneKernels<T>&, const Observable&,                      \
                                const LaneProgram<T>&, const T*, const T*, LaneScratch<T>&,    \
                                const LaneChunk&, double*);                                    \
  template void lane_weighted_observable<T>(const Observable&, const LaneProgram<T>&,          \
                                            const LaneChunk&, const double*, const T*,         \
                                            const T*, T*, T*, LaneScratch<T>&);                \
  template void lane_forward<T>(Simulator<T>&, const Circuit&, const Observable&,              \
                                const double*, const double*, uint64_t, double*);
QDCNN_INSTANTIATE(float)
QDCNN_INSTANTIATE(double)
#undef QDCNN_INSTANTIATE

}  // namespace qdcnn
