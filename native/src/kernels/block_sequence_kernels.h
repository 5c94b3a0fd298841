// Sequence kernel for cache blocks (PlanarKernels::apply_sequence): applies the sparse factors of a
// fused step (rotations, sign flips; PlanarOp in kernel_table.h) one after the other on L1-sized
// tiles of a planar state, instead of the step's dense matrix. A dense k-qubit product costs
// 3 * 2^k real FMAs per amplitude; an rx, ry or rz factor costs 2 and a cz sign flip almost
// nothing, so a 4-qubit step made of 8 rotations and 3 cz needs about a third of the arithmetic.
// apply_sequence_runs (the scalar reference) applies one factor per pass over contiguous runs;
// apply_sequence_passes (SIMD units) applies several per load and store (register passes below).
// Each ISA translation unit includes this file INSIDE a namespace of its own (like
// kernels_generic.h; no #pragma once) and its -m flags vectorise the loops.
#include <cstdint>

// Rotation factor [[a, -conj(b)], [b, conj(a)]] on one pair of runs, specialised on which of
// a's and b's parts are zero so that rx, ry and rz need 2 products per real output.
enum BlockRotationForm { kBlockRotX, kBlockRotY, kBlockRotZ, kBlockRotGeneral };

template <typename T, int Form>
inline void block_rotate_runs(T* __restrict r0, T* __restrict i0, T* __restrict r1,
                              T* __restrict i1, uint64_t run, T ar, T ai, T br, T bi) {
  for (uint64_t i = 0; i < run; ++i) {
    const T x0r = r0[i], x0i = i0[i], x1r = r1[i], x1i = i1[i];
    if constexpr (Form == kBlockRotX) {  // ai = br = 0
      r0[i] = ar * x0r - bi * x1i;
      i0[i] = ar * x0i + bi * x1r;
      r1[i] = ar * x1r - bi * x0i;
      i1[i] = ar * x1i + bi * x0r;
    } else if constexpr (Form == kBlockRotY) {  // ai = bi = 0
      r0[i] = ar * x0r - br * x1r;
      i0[i] = ar * x0i - br * x1i;
      r1[i] = br * x0r + ar * x1r;
      i1[i] = br * x0i + ar * x1i;
    } else if constexpr (Form == kBlockRotZ) {  // br = bi = 0
      r0[i] = ar * x0r - ai * x0i;
      i0[i] = ar * x0i + ai * x0r;
      r1[i] = ar * x1r + ai * x1i;
      i1[i] = ar * x1i - ai * x1r;
    } else {
      r0[i] = ar * x0r - ai * x0i - br * x1r - bi * x1i;
      i0[i] = ar * x0i + ai * x0r - br * x1i + bi * x1r;
      r1[i] = br * x0r - bi * x0i + ar * x1r + ai * x1i;
      i1[i] = br * x0i + bi * x0r + ar * x1i - ai * x1r;
    }
  }
}

// One rotation of the pair (x0, x1) in the op's form. V is T itself (scalar reference) or a SIMD
// vector of T (the register passes below).
template <typename V, typename T, int Form>
inline void block_rotate(V& x0r, V& x0i, V& x1r, V& x1i, const PlanarOp<T>& op) {
  const T ar = op.ar, ai = op.ai, br = op.br, bi = op.bi;
  const V a0r = x0r, a0i = x0i, a1r = x1r, a1i = x1i;
  if constexpr (Form == kBlockRotX) {
    x0r = ar * a0r - bi * a1i;
    x0i = ar * a0i + bi * a1r;
    x1r = ar * a1r - bi * a0i;
    x1i = ar * a1i + bi * a0r;
  } else if constexpr (Form == kBlockRotY) {
    x0r = ar * a0r - br * a1r;
    x0i = ar * a0i - br * a1i;
    x1r = br * a0r + ar * a1r;
    x1i = br * a0i + ar * a1i;
  } else if constexpr (Form == kBlockRotZ) {
    x0r = ar * a0r - ai * a0i;
    x0i = ar * a0i + ai * a0r;
    x1r = ar * a1r + ai * a1i;
    x1i = ar * a1i - ai * a1r;
  } else {
    x0r = ar * a0r - ai * a0i - br * a1r - bi * a1i;
    x0i = ar * a0i + ai * a0r - br * a1i + bi * a1r;
    x1r = br * a0r - bi * a0i + ar * a1r + ai * a1i;
    x1i = br * a0i + bi * a0r + ar * a1i - ai * a1r;
  }
}

