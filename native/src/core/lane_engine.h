#pragma once
// The batch-major execution path for small registers: samples are processed kLanes<T> at a time
// (a "chunk"), their states stored lane-innermost so each gate is one kernel call for the whole
// chunk (see kernel_table.h). Chunks are spread over the simulator's threads.
#include <cstdint>

#include "core/lane_program.h"
#include "core/lane_relabel.h"
#include "core/lane_scratch.h"
#include "core/observable.h"
#include "core/simulator.h"

namespace qdcnn {

// Largest lane count of any precision (float: 16).
constexpr int kMaxLanes = kLanes<float>;

// The samples of one chunk. Lanes past the batch repeat its last sample; their results are
// computed and discarded (so every lane holds a valid state).
struct LaneChunk {
  uint64_t first = 0;
  int valid = 0;
  const double* rows[kMaxLanes] = {};  // each lane's inputs row (null without inputs)
};

LaneChunk make_lane_chunk(const double* inputs, uint64_t n_inputs, uint64_t batch, uint64_t chunk,
                          int lanes);

// Sizes the thread's buffers for the program (psi, work and matrices; lambda when asked).
template <typename T>
void reserve_lane_scratch(LaneScratch<T>& scratch, const LaneProgram<T>& program,
                          bool with_lambda);

// Writes each lane's initial state. Throws Error ZERO_NORM naming the sample.
template <typename T>
void lane_prepare(const Circuit& circuit, const LaneChunk& chunk, bool real, T* re, T* im);

// Writes the chunk's state before program.ops: the product state of program.prefix (its factors,
// with derivatives when asked, left in s.factors / s.factor_derivatives), else as lane_prepare.
template <typename T>
void lane_start(const Circuit& circuit, const LaneProgram<T>& program, const double* params,
                const LaneChunk& chunk, LaneScratch<T>& s, bool with_derivatives, T* re, T* im);

// The lane kernels of one instruction set: the table's and the relabelled-pair ones.
template <typename T>
struct LaneKernelSet {
  const LaneKernels<T>& table;
  const LaneRelabelKernels<T>& pairs;
};

template <typename T>
LaneKernelSet<T> lane_kernel_set(const Simulator<T>& simulator);

// Applies one op with a lane-form matrix of its shape (ignored for permutations) to a state of
// n_qubits (a whole chunk, or block `block` of it, whose rows the op's qubits stay within).
// temp: 2^n_qubits rows for kGather; undo: apply a kGather's inverse (other ops get their
// adjoint as `matrix`).
template <typename T>
void lane_apply_op(const LaneKernelSet<T>& kernels, bool real, int n_qubits, uint64_t block,
                   const LaneOp& op, const T* matrix, T* re, T* im, T* temp, bool undo);

// out[l] += Re <bra_l| M |ket_l> for a lane-form matrix M of the op's shape (not permutations).
template <typename T>
void lane_inner(const LaneKernelSet<T>& kernels, bool real, int n_qubits, uint64_t block,
                const LaneOp& op, const T* bre, const T* bim, const T* kre, const T* kim,
                const T* matrix, double* out);

// The number of ops from ops[begin] on (at most `limit`, before `end`) that one group kernel
// can apply together: groupable, pairwise independent. 1 when ops[begin] has no partner.
size_t lane_group_length(const std::vector<LaneOp>& ops, size_t begin, size_t end, size_t limit);

// Applies every op of the program, segment by segment (blocked segments block by block);
// sample_matrices from bind_sample_matrices.
template <typename T>
void lane_run(const LaneKernelSet<T>& kernels, const LaneProgram<T>& program,
              const T* sample_matrices, T* re, T* im, T* temp);

// Whether every term of the observable is diagonal (Z strings and the identity): the adjoint
// can then weight psi through a program's final_source map (see lane_weighted_observable).
bool lane_observable_diagonal(const Observable& observable);

// Writes the observable's outputs of the chunk's valid lanes into outputs (batch x n_outputs).
// A program with final_source: re / im are in its final frame.
template <typename T>
void lane_outputs(const LaneKernels<T>& kernels, const Observable& observable,
                  const LaneProgram<T>& program, const T* re, const T* im,
                  LaneScratch<T>& scratch, const LaneChunk& chunk, double* outputs);

// lambda = sum_o g_o O_o psi per lane, g = the lane's row of grad_outputs (0 for padding lanes).
// A program with final_source (observable diagonal only): psi and lambda in its final frame.
// A real program keeps only Re lambda: with real gates and states the imaginary part never
// reaches Re <lambda| dU |psi> nor the amplitude-encoding gradient.
template <typename T>
void lane_weighted_observable(const Observable& observable, const LaneProgram<T>& program,
                              const LaneChunk& chunk, const double* grad_outputs, const T* re,
                              const T* im, T* lre, T* lim, LaneScratch<T>& scratch);

// Simulator::forward on the lane path. Preconditions as Simulator::forward.
template <typename T>
void lane_forward(Simulator<T>& simulator, const Circuit& circuit, const Observable& observable,
                  const double* params, const double* inputs, uint64_t batch, double* outputs);

}  // namespace qdcnn
