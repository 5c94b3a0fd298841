#include "algorithms/adjoint_lanes.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/lane_engine.h"
#include "core/lane_product_state.h"

namespace qdcnn {

template <typename T>
void lane_adjoint_backward(Simulator<T>& sim, const Circuit& circuit,
                           const Observable& observable, const double* params,
                           const double* inputs, uint64_t batch, const double* grad_outputs,
                           double* grad_inputs, double* grad_params) {
  constexpr int L = kLanes<T>;
  const int n = circuit.n_qubits();
  const int block = lane_block_qubits(n, circuit_is_real(circuit), 2, L);
  // A diagonal observable is weighted in the final frame: no gather at the end nor its undo.
  const LaneProgram<T> program = compile_lane_program<T>(circuit, params, true, block,
                                                         lane_observable_diagonal(observable));
  const LaneKernelSet<T> kernels = lane_kernel_set(sim);
  const bool real = program.real;
  const uint64_t n_inputs = static_cast<uint64_t>(circuit.n_inputs());
  const size_t n_params = static_cast<size_t>(circuit.n_params());
  const uint64_t plane = (uint64_t{1} << n) * L;
  const uint64_t chunks = (batch + L - 1) / L;
  const bool parallel = sim.threads() > 1 && chunks > 1;
  const int threads = parallel ? sim.threads() : 1;
  for (int t = 0; t < threads; ++t) sim.lane_scratch(t).grad_params.assign(n_params, 0.0);
  std::vector<double> g_inputs(grad_inputs ? batch * n_inputs : 0, 0.0);

  auto run_chunks = [&](uint64_t begin, uint64_t end, int thread) {
    LaneScratch<T>& s = sim.lane_scratch(thread);
    reserve_lane_scratch(s, program, true);
    T* re = s.psi.ensure(2 * plane);
    T* im = re + plane;
    T* lre = s.lambda.ensure(2 * plane);
    T* lim = lre + plane;
    T* samples = s.matrices.ensure(std::max<size_t>(program.sample_values, 1));
    for (uint64_t c = begin; c < end; ++c) {
      const LaneChunk chunk = make_lane_chunk(inputs, n_inputs, batch, c, L);
      bind_sample_matrices(circuit, program, params, chunk.rows, samples);
      lane_start(circuit, program, params, chunk, s, true, re, im);
      T* temp = s.work.ensure(plane);  // free again once lambda is built
      lane_run(kernels, program, samples, re, im, temp);
      lane_weighted_observable(observable, program, chunk, grad_outputs, re, im, lre, lim, s);
      // d/dangle = 2 Re <lambda| dU |psi> per lane, times the binding's scale.
      auto accumulate_diff = [&](const LaneDiff& diff, const double* inner) {
        for (int l = 0; l < chunk.valid; ++l) {
          const double contribution = 2.0 * inner[l] * diff.binding.scale;
          if (diff.binding.source == QDCNN_ANGLE_PARAMETER) {
            s.grad_params[static_cast<size_t>(diff.binding.index)] += contribution;
          } else {
            g_inputs[(chunk.first + static_cast<uint64_t>(l)) * n_inputs +
                     static_cast<uint64_t>(diff.binding.index)] += contribution;
          }
        }
      };
      // Whether the caller asked for this angle's gradient.
      auto wanted = [&](const LaneDiff& diff) {
        return diff.binding.source == QDCNN_ANGLE_PARAMETER ? grad_params != nullptr
                                                            : grad_inputs != nullptr;
      };
      auto adjoint_of = [&](const LaneOp& op) {
        return op.per_sample ? samples + op.sample_adjoint
                             : program.shared.data() + op.shared_adjoint;
      };
      auto derivative_of = [&](const LaneOp& op, const LaneDiff& diff) {
        return op.per_sample ? samples + diff.sample_derivative
                             : program.shared.data() + diff.shared_derivative;
      };
      auto active_diff = [&](const LaneOp& op) -> const LaneDiff* {
        for (const LaneDiff& diff : op.diffs) {
          if (wanted(diff)) return &diff;
        }
        return nullptr;
      };
      // The gradient mode of an op's undo in a group (see LaneRelabelKernels::adjoint_group);
      // -1: more than one wanted angle (not groupable).
      auto grad_mode = [&](const LaneOp& op) {
        int active = 0;
        for (const LaneDiff& diff : op.diffs) active += wanted(diff) ? 1 : 0;
        if (active == 0) return kLaneGradNone;
        if (active > 1) return -1;
        const int32_t gate = circuit.operations()[static_cast<size_t>(op.op_index)].gate;
        return gate == QDCNN_GATE_RY ? kLaneGradRy : kLaneGradDerivative;
      };
      // How many ops ending at ops[last] (going back, not before `begin`) one adjoint_group
      // call can undo: groupable, pairwise independent, one gradient mode.
      auto group_length_back = [&](size_t begin, size_t last, size_t limit) {
        const int mode = grad_mode(program.ops[last]);
        size_t count = 0;
        while (count < limit && last + 1 - count > begin) {
          const LaneOp& next = program.ops[last - count];
          if (!lane_groupable(next) || mode < 0 || grad_mode(next) != mode) break;
          bool independent = true;
          for (size_t j = 0; j < count; ++j) {
            independent = independent && lane_independent(program.ops[last - j], next);
          }
          if (!independent) break;
          ++count;
        }
        return std::max<size_t>(count, 1);
      };
      // Undo the ops in reverse, segment by segment; a blocked segment block by block (its ops
      // act within a block, so each block's sweep is exact and the inner products add up).
      for (size_t g = program.segments.size(); g-- > 0;) {
        const LaneSegment& seg = program.segments[g];
        const int kb = seg.block_qubits;
        const uint64_t rows = uint64_t{1} << kb;
        const uint64_t blocks = uint64_t{1} << (n - kb);
        const size_t group_limit = std::min<size_t>(kMaxLaneAdjointGroup, static_cast<size_t>(kb));
        for (uint64_t b = 0; b < blocks; ++b) {
          const uint64_t off = b * rows * L;
          T* bre = re + off;
          T* bim = real ? im : im + off;
          T* blre = lre + off;
          T* blim = real ? lim : lim + off;
          for (size_t i = seg.end; i-- > seg.begin;) {
            // Commuting rotations of the same gradient mode: one pass undoes all of them.
            const size_t count = group_length_back(seg.begin, i, group_limit);
            if (count >= 2) {
              const size_t first = i + 1 - count;
              LanePairs pairs[kMaxLaneGroup];
              const T* adjs[kMaxLaneGroup];
              const T* ders[kMaxLaneGroup];
              const LaneDiff* diffs[kMaxLaneGroup];
              const int mode = grad_mode(program.ops[i]);
              for (size_t j = 0; j < count; ++j) {
                const LaneOp& op = program.ops[first + j];
                lane_group_pairs(op, kb, b, &pairs[j]);
                adjs[j] = adjoint_of(op);
                diffs[j] = active_diff(op);
                ders[j] = mode == kLaneGradDerivative ? derivative_of(op, *diffs[j]) : nullptr;
              }
              double inner[kMaxLaneGroup * L] = {};
              kernels.pairs.adjoint_group(bre, bim, blre, blim, kb, static_cast<int>(count), pairs,
                                          adjs, ders, mode, real, inner);
              if (mode != kLaneGradNone) {
                for (size_t j = 0; j < count; ++j) {
                  double* at = inner + j * L;
                  if (mode == kLaneGradRy) {
                    for (int l = 0; l < L; ++l) at[l] *= 0.5;
                  }
                  accumulate_diff(*diffs[j], at);
                }
              }
              i = first;
              continue;
            }
            const LaneOp& op = program.ops[i];
            const T* adj = nullptr;  // permutations: their own inverse, or a gather's inverse
            if (op.kind != LaneOpKind::kPermute && op.kind != LaneOpKind::kGather) {
              adj = adjoint_of(op);
            }
            const LaneDiff* active[3];
            int n_active = 0;
            for (const LaneDiff& diff : op.diffs) {
              if (wanted(diff)) active[n_active++] = &diff;
            }
            auto derivative = [&](const LaneDiff& diff) { return derivative_of(op, diff); };
            if ((op.kind == LaneOpKind::kDense1 || op.kind == LaneOpKind::kPairs) &&
                n_active <= 1) {
              // The common case (rotations): both undos and the inner product in one pass.
              const T* dm = n_active ? derivative(*active[0]) : nullptr;
              const T* dim = dm ? dm + op.entries * L : nullptr;
              double inner[L] = {};
              if (op.kind == LaneOpKind::kDense1) {
                kernels.table.adjoint_step1(bre, bim, blre, blim, kb, op.qubits[0], op.qubits[1],
                                            adj, adj + op.entries * L, dm, dim, real, inner);
              } else {
                LanePairs pairs;
                if (!lane_block_pairs(op, kb, b, &pairs)) continue;  // control unset here
                const int32_t gate = circuit.operations()[static_cast<size_t>(op.op_index)].gate;
                if (n_active && (gate == QDCNN_GATE_RY || gate == QDCNN_GATE_CRY)) {
                  // dU/dtheta U^dagger = -iY/2: no derivative matrix to multiply.
                  kernels.pairs.adjoint_step1_ry(bre, bim, blre, blim, kb, pairs, adj,
                                                 adj + op.entries * L, real, inner);
                  for (double& v : inner) v *= 0.5;
                } else {
                  kernels.pairs.adjoint_step1(bre, bim, blre, blim, kb, pairs, adj,
                                              adj + op.entries * L, dm, dim, real, inner);
                }
              }
              if (n_active) accumulate_diff(*active[0], inner);
              continue;
            }
            lane_apply_op(kernels, real, kb, b, op, adj, bre, bim, temp, true);  // psi before op
            for (int a = 0; a < n_active; ++a) {
              double inner[L] = {};
              lane_inner(kernels, real, kb, b, op, blre, blim, bre, bim, derivative(*active[a]),
                         inner);
              accumulate_diff(*active[a], inner);
            }
            lane_apply_op(kernels, real, kb, b, op, adj, blre, blim, temp, true);
          }
        }
      }
      // The prefix ops: lambda is now the bra just after them, psi their product state.
      if (!program.prefix.empty()) {
        s.contracted.resize(static_cast<size_t>(n) * L * 2);
        lane_contract_product(n, s.factors.data(), real, lre, lim, s.contraction.ensure(2 * plane),
                              s.contracted.data());
        for (size_t k = 0; k < program.prefix.size(); ++k) {
          const LanePrefixOp& p = program.prefix[k];
          for (size_t j = 0; j < p.diffs.size(); ++j) {
            const LaneDiff& diff = p.diffs[j];
            const bool is_param = diff.binding.source == QDCNN_ANGLE_PARAMETER;
            if (!(is_param ? grad_params : grad_inputs)) continue;
            double inner[L];
            for (int l = 0; l < L; ++l) {
              const cdouble* dv = s.factor_derivatives.data() + ((k * 3 + j) * L + l) * 2;
              const cdouble* c = s.contracted.data() + (static_cast<size_t>(p.qubit) * L + l) * 2;
              inner[l] = (dv[0] * std::conj(c[0])).real() + (dv[1] * std::conj(c[1])).real();
            }
            accumulate_diff(diff, inner);
          }
        }
      }
      // Through the amplitude encoding psi0 = x / |x|: d/dx = (g - psi0 (psi0 . g)) / |x| with
      // g_i = 2 Re(lambda0_i).
      if (grad_inputs && circuit.initial_state() == InitialState::kAmplitudes) {
        const int32_t length = circuit.amplitude_length();
        for (int l = 0; l < chunk.valid; ++l) {
          const double* x = chunk.rows[l] + circuit.amplitude_offset();
          auto g_of = [&](int32_t i) {
            return 2.0 * double(lre[static_cast<uint64_t>(i) * L + static_cast<uint64_t>(l)]);
          };
          double norm2 = 0;
          for (int32_t i = 0; i < length; ++i) norm2 += x[i] * x[i];
          const double norm = std::sqrt(norm2);
          double dot = 0;
          for (int32_t i = 0; i < length; ++i) dot += (x[i] / norm) * g_of(i);
          double* gin = g_inputs.data() + (chunk.first + static_cast<uint64_t>(l)) * n_inputs +
                        circuit.amplitude_offset();
          for (int32_t i = 0; i < length; ++i) gin[i] += (g_of(i) - (x[i] / norm) * dot) / norm;
        }
      }
    }
  };
  if (parallel) {
    sim.pool().parallel_for(chunks, 1, run_chunks);
  } else {
    run_chunks(0, chunks, 0);
  }
  if (grad_params) {
    for (size_t p = 0; p < n_params; ++p) {
      double total = 0;
      for (int t = 0; t < threads; ++t) total += sim.lane_scratch(t).grad_params[p];
      grad_params[p] = total;
    }
  }
  if (grad_inputs) std::copy(g_inputs.begin(), g_inputs.end(), grad_inputs);
}

#define QDCNN_INSTANTIATE(T)                                                                  \
  template void lane_adjoint_backward<T>(Simulator<T>&, const Circuit&, const Observable&,   \
                                         const double*, const double*, uint64_t,             \
                                         const double*, double*, double*);
QDCNN_INSTANTIATE(float)
QDCNN_INSTANTIATE(double)
#undef QDCNN_INSTANTIATE

}  // namespace qdcnn
