#include "core/lane_program.h"

#include <algorithm>
#include <cmath>

#include "core/errors.h"
#include "core/fusion.h"

namespace qdcnn {
namespace {

bool gate_is_real(const Operation& op) {
  switch (op.gate) {
    case QDCNN_GATE_I: case QDCNN_GATE_H: case QDCNN_GATE_X: case QDCNN_GATE_Z:
    case QDCNN_GATE_RY: case QDCNN_GATE_CNOT: case QDCNN_GATE_CZ: case QDCNN_GATE_SWAP:
    case QDCNN_GATE_CRY:
      return true;
    case QDCNN_GATE_UNITARY1: case QDCNN_GATE_UNITARY2:
      return std::all_of(op.matrix.begin(), op.matrix.end(),
                         [](const cdouble& v) { return v.imag() == 0.0; });
    default:
      return false;
  }
}

// The lane kernel shape of an operation (matrix offsets and diffs are filled by the caller).
LaneOp classify(const Operation& op, int op_index) {
  LaneOp l;
  l.op_index = op_index;
  const uint64_t q0 = uint64_t{1} << op.qubits[0];
  const uint64_t q1 = op.n_qubits == 2 ? uint64_t{1} << op.qubits[1] : 0;
  switch (op.gate) {
    case QDCNN_GATE_X:
      l.kind = LaneOpKind::kPermute;
      l.select_mask = q0, l.select_value = 0, l.flip = q0;
      return l;
    case QDCNN_GATE_CNOT:  // (control, target)
      l.kind = LaneOpKind::kPermute;
      l.select_mask = q0 | q1, l.select_value = q0, l.flip = q1;
      return l;
    case QDCNN_GATE_SWAP:
      l.kind = LaneOpKind::kPermute;
      l.select_mask = q0 | q1, l.select_value = q0, l.flip = q0 | q1;
      return l;
    case QDCNN_GATE_CRX: case QDCNN_GATE_CRY:
      l.kind = LaneOpKind::kDense1;
      l.qubits[0] = op.qubits[1];
      l.qubits[1] = op.qubits[0];
      l.entries = 4;
      return l;
    default:
      break;
  }
  const GateInfo* info = find_gate(op.gate);
  if (info && info->diagonal) {
    l.kind = LaneOpKind::kDiag;
    l.k = op.n_qubits;
    l.qubits[0] = op.qubits[0];
    if (op.n_qubits == 2) {
      l.qubits[0] = std::min(op.qubits[0], op.qubits[1]);
      l.qubits[1] = std::max(op.qubits[0], op.qubits[1]);
    }
    l.entries = 1 << l.k;
  } else if (op.n_qubits == 1) {
    l.kind = LaneOpKind::kDense1;
    l.qubits[0] = op.qubits[0];
    l.qubits[1] = -1;
    l.entries = 4;
  } else {
    l.kind = LaneOpKind::kDense2;
    l.qubits[0] = std::min(op.qubits[0], op.qubits[1]);
    l.qubits[1] = std::max(op.qubits[0], op.qubits[1]);
    l.entries = 16;
  }
  return l;
}

template <typename T>
size_t append_broadcast(const cdouble* entries, int count, std::vector<T>& shared) {
  const int lanes = kLanes<T>;
  const size_t at = shared.size();
  shared.resize(at + static_cast<size_t>(2 * count * lanes));
  for (int l = 0; l < lanes; ++l) store_lane(entries, count, l, shared.data() + at);
  return at;
}

// Reorders ops (circuit order) into runs of "low" ops (all qubits < block_qubits) and "high"
// ops, moving an op only past earlier ops on disjoint qubits (those commute).
void schedule(std::vector<LaneOp>& ops, int n_qubits, int block_qubits,
              std::vector<LaneSegment>& segments) {
  segments.clear();
  if (block_qubits >= n_qubits) {
    segments.push_back({0, ops.size(), n_qubits});
    return;
  }
  const uint64_t low_mask = (uint64_t{1} << block_qubits) - 1;
  std::vector<LaneOp> remaining = std::move(ops), ordered;
  ordered.reserve(remaining.size());
  bool want_low = true;
  while (!remaining.empty()) {
    std::vector<LaneOp> rest;
    uint64_t blocked = 0;  // qubits of earlier ops left behind
    const size_t begin = ordered.size();
    for (LaneOp& op : remaining) {
      const uint64_t mask = op.qubit_mask();
      const bool low = (op.locality_mask() & ~low_mask) == 0;
      if (low == want_low && (mask & blocked) == 0) {
        ordered.push_back(std::move(op));
      } else {
        blocked |= mask;
        rest.push_back(std::move(op));
      }
    }
    if (ordered.size() > begin) {
      segments.push_back({begin, ordered.size(), want_low ? block_qubits : n_qubits});
    }
    remaining = std::move(rest);
    want_low = !want_low;
  }
  ops = std::move(ordered);
}

// Lane entries of the one-angle rotations (RX, RY, RZ, PHASE and the controlled RX, RY, whose
// entries are the rotation's 2x2) and of their derivative, from one sincos: the per-sample
// matrices of input-bound encodings are rebuilt for every sample of every call.
bool is_rotation(int32_t gate) {
  return gate == QDCNN_GATE_RX || gate == QDCNN_GATE_CRX || gate == QDCNN_GATE_RY ||
         gate == QDCNN_GATE_CRY || gate == QDCNN_GATE_RZ || gate == QDCNN_GATE_PHASE;
}

// Precondition: is_rotation(gate).
void rotation_entries(int32_t gate, double theta, cdouble* u, cdouble* d) {
  const double h = gate == QDCNN_GATE_PHASE ? theta : 0.5 * theta;
  const double c = std::cos(h), s = std::sin(h);
  switch (gate) {
    case QDCNN_GATE_RX: case QDCNN_GATE_CRX:
      u[0] = {c, 0}, u[1] = {0, -s}, u[2] = {0, -s}, u[3] = {c, 0};
      d[0] = {-0.5 * s, 0}, d[1] = {0, -0.5 * c}, d[2] = {0, -0.5 * c}, d[3] = {-0.5 * s, 0};
      return;
    case QDCNN_GATE_RY: case QDCNN_GATE_CRY:
      u[0] = {c, 0}, u[1] = {-s, 0}, u[2] = {s, 0}, u[3] = {c, 0};
      d[0] = {-0.5 * s, 0}, d[1] = {-0.5 * c, 0}, d[2] = {0.5 * c, 0}, d[3] = {-0.5 * s, 0};
      return;
    case QDCNN_GATE_RZ:  // diagonal entries
      u[0] = {c, -s}, u[1] = {c, s};
      d[0] = {-0.5 * s, -0.5 * c}, d[1] = {-0.5 * s, 0.5 * c};
      return;
    default:  // PHASE
      u[0] = {1, 0}, u[1] = {c, s};
      d[0] = {0, 0}, d[1] = {-s, c};
      return;
  }
}

// Marks the ops that belong to the product-state prefix (see LanePrefixOp): single-qubit ops
// on a qubit no multi-qubit op has touched yet. Only for basis initial states.
std::vector<bool> prefix_ops(const Circuit& circuit) {
  const auto& ops = circuit.operations();
  std::vector<bool> in_prefix(ops.size(), false);
  if (circuit.initial_state() == InitialState::kAmplitudes) return in_prefix;
  uint64_t closed = 0;  // qubits a multi-qubit op has touched
  for (size_t i = 0; i < ops.size(); ++i) {
    const Operation& op = ops[i];
    if (op.gate == QDCNN_GATE_I) continue;
    uint64_t mask = 0;
    for (int j = 0; j < op.n_qubits; ++j) mask |= uint64_t{1} << op.qubits[j];
    if (op.n_qubits == 1 && (closed & mask) == 0) {
      in_prefix[i] = true;
    } else {
      closed |= mask;
    }
  }
  return in_prefix;
}

// The affine GF(2) map between stored rows p and logical basis indices x: x_q =
// parity(p & rows[q]) ^ bit q of offset; cols[q] = the stored bits that flip x_q alone.
struct Frame {
  std::vector<uint64_t> rows, cols;
  uint64_t offset = 0;