// Two rotations on different qubits in one pass over quadruples of runs (x00, x10, x01, x11:
// first index the first op's qubit bit): half the loads and stores of two single passes.
template <typename T, int FormA, int FormB>
inline void block_rotate_pair_runs(T* __restrict r00, T* __restrict i00, T* __restrict r10,
                                   T* __restrict i10, T* __restrict r01, T* __restrict i01,
                                   T* __restrict r11, T* __restrict i11, uint64_t run,
                                   const PlanarOp<T> a, const PlanarOp<T> b) {
  for (uint64_t i = 0; i < run; ++i) {
    T y00r = r00[i], y00i = i00[i], y10r = r10[i], y10i = i10[i];
    T y01r = r01[i], y01i = i01[i], y11r = r11[i], y11i = i11[i];
    block_rotate<T, T, FormA>(y00r, y00i, y10r, y10i, a);
    block_rotate<T, T, FormA>(y01r, y01i, y11r, y11i, a);
    block_rotate<T, T, FormB>(y00r, y00i, y01r, y01i, b);
    block_rotate<T, T, FormB>(y10r, y10i, y11r, y11i, b);
    r00[i] = y00r; i00[i] = y00i; r10[i] = y10r; i10[i] = y10i;
    r01[i] = y01r; i01[i] = y01i; r11[i] = y11r; i11[i] = y11i;
  }
}

template <typename T>
inline int block_rotation_form(const PlanarOp<T>& op) {
  if (op.ai == T(0) && op.br == T(0)) return kBlockRotX;
  if (op.ai == T(0) && op.bi == T(0)) return kBlockRotY;
  if (op.br == T(0) && op.bi == T(0)) return kBlockRotZ;
  return kBlockRotGeneral;
}

template <typename T, int FormA, int FormB>
inline void block_rotate_pair_tile(T* re, T* im, const uint64_t* off, int chunks, int bit_a,
                                   int bit_b, uint64_t run, const PlanarOp<T>& a,
                                   const PlanarOp<T>& b) {
  for (int c = 0; c < chunks; ++c) {
    if (c & (bit_a | bit_b)) continue;
    const uint64_t p00 = off[c], p10 = off[c | bit_a], p01 = off[c | bit_b],
                   p11 = off[c | bit_a | bit_b];
    block_rotate_pair_runs<T, FormA, FormB>(re + p00, im + p00, re + p10, im + p10, re + p01,
                                            im + p01, re + p11, im + p11, run, a, b);
  }
}

template <typename T, int FormA>
inline void block_rotate_pair_tile_b(T* re, T* im, const uint64_t* off, int chunks, int bit_a,
                                     int bit_b, uint64_t run, const PlanarOp<T>& a,
                                     const PlanarOp<T>& b) {
  switch (block_rotation_form(b)) {
    case kBlockRotX:
      block_rotate_pair_tile<T, FormA, kBlockRotX>(re, im, off, chunks, bit_a, bit_b, run, a, b);
      break;
    case kBlockRotY:
      block_rotate_pair_tile<T, FormA, kBlockRotY>(re, im, off, chunks, bit_a, bit_b, run, a, b);
      break;
    case kBlockRotZ:
      block_rotate_pair_tile<T, FormA, kBlockRotZ>(re, im, off, chunks, bit_a, bit_b, run, a, b);
      break;
    default:
      block_rotate_pair_tile<T, FormA, kBlockRotGeneral>(re, im, off, chunks, bit_a, bit_b, run,
                                                          a, b);
  }
}

template <typename T>
inline void block_negate_run(T* __restrict re, T* __restrict im, uint64_t run) {
  for (uint64_t i = 0; i < run; ++i) {
    re[i] = -re[i];
    im[i] = -im[i];
  }
}

