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
#include "core/lane_relabel.h"
#include "kernels/kernel_table.h"

namespace qdcnn {

// Permutations (X, CNOT, SWAP) are classified kPermute, then absorbed into a relabelled frame
// (see lane_relabel.h): 2x2 ops after them become kPairs, and a kGather writes the rows back in
// logical order before any other op and at the end (see LaneOp::source).
enum class LaneOpKind { kDense1, kDense2, kDiag, kPermute, kGather, kPairs };

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
  uint64_t select_mask = 0, select_value = 0, flip = 0;  // kPermute (flip also for kPairs)
  // kPairs, over the whole register (see LanePairs; lane_block_pairs makes them block-local).
  uint64_t role_mask = 0, ctrl_mask = 0;
  int role = 0, ctrl_want = 1;
  bool controlled = false;
  // kGather, over the whole chunk: row i <- row source[i]; inverse undoes it.
  std::vector<uint32_t> source, inverse;
  bool per_sample = false;                                // matrix depends on inputs
  size_t shared_matrix = 0, shared_adjoint = 0;           // in LaneProgram::shared, if !per_sample
  size_t sample_matrix = 0;   // offsets in the chunk's per-sample buffer, if per_sample
  size_t sample_adjoint = 0;  // (adjoint only with derivatives)
  std::vector<LaneDiff> diffs;

  // Bits of every qubit the op touches (reads or writes).
  uint64_t qubit_mask() const;
  // Bits whose rows the op combines: a block holding all of them can run the op alone.
  uint64_t locality_mask() const { return kind == LaneOpKind::kPairs ? flip : qubit_mask(); }

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

// A single-qubit op that acts on its qubit before any multi-qubit op does, on a basis initial
// state: all of them together prepare a product state, built directly (see lane_product_state.h)
// instead of applied gate by gate. Matrices of input-free ops are computed once per call.
struct LanePrefixOp {
  int op_index = 0;
  int qubit = 0;
  bool per_sample = false;
  cdouble matrix[4] = {};          // 2x2 row-major, if !per_sample
  cdouble derivative[3][4] = {};   // dU/d(angles[a]) at [a], if !per_sample and with derivatives
  std::vector<LaneDiff> diffs;     // angle and binding only
};

template <typename T>
struct LaneProgram {
  int n_qubits = 0;
  bool real = false;
  bool with_derivatives = false;
  // Non-empty: the chunk starts from the product state of these ops (in circuit order) applied to
  // the initial basis state; ops holds the rest of the circuit.
  std::vector<LanePrefixOp> prefix;
  uint64_t initial_basis = 0;
  std::vector<LaneOp> ops;            // in execution order (commuting ops may be reordered)
  // Compiled with end_in_frame and the ops leave rows relabelled: logical row i of the final
  // state is stored row final_source[i] (final_inverse: the reverse map). Empty otherwise.
  std::vector<uint32_t> final_source, final_inverse;
  std::vector<LaneSegment> segments;  // cover ops in order
  std::vector<T> shared;              // lane-form matrices, adjoints and derivatives
  size_t sample_values = 0;           // size of a chunk's per-sample buffer
};

// The pairs of a kPairs op inside block `block` of 2^block_qubits rows; false when its control
// (on bits above the block) is unset for the whole block.
bool lane_block_pairs(const LaneOp& op, int block_qubits, uint64_t block, LanePairs* pairs);

// Whether the op is an uncontrolled 2x2 (kDense1 without control, or kPairs) that
// LaneRelabelKernels::apply_group / adjoint_group can take.
bool lane_groupable(const LaneOp& op);
// Whether two groupable ops act on independent pairs: each one's flip keeps the other's role.
bool lane_independent(const LaneOp& a, const LaneOp& b);
// As lane_block_pairs for a groupable op (a kDense1 pairs row p with p ^ its target bit).
void lane_group_pairs(const LaneOp& op, int block_qubits, uint64_t block, LanePairs* pairs);

// Qubits per L1-sized block for a chunk of `states` state vectors (1 forward, 2 adjoint).
int lane_block_qubits(int n_qubits, bool real, int states, int lanes);

// Whether every matrix of the circuit is real for every angle (its states then stay real).
bool circuit_is_real(const Circuit& circuit);

// params: the circuit's n_params() values. with_derivatives: also bind adjoints and dU/dangle
// (for the adjoint method). block_qubits: see LaneSegment (>= n_qubits: no blocking).
// end_in_frame: no gather back to logical order at the end (see final_source): the caller reads
// the final state through the map instead of paying that gather's passes.
template <typename T>
LaneProgram<T> compile_lane_program(const Circuit& circuit, const double* params,
                                    bool with_derivatives, int block_qubits,
                                    bool end_in_frame = false);

// 2x2 matrix (row-major) of a single-qubit op and its derivatives by each of its angles
// (derivatives[j] for angles[j], only when derivatives != nullptr); inputs may be null for
// input-free ops.
void single_qubit_matrix(const Operation& op, const double* params, const double* inputs,
                         cdouble* matrix, cdouble (*derivatives)[4]);

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