  explicit Frame(int n) : rows(static_cast<size_t>(n)), cols(static_cast<size_t>(n)) {
    reset();
  }
  void reset() {
    for (size_t q = 0; q < rows.size(); ++q) rows[q] = cols[q] = uint64_t{1} << q;
    offset = 0;
  }
  bool identity_on(int q) const {
    const uint64_t bit = uint64_t{1} << q;
    return rows[static_cast<size_t>(q)] == bit && cols[static_cast<size_t>(q)] == bit &&
           (offset & bit) == 0;
  }
  bool identity() const {
    for (size_t q = 0; q < rows.size(); ++q) {
      if (!identity_on(static_cast<int>(q))) return false;
    }
    return true;
  }
  void x(int q) { offset ^= uint64_t{1} << q; }
  void cnot(int c, int t) {  // x_t ^= x_c
    rows[static_cast<size_t>(t)] ^= rows[static_cast<size_t>(c)];
    cols[static_cast<size_t>(c)] ^= cols[static_cast<size_t>(t)];
    offset ^= ((offset >> c) & 1) << t;
  }
  void swap(int a, int b) {
    std::swap(rows[static_cast<size_t>(a)], rows[static_cast<size_t>(b)]);
    std::swap(cols[static_cast<size_t>(a)], cols[static_cast<size_t>(b)]);
    const uint64_t differ = ((offset >> a) ^ (offset >> b)) & 1;
    offset ^= (differ << a) | (differ << b);
  }
  uint64_t logical(uint64_t p) const {
    uint64_t x = offset;
    for (size_t q = 0; q < rows.size(); ++q) {
      x ^= static_cast<uint64_t>(__builtin_parityll(p & rows[q])) << q;
    }
    return x;
  }
};

// The gather from `from` to `to` (same logical state): stored row p' of the new layout takes
// stored row p of the old one where both hold the same logical index.
LaneOp reframe(const Frame& from, const Frame& to, int n, int op_index) {
  LaneOp g;
  g.kind = LaneOpKind::kGather;
  g.op_index = op_index;
  g.select_mask = n >= 64 ? ~uint64_t{0} : (uint64_t{1} << n) - 1;
  const uint32_t size = uint32_t{1} << n;
  g.source.resize(size);
  g.inverse.resize(size);
  for (uint32_t p_new = 0; p_new < size; ++p_new) {
    const uint64_t x = to.logical(p_new) ^ from.offset;
    uint64_t p_old = 0;
    for (size_t q = 0; q < from.cols.size(); ++q) {
      if ((x >> q) & 1) p_old ^= from.cols[q];
    }
    g.source[p_new] = static_cast<uint32_t>(p_old);
    g.inverse[p_old] = p_new;
  }
  return g;
}

// The op as the frame addresses it: unchanged where the frame leaves its qubits in place.
void address(const Frame& frame, LaneOp& op) {
  const int t = op.qubits[0], c = op.qubits[1];
  if (frame.identity_on(t) && (c < 0 || frame.identity_on(c))) return;
  op.kind = LaneOpKind::kPairs;
  op.flip = frame.cols[static_cast<size_t>(t)];
  op.role_mask = frame.rows[static_cast<size_t>(t)];
  op.role = static_cast<int>((frame.offset >> t) & 1);
  op.controlled = c >= 0;
  if (op.controlled) {
    op.ctrl_mask = frame.rows[static_cast<size_t>(c)];
    op.ctrl_want = 1 ^ static_cast<int>((frame.offset >> c) & 1);
  }
}

// Absorbs every permutation (X, CNOT, SWAP) into a frame instead of moving rows; 2x2 ops on
// qubits the frame has moved become kPairs. Other ops (and the end of the program) first get
// the rows written back in logical order by one gather. Ops in circuit order, before
// scheduling. (Gathering into a layout where a layer's kPairs stay within L1 blocks was
// measured slower than running them as whole-chunk passes: a gather costs several passes.)
void relabel(const Circuit& circuit, std::vector<LaneOp>& ops, int n, LaneOp* final_gather) {
  Frame frame(n);
  std::vector<LaneOp> out;
  out.reserve(ops.size() + 1);
  for (LaneOp& op : ops) {
    const Operation& source = circuit.operations()[static_cast<size_t>(op.op_index)];
    if (op.kind == LaneOpKind::kPermute) {
      switch (source.gate) {
        case QDCNN_GATE_X: frame.x(source.qubits[0]); continue;
        case QDCNN_GATE_CNOT: frame.cnot(source.qubits[0], source.qubits[1]); continue;
        case QDCNN_GATE_SWAP: frame.swap(source.qubits[0], source.qubits[1]); continue;
        default: break;
      }
    }
    if (op.kind == LaneOpKind::kDense1) {
      address(frame, op);
    } else if (!frame.identity()) {
      out.push_back(reframe(frame, Frame(n), n, op.op_index));
      frame.reset();
    }
    out.push_back(std::move(op));
  }
  if (!frame.identity()) {
    LaneOp g = reframe(frame, Frame(n), n, static_cast<int>(circuit.operations().size()));
    if (final_gather) {
      *final_gather = std::move(g);
    } else {
      out.push_back(std::move(g));
    }
  }
  ops = std::move(out);
}

}  // namespace

bool lane_block_pairs(const LaneOp& op, int block_qubits, uint64_t block, LanePairs* pairs) {
  const uint64_t low = block_qubits >= 64 ? ~uint64_t{0} : (uint64_t{1} << block_qubits) - 1;
  const uint64_t base = block << block_qubits;
  pairs->flip = op.flip;
  pairs->role_mask = op.role_mask & low;
  pairs->role = op.role ^ __builtin_parityll(base & op.role_mask);
  pairs->controlled = false;
  if (!op.controlled) return true;
  const int want = op.ctrl_want ^ __builtin_parityll(base & op.ctrl_mask);
  pairs->ctrl_mask = op.ctrl_mask & low;
  if (pairs->ctrl_mask == 0) return want == 0;  // the control parity is 0 on the whole block
  pairs->controlled = true;
  pairs->ctrl_want = want;
  return true;
}

bool lane_groupable(const LaneOp& op) {
  return (op.kind == LaneOpKind::kPairs && !op.controlled) ||
         (op.kind == LaneOpKind::kDense1 && op.qubits[1] < 0);
}

namespace {
uint64_t group_flip(const LaneOp& op) {
  return op.kind == LaneOpKind::kPairs ? op.flip : uint64_t{1} << op.qubits[0];
}
uint64_t group_role_mask(const LaneOp& op) {
  return op.kind == LaneOpKind::kPairs ? op.role_mask : uint64_t{1} << op.qubits[0];
}
}  // namespace

bool lane_independent(const LaneOp& a, const LaneOp& b) {
  return !__builtin_parityll(group_flip(a) & group_role_mask(b)) &&
         !__builtin_parityll(group_flip(b) & group_role_mask(a));
}

void lane_group_pairs(const LaneOp& op, int block_qubits, uint64_t block, LanePairs* pairs) {
  if (op.kind == LaneOpKind::kPairs) {
    lane_block_pairs(op, block_qubits, block, pairs);
    return;
  }
  *pairs = LanePairs();
  pairs->flip = pairs->role_mask = uint64_t{1} << op.qubits[0];  // within the block
  pairs->role = 0;
}

void single_qubit_matrix(const Operation& op, const double* params, const double* inputs,
                         cdouble* m, cdouble (*derivatives)[4]) {
  if (is_rotation(op.gate)) {
    cdouble u[4], d[4];
    rotation_entries(op.gate, op.angles[0].value(params, inputs), u, d);
    if (op.gate == QDCNN_GATE_RZ || op.gate == QDCNN_GATE_PHASE) {  // diagonal entries
      m[0] = u[0], m[1] = 0, m[2] = 0, m[3] = u[1];
      if (derivatives) {
        derivatives[0][0] = d[0], derivatives[0][1] = 0, derivatives[0][2] = 0;
        derivatives[0][3] = d[1];
      }
    } else {
      std::copy(u, u + 4, m);
      if (derivatives) std::copy(d, d + 4, derivatives[0]);
    }
    return;
  }
  op.matrix_into(params, inputs, m);
  if (!derivatives) return;
  double angles[3];
  for (int a = 0; a < op.n_angles; ++a) angles[a] = op.angles[a].value(params, inputs);
  for (int a = 0; a < op.n_angles; ++a) {
    if (op.angles[a].source == QDCNN_ANGLE_CONSTANT) continue;
    gate_matrix_derivative_into(op.gate, angles, a, derivatives[a]);
  }
}

uint64_t LaneOp::qubit_mask() const {
  switch (kind) {
    case LaneOpKind::kPermute:
      return select_mask | flip;
    case LaneOpKind::kGather:
      return select_mask;
    case LaneOpKind::kPairs:
      return flip | role_mask | ctrl_mask;
    case LaneOpKind::kDense1:
      return (uint64_t{1} << qubits[0]) | (qubits[1] >= 0 ? uint64_t{1} << qubits[1] : 0);
    case LaneOpKind::kDense2:
      return (uint64_t{1} << qubits[0]) | (uint64_t{1} << qubits[1]);
    case LaneOpKind::kDiag:
      return (uint64_t{1} << qubits[0]) | (k == 2 ? uint64_t{1} << qubits[1] : 0);
  }
  return 0;
}

int lane_block_qubits(int n_qubits, bool real, int states, int /*lanes*/) {
  // One row is 64 bytes per plane; keep the blocks of all states within 32 KiB of L1.
  const int planes = real ? 1 : 2;
  int rows_log2 = 9;  // 32 KiB / 64 B
  for (int f = planes * states; f > 1; f /= 2) --rows_log2;
  return std::min(n_qubits, std::max(rows_log2, 2));
}

bool circuit_is_real(const Circuit& circuit) {
  const auto& ops = circuit.operations();
  return std::all_of(ops.begin(), ops.end(), gate_is_real);
}

void lane_entries(const Operation& op, const LaneOp& lane_op, const cdouble* m, cdouble* out) {
  switch (lane_op.kind) {
    case LaneOpKind::kDense1:
    case LaneOpKind::kPairs:  // a relabelled kDense1: the same entries
      if (lane_op.qubits[1] < 0) {
        std::copy(m, m + 4, out);
      } else {  // gate order (control, target): the block where bit 0 (control) is set
        for (int r = 0; r < 2; ++r) {
          for (int c = 0; c < 2; ++c) out[r * 2 + c] = m[(1 | r << 1) * 4 + (1 | c << 1)];
        }
      }
      return;
    case LaneOpKind::kDense2: {
      int sorted[2];
      sort_matrix_qubits(op.qubits, 2, m, out, sorted);
      return;
    }
    case LaneOpKind::kDiag: {
      cdouble s[16];
      int sorted[2];
      sort_matrix_qubits(op.qubits, op.n_qubits, m, s, sorted);
      const int dim = 1 << op.n_qubits;
      for (int e = 0; e < dim; ++e) out[e] = s[e * dim + e];
      return;
    }
    case LaneOpKind::kPermute:
    case LaneOpKind::kGather:
      return;
  }
}

template <typename T>
void store_lane(const cdouble* entries, int count, int lane, T* lane_form) {
  const int lanes = kLanes<T>;
  for (int e = 0; e < count; ++e) {
    lane_form[e * lanes + lane] = static_cast<T>(entries[e].real());
    lane_form[(count + e) * lanes + lane] = static_cast<T>(entries[e].imag());
  }
}

template <typename T>
void lane_adjoint(const LaneOp& op, const T* in, T* out) {
  const int lanes = kLanes<T>;
  const int count = op.entries;
  const T* in_im = in + count * lanes;
  T* out_im = out + count * lanes;
  if (op.kind == LaneOpKind::kDiag) {
    for (int i = 0; i < count * lanes; ++i) {
      out[i] = in[i];
      out_im[i] = -in_im[i];
    }
    return;
  }
  const int dim = op.kind == LaneOpKind::kDense2 ? 4 : 2;
  for (int r = 0; r < dim; ++r) {
    for (int c = 0; c < dim; ++c) {
      const int to = (r * dim + c) * lanes, from = (c * dim + r) * lanes;
      for (int l = 0; l < lanes; ++l) {
        out[to + l] = in[from + l];
        out_im[to + l] = -in_im[from + l];
      }
    }
  }
}

template <typename T>
LaneProgram<T> compile_lane_program(const Circuit& circuit, const double* params,
                                    bool with_derivatives, int block_qubits,
                                    bool end_in_frame) {
  LaneProgram<T> program;
  program.n_qubits = circuit.n_qubits();
  program.real = circuit_is_real(circuit);
  program.with_derivatives = with_derivatives;
  const auto& ops = circuit.operations();
  const int lanes = kLanes<T>;
  const std::vector<bool> in_prefix = prefix_ops(circuit);
  program.initial_basis =
      circuit.initial_state() == InitialState::kBasis ? circuit.initial_basis() : 0;
  for (size_t i = 0; i < ops.size(); ++i) {
    const Operation& op = ops[i];
    if (op.gate == QDCNN_GATE_I) continue;
    if (in_prefix[i]) {
      LanePrefixOp p;
      p.op_index = static_cast<int>(i);
      p.qubit = op.qubits[0];
      p.per_sample = op.depends_on_inputs();
      if (!p.per_sample) {
        single_qubit_matrix(op, params, nullptr, p.matrix,
                            with_derivatives ? p.derivative : nullptr);
      }
      for (int a = 0; a < op.n_angles; ++a) {
        if (op.angles[a].source == QDCNN_ANGLE_CONSTANT) continue;
        LaneDiff d;
        d.angle = a;
        d.binding = op.angles[a];
        p.diffs.push_back(d);
      }
      program.prefix.push_back(std::move(p));
      continue;
    }
    LaneOp l = classify(op, static_cast<int>(i));
    l.per_sample = op.depends_on_inputs();
    cdouble full[16], entries[16];
    if (l.entries > 0 && !l.per_sample) {
      op.matrix_into(params, nullptr, full);
      lane_entries(op, l, full, entries);
      l.shared_matrix = append_broadcast(entries, l.entries, program.shared);
      l.shared_adjoint = program.shared.size();
      program.shared.resize(program.shared.size() + l.lane_values(lanes));
      lane_adjoint(l, program.shared.data() + l.shared_matrix,
                   program.shared.data() + l.shared_adjoint);
    }
    if (l.per_sample) {
      l.sample_matrix = program.sample_values;
      program.sample_values += l.lane_values(lanes);
      if (with_derivatives) {
        l.sample_adjoint = program.sample_values;
        program.sample_values += l.lane_values(lanes);
      }
    }
    for (int a = 0; a < op.n_angles; ++a) {
      if (op.angles[a].source == QDCNN_ANGLE_CONSTANT) continue;
      LaneDiff d;
      d.angle = a;
      d.binding = op.angles[a];
      if (with_derivatives && !l.per_sample) {
        double values[3];
        for (int j = 0; j < op.n_angles; ++j) values[j] = op.angles[j].value(params, nullptr);
        gate_matrix_derivative_into(op.gate, values, a, full);
        lane_entries(op, l, full, entries);
        d.shared_derivative = append_broadcast(entries, l.entries, program.shared);
      }
      if (with_derivatives && l.per_sample) {
        d.sample_derivative = program.sample_values;
        program.sample_values += l.lane_values(lanes);
      }
      l.diffs.push_back(d);
    }
    program.ops.push_back(std::move(l));
  }
  LaneOp final_gather;
  relabel(circuit, program.ops, program.n_qubits, end_in_frame ? &final_gather : nullptr);
  program.final_source = std::move(final_gather.source);
  program.final_inverse = std::move(final_gather.inverse);
  schedule(program.ops, program.n_qubits, block_qubits, program.segments);
  return program;
}

template <typename T>
void bind_sample_matrices(const Circuit& circuit, const LaneProgram<T>& program,
                          const double* params, const double* const* rows, T* buffer) {
  const auto& ops = circuit.operations();
  for (const LaneOp& l : program.ops) {
    if (!l.per_sample) continue;
    const Operation& op = ops[static_cast<size_t>(l.op_index)];
    T* at = buffer + l.sample_matrix;
    cdouble u[4], d[4];
    if (is_rotation(op.gate)) {
      for (int lane = 0; lane < kLanes<T>; ++lane) {
        rotation_entries(op.gate, op.angles[0].value(params, rows[lane]), u, d);
        store_lane(u, l.entries, lane, at);
        if (program.with_derivatives && !l.diffs.empty()) {
          store_lane(d, l.entries, lane, buffer + l.diffs[0].sample_derivative);
        }
      }
      if (program.with_derivatives) lane_adjoint(l, at, buffer + l.sample_adjoint);
      continue;
    }
    for (int lane = 0; lane < kLanes<T>; ++lane) {
      cdouble full[16], entries[16];
      op.matrix_into(params, rows[lane], full);
      lane_entries(op, l, full, entries);
      store_lane(entries, l.entries, lane, at);
    }
    if (!program.with_derivatives) continue;
    lane_adjoint(l, at, buffer + l.sample_adjoint);
    for (const LaneDiff& d : l.diffs) {
      for (int lane = 0; lane < kLanes<T>; ++lane) {
        double angles[3];
        for (int a = 0; a < op.n_angles; ++a) angles[a] = op.angles[a].value(params, rows[lane]);
        cdouble full[16], entries[16];
        gate_matrix_derivative_into(op.gate, angles, d.angle, full);
        lane_entries(op, l, full, entries);
        store_lane(entries, l.entries, lane, buffer + d.sample_derivative);
      }
    }
  }
}

#define QDCNN_INSTANTIATE(T)                                                                 \
  template void store_lane<T>(const cdouble*, int, int, T*);                                 \
  template void lane_adjoint<T>(const LaneOp&, const T*, T*);                                \
  template LaneProgram<T> compile_lane_program<T>(const Circuit&, const double*, bool, int,   \
                                                  bool);                                      \
  template void bind_sample_matrices<T>(const Circuit&, const LaneProgram<T>&, const double*, \
                                        const double* const*, T*);
QDCNN_INSTANTIATE(float)
QDCNN_INSTANTIATE(double)
#undef QDCNN_INSTANTIATE

}  // namespace qdcnn