template <typename T, int Form>
inline void block_rotate_tile(T* re, T* im, const uint64_t* off, int chunks, int bit,
                              uint64_t run, const PlanarOp<T>& op) {
  for (int c = 0; c < chunks; ++c) {
    if (c & bit) continue;
    const uint64_t p0 = off[c], p1 = off[c | bit];
    block_rotate_runs<T, Form>(re + p0, im + p0, re + p1, im + p1, run, op.ar, op.ai, op.br, op.bi);
  }
}

// Preconditions: qubits ascending, 1 <= k <= 4, k < n_qubits; every op's qubits are among them.
// Tiles span the k qubits and the contiguous low run below qubits[0] (at most
// kBlockTileQubits - k of its qubits), so every factor of a tile is applied while it sits in L1.
template <typename T>
void apply_sequence_runs(T* re, T* im, int n_qubits, const int* qubits, int k,
                         const PlanarOp<T>* ops, int count) {
  constexpr int kBlockTileQubits = sizeof(T) == 4 ? 11 : 10;  // 16 KiB of planar amplitudes
  int low = qubits[0] < kBlockTileQubits - k ? qubits[0] : kBlockTileQubits - k;
  if (low > n_qubits - k) low = n_qubits - k;
  const uint64_t run = uint64_t{1} << low;
  const int chunks = 1 << k;
  uint64_t off[16];
  for (int c = 0; c < chunks; ++c) {
    uint64_t o = 0;
    for (int j = 0; j < k; ++j) {
      if (c & (1 << j)) o |= uint64_t{1} << qubits[j];
    }
    off[c] = o;
  }
  // Position of each op's qubits among the step's: bit masks over the chunk index.
  auto bit_of = [&](int qubit) {
    for (int j = 0; j < k; ++j) {
      if (qubits[j] == qubit) return 1 << j;
    }
    return 0;
  };
  const uint64_t tiles = uint64_t{1} << (n_qubits - k - low);
  for (uint64_t t = 0; t < tiles; ++t) {
    uint64_t base = t << low;
    for (int j = 0; j < k; ++j) {
      const uint64_t below = (uint64_t{1} << qubits[j]) - 1;
      base = (base & below) | ((base & ~below) << 1);
    }
    T* const tr = re + base;
    T* const ti = im + base;
    for (int o = 0; o < count; ++o) {
      const PlanarOp<T>& op = ops[o];
      if (op.kind == kPlanarRotation && o + 1 < count && ops[o + 1].kind == kPlanarRotation &&
          ops[o + 1].q0 != op.q0) {
        const PlanarOp<T>& next = ops[o + 1];
        const int bit_a = bit_of(op.q0), bit_b = bit_of(next.q0);
        switch (block_rotation_form(op)) {
          case kBlockRotX:
            block_rotate_pair_tile_b<T, kBlockRotX>(tr, ti, off, chunks, bit_a, bit_b, run, op, next);
            break;
          case kBlockRotY:
            block_rotate_pair_tile_b<T, kBlockRotY>(tr, ti, off, chunks, bit_a, bit_b, run, op, next);
            break;
          case kBlockRotZ:
            block_rotate_pair_tile_b<T, kBlockRotZ>(tr, ti, off, chunks, bit_a, bit_b, run, op, next);
            break;
          default:
            block_rotate_pair_tile_b<T, kBlockRotGeneral>(tr, ti, off, chunks, bit_a, bit_b, run, op,
                                                          next);
        }
        ++o;
        continue;
      }
      if (op.kind == kPlanarSignFlip) {
        const int both = bit_of(op.q0) | bit_of(op.q1);
        for (int c = 0; c < chunks; ++c) {
          if ((c & both) == both) block_negate_run(tr + off[c], ti + off[c], run);
        }
        continue;
      }
      const int bit = bit_of(op.q0);
      if (op.ai == T(0) && op.br == T(0)) {
        block_rotate_tile<T, kBlockRotX>(tr, ti, off, chunks, bit, run, op);
      } else if (op.ai == T(0) && op.bi == T(0)) {
        block_rotate_tile<T, kBlockRotY>(tr, ti, off, chunks, bit, run, op);
      } else if (op.br == T(0) && op.bi == T(0)) {
        block_rotate_tile<T, kBlockRotZ>(tr, ti, off, chunks, bit, run, op);
      } else {
        block_rotate_tile<T, kBlockRotGeneral>(tr, ti, off, chunks, bit, run, op);
      }
    }
  }
}

