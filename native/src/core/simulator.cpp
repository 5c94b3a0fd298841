#include "core/simulator.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <thread>

#include "core/block_sequence.h"
#include "core/cache_blocking.h"
#include "core/lane_engine.h"
#include "core/measurement.h"

namespace qdcnn {
namespace {

// Below this many amplitude groups a gate is not worth splitting over threads.
constexpr uint64_t kMinParallelGroups = uint64_t{1} << 14;
// Registers up to this size run whole samples per thread.
constexpr int kMaxQubitsPerThreadSample = 16;
// Registers up to this size run batches in the lane layout: a chunk's states (psi and lambda,
// 2 * 2^n * 64 bytes each) then stay in L2.
constexpr int kMaxLaneQubits = 14;

// Fusion width for programs that run in cache blocks. Inside a cached block the steps are
// arithmetic-bound, so the width that needs the fewest operations per amplitude wins: on the
// qsim-format random circuit (24 qubits, complex64, one thread) width 3 leaves many 1-qubit steps
// beside dense 3-qubit ones and costs 1.36 s blocked, width 2 costs 1.07 s and width 4 1.07 s
// (28 qubits: 26.9, 25.9 and 24.5 s). So a requested width of 3 runs as 2 when blocked; results
// equal any other fusion to rounding. With rotation + cz steps run as factor sequences
// (block_sequence.h) it still holds: width 3 1.21 s, width 2 1.04 s, width 4 1.0 s.
int fusion_in_blocks(int requested) { return requested == 3 ? 2 : requested; }

// The program for one state. Where it may run in cache blocks it is compiled with the width that
// suits blocks, unless the requested width gives a single step: one step is one pass either way
// (apply_program never blocks it), and re-fusing it narrower only adds work (one 3-qubit step of
// a 24-qubit state became several 2-qubit steps: 33 ms blocked against 11 ms for the one pass).
template <typename T>
Program<T> compile_for_state(const Circuit& circuit, const double* params, int fusion,
                             bool may_block) {
  Program<T> program = compile_program<T>(circuit, params, fusion);
  const int in_blocks = fusion_in_blocks(fusion);
  if (may_block && in_blocks != fusion && program.steps.size() >= 2) {
    program = compile_program<T>(circuit, params, in_blocks);
  }
  return program;
}

}  // namespace

template <typename T>
Simulator<T>::Simulator() : kernels_(&kernel_table(QDCNN_KERNEL_AUTO)), pool_(new ThreadPool(1)) {
  scratch_.resize(1);
  lane_scratch_.resize(1);
}

template <typename T>
void Simulator<T>::set_kernel(int32_t kernel) {
  kernels_ = &kernel_table(kernel);
}

template <typename T>
void Simulator<T>::set_threads(int threads) {
  if (threads == 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (threads == pool_->threads()) return;
  pool_.reset(new ThreadPool(threads));
  scratch_.resize(static_cast<size_t>(threads));
  lane_scratch_.resize(static_cast<size_t>(threads));
}

template <typename T>
bool Simulator<T>::use_lanes(int n_qubits, uint64_t batch) const {
  return n_qubits <= kMaxLaneQubits && batch > 1;
}

template <typename T>
typename Simulator<T>::Scratch& Simulator<T>::scratch(int thread, int n_qubits,
                                                      bool with_lambda) {
  Scratch& s = scratch_[static_cast<size_t>(thread)];
  if (s.psi && s.psi->n_qubits() != n_qubits) {
    s.psi.reset();
    s.lambda.reset();
  }
  if (!s.psi) s.psi.reset(new StateVector<T>(n_qubits));
  if (with_lambda && !s.lambda) s.lambda.reset(new StateVector<T>(n_qubits));
  const size_t max_dim2 = size_t{1} << (2 * QDCNN_MAX_FUSED_QUBITS);
  s.matrix.resize(max_dim2);
  s.adjoint.resize(max_dim2);
  s.derivative.resize(max_dim2);
  s.matrix_f64.resize(max_dim2);
  return s;
}

template <typename T>
bool Simulator<T>::parallel_over_batch(int n_qubits, uint64_t batch) const {
  return pool_->threads() > 1 && batch > 1 && n_qubits <= kMaxQubitsPerThreadSample;
}

template <typename T>
void Simulator<T>::prepare(const Circuit& circuit, const double* inputs_row, uint64_t sample,
                           Amp* state) const {
  const uint64_t size = uint64_t{1} << circuit.n_qubits();
  switch (circuit.initial_state()) {
    case InitialState::kZero:
    case InitialState::kBasis:
      for (uint64_t i = 0; i < size; ++i) state[i] = Amp(0, 0);
      state[circuit.initial_state() == InitialState::kZero ? 0 : circuit.initial_basis()] = Amp(1, 0);
      return;
    case InitialState::kAmplitudes: {
      const double* x = inputs_row + circuit.amplitude_offset();
      const uint64_t length = static_cast<uint64_t>(circuit.amplitude_length());
      double norm2 = 0;
      for (uint64_t i = 0; i < length; ++i) norm2 += x[i] * x[i];
      if (!(norm2 > 0)) {
        throw Error(QDCNN_ERROR_ZERO_NORM,
                    "inputs of sample " + std::to_string(sample) + ": the amplitude slice [" +
                        std::to_string(circuit.amplitude_offset()) + ", " +
                        std::to_string(circuit.amplitude_offset() + circuit.amplitude_length()) +
                        ") is all zeros and cannot be normalised");
      }
      const double inv = 1.0 / std::sqrt(norm2);
      for (uint64_t i = 0; i < length; ++i) state[i] = Amp(static_cast<T>(x[i] * inv), 0);
      for (uint64_t i = length; i < size; ++i) state[i] = Amp(0, 0);
      return;
    }
  }
}

template <typename T>
void Simulator<T>::apply_matrix(Amp* state, int n_qubits, const int* qubits, int k,
                                const Amp* matrix, bool parallel) {
  const uint64_t groups = uint64_t{1} << (n_qubits - k);
  const ApplyMatrixFn<T> fn = kernels_->apply<T>();
  if (parallel && pool_->threads() > 1 && groups >= kMinParallelGroups) {
    pool_->parallel_for(groups, kGroupAlignment, [&](uint64_t begin, uint64_t end, int) {
      fn(state, n_qubits, qubits, k, matrix, begin, end);
    });
  } else {
    fn(state, n_qubits, qubits, k, matrix, 0, groups);
  }
}

template <typename T>
double Simulator<T>::real_inner(const Amp* bra, const Amp* ket, int n_qubits, const int* qubits,
                                int k, const Amp* matrix, bool parallel) {
  const uint64_t groups = uint64_t{1} << (n_qubits - k);
  const RealInnerFn<T> fn = kernels_->real_inner<T>();
  if (parallel && pool_->threads() > 1 && groups >= kMinParallelGroups) {
    std::vector<double> partial(static_cast<size_t>(pool_->threads()), 0.0);
    pool_->parallel_for(groups, kGroupAlignment, [&](uint64_t begin, uint64_t end, int thread) {
      partial[static_cast<size_t>(thread)] = fn(bra, ket, n_qubits, qubits, k, matrix, begin, end);
    });
    double total = 0;
    for (double p : partial) total += p;
    return total;
  }
  return fn(bra, ket, n_qubits, qubits, k, matrix, 0, groups);
}

template <typename T>
bool Simulator<T>::blocking_sizes(int n_qubits, size_t steps, int* block_qubits,
                                  int* fixed_low) const {
  if (block_qubits_ == 0 || steps < 2) return false;
  if (block_qubits_ < 0) {
    if (!cache_blocking_enabled_by_environment()) return false;
    *block_qubits = default_block_qubits(static_cast<int>(sizeof(Amp)));
    *fixed_low = default_fixed_low_qubits(static_cast<int>(sizeof(Amp)));
  } else {
    *block_qubits = block_qubits_;
    *fixed_low = fixed_low_qubits_;
  }
  // Blocks smaller than the register, and every step fits beside the fixed low qubits.
  return n_qubits > *block_qubits && *fixed_low + QDCNN_MAX_FUSED_QUBITS <= *block_qubits;
}

template <typename T>
void Simulator<T>::apply_program_blocked(const Circuit& circuit, const Program<T>& program,
                                         const double* params, const double* inputs_row,
                                         Amp* state, int n_qubits, int block_qubits,
                                         int fixed_low) {
  const size_t n_steps = program.steps.size();
  std::vector<std::vector<int>> step_qubits(n_steps);
  std::vector<size_t> per_sample_offset(n_steps, 0);
  size_t per_sample_size = 0;
  for (size_t i = 0; i < n_steps; ++i) {
    const Step<T>& step = program.steps[i];
    step_qubits[i].assign(step.qubits, step.qubits + step.k);
    if (step.per_sample) {
      per_sample_offset[i] = per_sample_size;
      per_sample_size += static_cast<size_t>(step.dim() * step.dim());
    }
  }
  // Input-dependent matrices of this sample, all built before the sweeps.
  std::vector<Amp> per_sample(per_sample_size);
  std::vector<const Amp*> matrices(n_steps);
  for (size_t i = 0; i < n_steps; ++i) {
    const Step<T>& step = program.steps[i];
    if (step.per_sample) {
      step_matrix(circuit, step, params, inputs_row, per_sample.data() + per_sample_offset[i]);
      matrices[i] = per_sample.data() + per_sample_offset[i];
    } else {
      matrices[i] = step.matrix.data();
    }
  }
  const int threads = pool_->threads();
  if (block_scratch_qubits_ != block_qubits || block_scratch_.size() != static_cast<size_t>(threads)) {
    block_scratch_.clear();
    for (int t = 0; t < threads; ++t) {
      block_scratch_.push_back(make_aligned_array<Amp>(size_t{1} << block_qubits));
    }
    block_scratch_qubits_ = block_qubits;
  }
  const PlanarKernels<T>& planar = kernels_->planar<T>();
  for (const BlockWindow& window : plan_block_windows(step_qubits, n_qubits, block_qubits,
                                                      fixed_low)) {
    if (window.qubits.empty()) {  // a lone step: one plain pass
      const Step<T>& step = program.steps[static_cast<size_t>(window.steps[0])];
      apply_matrix(state, n_qubits, step.qubits, step.k,
                   matrices[static_cast<size_t>(window.steps[0])], true);
      continue;
    }
    const BlockLayout layout(window.qubits, n_qubits);
    std::vector<int> local(window.steps.size() * QDCNN_MAX_FUSED_QUBITS);
    for (size_t j = 0; j < window.steps.size(); ++j) {
      const Step<T>& step = program.steps[static_cast<size_t>(window.steps[j])];
      for (int q = 0; q < step.k; ++q) {
        local[j * QDCNN_MAX_FUSED_QUBITS + static_cast<size_t>(q)] = layout.local_qubit(step.qubits[q]);
      }
    }
    // Steps whose factors are cheaper than their dense matrix run as factor sequences.
    std::vector<std::vector<PlanarOp<T>>> sequences(window.steps.size());
    for (size_t j = 0; j < window.steps.size(); ++j) {
      const Step<T>& step = program.steps[static_cast<size_t>(window.steps[j])];
      block_sequence_ops(circuit, step, &local[j * QDCNN_MAX_FUSED_QUBITS], params, inputs_row,
                         &sequences[j]);
    }
    const uint64_t chunk = layout.chunk_size();
    std::vector<uint64_t> chunk_offsets(layout.chunks());
    for (uint64_t c = 0; c < layout.chunks(); ++c) chunk_offsets[c] = layout.chunk_offset(c);
    // Chunks are scattered over the state: prefetch about 4 KiB ahead of the copy.
    const uint64_t ahead = std::max<uint64_t>(1, 4096 / (chunk * sizeof(Amp)));
    // The block is held in the planar layout (real parts, then imaginary parts; kernel_table.h):
    // the copies convert, and the steps in cache take 3 instead of 4 real products per entry.
    auto sweep = [&](uint64_t begin, uint64_t end, int thread) {
      T* re = reinterpret_cast<T*>(block_scratch_[static_cast<size_t>(thread)].get());
      T* im = re + (uint64_t{1} << block_qubits);
      for (uint64_t b = begin; b < end; ++b) {
        Amp* const block = state + layout.block_start(b);
        for (uint64_t c = 0; c < std::min(ahead, layout.chunks()); ++c) {
          prefetch_range(block + chunk_offsets[c], chunk * sizeof(Amp));
        }
        for (uint64_t c = 0; c < layout.chunks(); ++c) {
          if (c + ahead < layout.chunks()) {
            prefetch_range(block + chunk_offsets[c + ahead], chunk * sizeof(Amp));
          }
          planar.to_planar(block + chunk_offsets[c], re + c * chunk, im + c * chunk, chunk);
        }
        for (size_t j = 0; j < window.steps.size(); ++j) {
          const size_t s = static_cast<size_t>(window.steps[j]);
          if (!sequences[j].empty()) {
            planar.apply_sequence(re, im, block_qubits, &local[j * QDCNN_MAX_FUSED_QUBITS],
                                  program.steps[s].k, sequences[j].data(),
                                  static_cast<int>(sequences[j].size()));
          } else {
            planar.apply(re, im, block_qubits, &local[j * QDCNN_MAX_FUSED_QUBITS],
                         program.steps[s].k, matrices[s]);
          }
        }
        for (uint64_t c = 0; c < layout.chunks(); ++c) {
          planar.from_planar(re + c * chunk, im + c * chunk, block + chunk_offsets[c], chunk);
        }
      }
    };
    if (threads > 1 && layout.blocks() > 1) {
      pool_->parallel_for(layout.blocks(), 1, sweep);
    } else {
      sweep(0, layout.blocks(), 0);
    }
  }
}

template <typename T>
void Simulator<T>::apply_program(const Circuit& circuit, const Program<T>& program,
                                 const double* params, const double* inputs_row, Amp* state,
                                 int n_qubits, Scratch& scratch, bool parallel) {
  int block_qubits = 0, fixed_low = 0;
  if (parallel && blocking_sizes(n_qubits, program.steps.size(), &block_qubits, &fixed_low)) {
    apply_program_blocked(circuit, program, params, inputs_row, state, n_qubits, block_qubits,
                          fixed_low);
    return;
  }
  for (const Step<T>& step : program.steps) {
    const Amp* m = step.matrix.data();
    if (step.per_sample) {
      step_matrix(circuit, step, params, inputs_row, scratch.matrix.data());
      m = scratch.matrix.data();
    }
    apply_matrix(state, n_qubits, step.qubits, step.k, m, parallel);
  }
}

template <typename T>
void Simulator<T>::run(const Circuit& circuit, const double* params, const double* inputs,
                       StateVector<T>& state) {
  prepare(circuit, inputs, 0, state.data());
  apply(circuit, params, inputs, state);
}

template <typename T>
void Simulator<T>::apply(const Circuit& circuit, const double* params, const double* inputs,
                         StateVector<T>& state) {
  int block_qubits = 0, fixed_low = 0;
  const bool blocked = blocking_sizes(circuit.n_qubits(), 2, &block_qubits, &fixed_low);
  const Program<T> program = compile_for_state<T>(circuit, params, fusion_, blocked);
  Scratch& s = scratch_[0];
  const size_t max_dim2 = size_t{1} << (2 * QDCNN_MAX_FUSED_QUBITS);
  s.matrix.resize(max_dim2);
  apply_program(circuit, program, params, inputs, state.data(), circuit.n_qubits(), s, true);
}

template <typename T>
void Simulator<T>::forward(const Circuit& circuit, const Observable& observable,
                           const double* params, const double* inputs, uint64_t batch,
                           double* outputs) {
  const int n = circuit.n_qubits();
  if (use_lanes(n, batch)) {
    lane_forward(*this, circuit, observable, params, inputs, batch, outputs);
    return;
  }
  int block_qubits = 0, fixed_low = 0;
  const bool blocked = !parallel_over_batch(n, batch) &&
                       blocking_sizes(n, 2, &block_qubits, &fixed_low);
  const Program<T> program = compile_for_state<T>(circuit, params, fusion_, blocked);
  const uint64_t n_inputs = static_cast<uint64_t>(circuit.n_inputs());
  const uint64_t n_outputs = static_cast<uint64_t>(observable.n_outputs());
  auto run_samples = [&](uint64_t begin, uint64_t end, int thread, bool parallel_gates) {
    Scratch& s = scratch(thread, n, false);
    for (uint64_t b = begin; b < end; ++b) {
      const double* row = inputs ? inputs + b * n_inputs : nullptr;
      Amp* psi = s.psi->data();
      prepare(circuit, row, b, psi);
      apply_program(circuit, program, params, row, psi, n, s, parallel_gates);
      expectations(psi, observable, outputs + b * n_outputs);
    }
  };
  if (parallel_over_batch(n, batch)) {
    for (int t = 0; t < pool_->threads(); ++t) scratch(t, n, false);  // allocate outside the workers
    pool_->parallel_for(batch, 1, [&](uint64_t begin, uint64_t end, int thread) {
      run_samples(begin, end, thread, false);
    });
  } else {
    run_samples(0, batch, 0, true);
  }
}

template class Simulator<float>;
template class Simulator<double>;

}  // namespace qdcnn
