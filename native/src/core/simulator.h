#pragma once
// The execution context of one precision: kernel table, worker threads, fusion setting and
// per-thread scratch states reused across calls (no allocation per sample).
#include <complex>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/circuit.h"
#include "core/lane_scratch.h"
#include "core/observable.h"
#include "core/program.h"
#include "core/state_vector.h"
#include "core/thread_pool.h"
#include "kernels/kernel_table.h"

namespace qdcnn {

template <typename T>
class Simulator {
 public:
  using Amp = std::complex<T>;

  // Per-thread working memory, sized on first use for a qubit count and kept.
  struct Scratch {
    std::unique_ptr<StateVector<T>> psi, lambda;
    std::vector<Amp> matrix, adjoint, derivative;
    std::vector<cdouble> matrix_f64;
    std::vector<double> grad_params;
  };

  Simulator();  // kernel AUTO (throws Error UNSUPPORTED for a bad QDCNN_KERNEL), 1 thread, no fusion

  void set_kernel(int32_t kernel);  // throws Error UNSUPPORTED if unavailable
  qdcnn_kernel kernel() const { return kernels_->kind; }
  void set_threads(int threads);    // 0 = hardware concurrency
  int threads() const { return pool_->threads(); }
  void set_fusion(int max_fused_qubits) { fusion_ = max_fused_qubits; }
  int fusion() const { return fusion_; }
  // Cache blocking of whole-state programs (core/cache_blocking.h). block_qubits -1: automatic
  // (on unless QDCNN_CACHE_BLOCKING=0, cache-sized windows); 0: off; otherwise windows of
  // block_qubits qubits holding the lowest fixed_low_qubits (tests use small ones).
  // Precondition for explicit sizes: fixed_low_qubits + QDCNN_MAX_FUSED_QUBITS <= block_qubits.
  void set_cache_blocking(int block_qubits, int fixed_low_qubits = 0) {
    block_qubits_ = block_qubits;
    fixed_low_qubits_ = fixed_low_qubits;
  }

  // Preconditions for all calls below (checked by the C ABI): buffers hold the circuit's counts,
  // the state and observable have the circuit's qubit count, values are finite.
  void run(const Circuit& circuit, const double* params, const double* inputs, StateVector<T>& state);
  void apply(const Circuit& circuit, const double* params, const double* inputs,
             StateVector<T>& state);
  void forward(const Circuit& circuit, const Observable& observable, const double* params,
               const double* inputs, uint64_t batch, double* outputs);

  // --- building blocks shared with algorithms/adjoint ---
  // Writes the circuit's initial state for one sample's inputs. Throws Error ZERO_NORM.
  void prepare(const Circuit& circuit, const double* inputs_row, uint64_t sample, Amp* state) const;
  // Applies a sorted-qubit matrix; parallel over amplitude chunks when `parallel` and worthwhile.
  void apply_matrix(Amp* state, int n_qubits, const int* qubits, int k, const Amp* matrix,
                    bool parallel);
  // Re <bra| M |ket> for a sorted-qubit matrix; parallel like apply_matrix.
  double real_inner(const Amp* bra, const Amp* ket, int n_qubits, const int* qubits, int k,
                    const Amp* matrix, bool parallel);
  // Applies every step of a program for one sample.
  void apply_program(const Circuit& circuit, const Program<T>& program, const double* params,
                     const double* inputs_row, Amp* state, int n_qubits, Scratch& scratch,
                     bool parallel);
  // Whether to spread a batch over threads (else: one sample at a time, gates parallel).
  bool parallel_over_batch(int n_qubits, uint64_t batch) const;
  // The thread's scratch with psi (and lambda when with_lambda) sized for n_qubits.
  Scratch& scratch(int thread, int n_qubits, bool with_lambda);
  ThreadPool& pool() { return *pool_; }
  const KernelTable& kernels() const { return *kernels_; }

  // --- the batch-major (lane) path, see core/lane_engine.h ---
  // Whether batched calls on n_qubits run kLanes<T> samples at a time in the lane layout
  // (small registers, more than one sample) rather than one sample at a time.
  bool use_lanes(int n_qubits, uint64_t batch) const;
  // Scratch of a thread for the lane path (buffers grow on demand).
  LaneScratch<T>& lane_scratch(int thread) { return lane_scratch_[static_cast<size_t>(thread)]; }

 private:
  // Window and fixed-low sizes for an n-qubit program, or false when it runs unblocked.
  bool blocking_sizes(int n_qubits, size_t steps, int* block_qubits, int* fixed_low) const;
  void apply_program_blocked(const Circuit& circuit, const Program<T>& program,
                             const double* params, const double* inputs_row, Amp* state,
                             int n_qubits, int block_qubits, int fixed_low);

  const KernelTable* kernels_;
  std::unique_ptr<ThreadPool> pool_;
  int fusion_ = 0;
  std::vector<Scratch> scratch_;
  std::vector<LaneScratch<T>> lane_scratch_;
  int block_qubits_ = -1, fixed_low_qubits_ = 0;
  std::vector<AlignedArray<Amp>> block_scratch_;  // one cache block per thread
  int block_scratch_qubits_ = 0;
};

}  // namespace qdcnn