// ---- Register passes (SIMD translation units) ----
// The ops are grouped into passes, each on a pair of the step's qubits (an op may move ahead of
// earlier ops on other qubits, which it commutes with). A pass loads the four runs of a quadruple
// once per vector, applies all its ops in registers and stores once: rotations then cost their
// arithmetic (4 products per amplitude) instead of a load and a store each.
// Op codes inside a pass: rotation form * 2 + (0: first qubit, 1: second), or kPassSignFlip.
constexpr int kPassSignFlip = 8;

template <typename T, int W>
struct BlockPassVec {
  typedef T type __attribute__((vector_size(W)));
};

#define QDCNN_PASS_ROT(FORM)                                                            \
  case FORM * 2:                                                                        \
    for (int v = 0; v < S; ++v) {                                                       \
      block_rotate<Vec, T, FORM>(r[0][v], m[0][v], r[1][v], m[1][v], op);          \
      block_rotate<Vec, T, FORM>(r[2][v], m[2][v], r[3][v], m[3][v], op);          \
    }                                                                                   \
    break;                                                                              \
  case FORM * 2 + 1:                                                                    \
    for (int v = 0; v < S; ++v) {                                                       \
      block_rotate<Vec, T, FORM>(r[0][v], m[0][v], r[2][v], m[2][v], op);          \
      block_rotate<Vec, T, FORM>(r[1][v], m[1][v], r[3][v], m[3][v], op);          \
    }                                                                                   \
    break;

// One pass over the quadruple runs p[0..3] (index: first qubit bit + 2 * second qubit bit), S
// vectors of each run at a time (one op dispatch per S vectors; 8 * S registers of data).
// Precondition: run is a multiple of S * W / sizeof(T).
template <typename T, int W, int S>
void block_pass_runs(T* re, T* im, const uint64_t* p, uint64_t run, const int* codes,
                     const PlanarOp<T>* const* ops, int count) {
  using Vec = typename BlockPassVec<T, W>::type;
  constexpr uint64_t kLanes = W / sizeof(T);
  for (uint64_t i = 0; i < run; i += S * kLanes) {
    Vec r[4][S], m[4][S];
#pragma GCC unroll 4
    for (int j = 0; j < 4; ++j) {
#pragma GCC unroll 4
      for (int v = 0; v < S; ++v) {
        __builtin_memcpy(&r[j][v], re + p[j] + i + v * kLanes, sizeof(Vec));
        __builtin_memcpy(&m[j][v], im + p[j] + i + v * kLanes, sizeof(Vec));
      }
    }
    for (int o = 0; o < count; ++o) {
      const PlanarOp<T>& op = *ops[o];
      switch (codes[o]) {
        QDCNN_PASS_ROT(kBlockRotX)
        QDCNN_PASS_ROT(kBlockRotY)
        QDCNN_PASS_ROT(kBlockRotZ)
        QDCNN_PASS_ROT(kBlockRotGeneral)
        default:  // kPassSignFlip
          for (int v = 0; v < S; ++v) {
            r[3][v] = -r[3][v];
            m[3][v] = -m[3][v];
          }
      }
    }
#pragma GCC unroll 4
    for (int j = 0; j < 4; ++j) {
#pragma GCC unroll 4
      for (int v = 0; v < S; ++v) {
        __builtin_memcpy(re + p[j] + i + v * kLanes, &r[j][v], sizeof(Vec));
        __builtin_memcpy(im + p[j] + i + v * kLanes, &m[j][v], sizeof(Vec));
      }
    }
  }
}
#undef QDCNN_PASS_ROT

