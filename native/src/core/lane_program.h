#pragma once
// A circuit compiled for the batch-major ("lane") layout of kernel_table.h: one LaneOp per
// operation, each mapped to the cheapest lane kernel (permutation, diagonal, controlled 2x2,
// dense 4x4), matrices in lane form. Matrices that depend only on parameters and constants are
// built once per call (with their adjoints and angle derivatives); input-bound ones once per
// chunk of samples. A circuit whose every matrix is real runs on real amplitudes only.
#include <complex>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/circuit.h"
#include "kernels/kernel_table.h"

namespace qdcnn {

// kGather: a run of permutations (X, CNOT, SWAP) merged into one pass (see LaneOp::source).
enum class LaneOpKind { kDense1, kDense2, kDiag, kPermute, kGather };

struct LaneDiff {
  int angle = 0;                // index into the operation's angles
  AngleBinding binding;         // PARAMETER or INPUT
  size_t shared_derivative = 0; // lane-form dU/dangle in LaneProgram::shared, if !per_sample
  size_t sample_derivative = 0; // offset in the chunk's per-sample buffer, if per_sample
};

struct LaneOp {
  LaneOpKind kind = LaneOpKind::kDense1;
  int op_index = 0;
  // kDense1: {target, control or -1}; kDense2: {q0 < q1}; kDiag: sorted qubits (k of them).
  int qubits[2] = {0, -1};
  int k = 1;
  int entries = 0;  // complex matrix entries: 4, 16, 2^k, or 0 for kPermute
  uint64_t select_mask = 0, select_value = 0, flip = 0;  // kPermute
  // kGather, over the rows of its segment's block: row i <- row source[i]; inverse undoes it.
  std::vector<uint32_t> source, inverse;
  bool per_sample = false;                                // matrix depends on inputs
  size_t shared_matrix = 0, shared_adjoint = 0;           // in LaneProgram::shared, if !per_sample
  size_t sample_matrix = 0;   // offsets in the chunk's per-sample buffer, if per_sample
  size_t sample_adjoint = 0;  // (adjoint only with derivatives)
  std::vector<LaneDiff> diffs;

  // Bits of every qubit the op touches.
  uint64_t qubit_mask() const;

  // Lane-form values (re block then im block) of this op's matrix shape.
  size_t lane_values(int lanes) const { return static_cast<size_t>(2 * entries * lanes); }
};

// A run of consecutive ops (program.ops[begin, end)) that acts only on qubits below
// block_qubits: it is applied block by block (2^block_qubits consecutive rows, small enough to
// stay in L1) with every op of the run on one block before the next, instead of one pass over
// the whole chunk per op. block_qubits == n_qubits: no blocking.
struct LaneSegment {
  size_t begin = 0, end = 0;
  int block_qubits = 0;
};

template <typename T>
struct LaneProgram {
  int n_qubits = 0;
  bool real = false;
  bool with_derivatives = false;
  std::vector<LaneOp> ops;            // in execution order (commuting ops may be reordered)
  std::vector<LaneSegment> segments;  // cover ops in order
  std::vector<T> shared;              // lane-form matrices, adjoints and derivatives
  size_t sample_values = 0;           // size of a chunk's per-sample buffer
};

// Qubits per L1-sized block for a chunk of `states` state vectors (1 forward, 2 adjoint).
int lane_block_qubits(int n_qubits, bool real, int states, int lanes);

// Whether every matrix of the circuit is real for every angle (its states then stay real).
bool circuit_is_real(const Circuit& circuit);

// params: the circuit's n_params() values. with_derivatives: also bind adjoints and dU/dangle
// (for the adjoint method). block_qubits: see LaneSegment (>= n_qubits: no blocking).
template <typename T>
LaneProgram<T> compile_lane_program(const Circuit& circuit, const double* params,
                                    bool with_derivatives, int block_qubits);

// Writes the op's matrix entries (its shape, see LaneOp) from a full gate-order matrix.
void lane_entries(const Operation& op, const LaneOp& lane_op, const cdouble* gate_matrix,
                  cdouble* entries);

// Stores entries as lane `lane` of a lane-form matrix with `count` entries.
template <typename T>
void store_lane(const cdouble* entries, int count, int lane, T* lane_form);

// Lane-form adjoint (conjugate transpose) of a lane-form matrix of the op's shape.
template <typename T>
void lane_adjoint(const LaneOp& op, const T* lane_form, T* out);

// Fills the per-sample buffer of a chunk (matrices; with derivatives also adjoints and
// dU/dangle): lane l uses the inputs row rows[l].
template <typename T>
void bind_sample_matrices(const Circuit& circuit, const LaneProgram<T>& program,
                          const double* params, const double* const* rows, T* buffer);

}  // namespace qdcnn