// Same contract as apply_sequence_runs. Falls back to it when a pass cannot be formed (k = 1) or
// the contiguous run is shorter than a vector.
template <typename T, int W>
void apply_sequence_passes(T* re, T* im, int n_qubits, const int* qubits, int k,
                           const PlanarOp<T>* ops, int count) {
  constexpr int kBlockTileQubits = sizeof(T) == 4 ? 11 : 10;
  constexpr uint64_t kLanes = W / sizeof(T);
  int low = qubits[0] < kBlockTileQubits - k ? qubits[0] : kBlockTileQubits - k;
  if (low > n_qubits - k) low = n_qubits - k;
  const uint64_t run = uint64_t{1} << low;
  if (k < 2 || run < kLanes || count > 64) {
    apply_sequence_runs<T>(re, im, n_qubits, qubits, k, ops, count);
    return;
  }
  // Group the ops into passes on qubit pairs (greedy; order kept on shared qubits).
  struct Pass {
    int qa, qb, first, count;
  };
  Pass passes[64];
  int codes[64];
  const PlanarOp<T>* order[64];
  int n_passes = 0, placed = 0;
  bool done[64] = {};
  while (placed < count) {
    Pass pass{-1, -1, placed, 0};
    bool blocked_q[64] = {};
    for (int o = 0; o < count; ++o) {
      if (done[o]) continue;
      const PlanarOp<T>& op = ops[o];
      const bool flip = op.kind == kPlanarSignFlip;
      const int q0 = op.q0, q1 = flip ? op.q1 : op.q0;
      bool fits = !blocked_q[q0] && !blocked_q[q1];
      int qa = pass.qa, qb = pass.qb;
      for (int q : {q0, q1}) {
        if (!fits || q == qa || q == qb) continue;
        if (qa < 0) {
          qa = q;
        } else if (qb < 0) {
          qb = q;
        } else {
          fits = false;
        }
      }
      if (fits) {
        pass.qa = qa;
        pass.qb = qb;
        order[placed] = &op;
        codes[placed] = flip ? kPassSignFlip : block_rotation_form(op) * 2 + (q0 == qa ? 0 : 1);
        done[o] = true;
        ++placed;
        ++pass.count;
      } else {
        blocked_q[q0] = blocked_q[q1] = true;
      }
    }
    if (pass.qb < 0) {  // one qubit only: pair it with another step qubit
      pass.qb = qubits[0] == pass.qa ? qubits[1] : qubits[0];
    }
    passes[n_passes++] = pass;
  }
  const int chunks = 1 << k;
  uint64_t off[16];
  for (int c = 0; c < chunks; ++c) {
    uint64_t o = 0;
    for (int j = 0; j < k; ++j) {
      if (c & (1 << j)) o |= uint64_t{1} << qubits[j];
    }
    off[c] = o;
  }
  auto bit_of = [&](int qubit) {
    for (int j = 0; j < k; ++j) {
      if (qubits[j] == qubit) return 1 << j;
    }
    return 0;
  };
  const uint64_t tiles = uint64_t{1} << (n_qubits - k - low);
  for (uint64_t t = 0; t < tiles; ++t) {
    uint64_t base = t << low;
    for (int j = 0; j < k; ++j) {
      const uint64_t below = (uint64_t{1} << qubits[j]) - 1;
      base = (base & below) | ((base & ~below) << 1);
    }
    for (int s = 0; s < n_passes; ++s) {
      const Pass& pass = passes[s];
      const int bit_a = bit_of(pass.qa), bit_b = bit_of(pass.qb);
      for (int c = 0; c < chunks; ++c) {
        if (c & (bit_a | bit_b)) continue;
        const uint64_t p[4] = {base + off[c], base + off[c | bit_a], base + off[c | bit_b],
                               base + off[c | bit_a | bit_b]};
        if (run >= 2 * kLanes) {
          block_pass_runs<T, W, 2>(re, im, p, run, codes + pass.first, order + pass.first,
                                   pass.count);
        } else {
          block_pass_runs<T, W, 1>(re, im, p, run, codes + pass.first, order + pass.first,
                                   pass.count);
        }
      }
    }
  }
}
