// The relabelled-pair lane kernels (see lane_relabel.h), written once and included by each
// lane_relabel_<isa>.cpp INSIDE a namespace of its own, after kernels/lane_kernels.h (whose
// Row, load, store and add_lanes they use); no #pragma once.
namespace relabel {

using lanes::add_lanes;
using lanes::load;
using lanes::Row;
using lanes::store;

// Calls visit(i0, i1, k) for every pair of `pairs` in an n-qubit block, i0 the row playing |0>.
// Pair g is g with a zero inserted at the lowest flip bit h. Pairs go 8 at a time: the rows of
// pair g8 + k are spread(g8) ^ offset[role of spread(g8)][k] (and that ^ flip), where the 8
// offsets per role come from a small table and only spread(g8) needs a parity.
template <bool Controlled, typename Visit>
inline void for_each_pair_of(int n, const qdcnn::LanePairs& pr, Visit&& visit) {
  const uint64_t flip = pr.flip, role_mask = pr.role_mask, ctrl_mask = pr.ctrl_mask;
  const int role = pr.role, ctrl_want = pr.ctrl_want;
  const int h = __builtin_ctzll(flip);
  const uint64_t low = (uint64_t{1} << h) - 1;
  auto spread = [&](uint64_t g) { return (g & low) | ((g & ~low) << 1); };
  auto parity = [](uint64_t x) { return static_cast<int>(__builtin_parityll(x)); };
  const uint64_t count = uint64_t{1} << (n - 1);
  if (count < 8) {
    for (uint64_t g = 0; g < count; ++g) {
      const uint64_t p = spread(g);
      if (Controlled && parity(p & ctrl_mask) != ctrl_want) continue;
      const uint64_t i0 = p ^ (flip & (0 - static_cast<uint64_t>(parity(p & role_mask) ^ role)));
      visit(i0, i0 ^ flip, std::integral_constant<unsigned, 0>());
    }
    return;
  }
  uint64_t offset[2][8];  // [role of spread(g8)][k]
  unsigned ctrl_bits = 0;  // bit k: parity(spread(k) & ctrl_mask)
  for (uint64_t k = 0; k < 8; ++k) {
    const uint64_t sk = spread(k);
    const uint64_t r = static_cast<uint64_t>(parity(sk & role_mask));
    offset[0][k] = sk ^ (flip & (0 - r));
    offset[1][k] = sk ^ (flip & (r - 1));
    ctrl_bits |= static_cast<unsigned>(parity(sk & ctrl_mask)) << k;
  }
  for (uint64_t g8 = 0; g8 < count; g8 += 8) {
    const uint64_t base = spread(g8);
    const uint64_t* o = offset[parity(base & role_mask) ^ role];
    if constexpr (Controlled) {
      const unsigned want = (parity(base & ctrl_mask) ^ ctrl_want) ? 0xffu : 0u;
      const unsigned run = ~(ctrl_bits ^ want) & 0xffu;  // bit k: pair k is applied
      for (unsigned k = 0; k < 8; ++k) {
        if (!((run >> k) & 1)) continue;
        const uint64_t i0 = base ^ o[k];
        visit(i0, i0 ^ flip, std::integral_constant<unsigned, 0>());
      }
    } else {
      // Unrolled, so each visit knows its k at compile time (see Accumulators).
      auto at = [&](auto k) {
        const uint64_t i0 = base ^ o[decltype(k)::value];
        visit(i0, i0 ^ flip, k);
      };
      at(std::integral_constant<unsigned, 0>()), at(std::integral_constant<unsigned, 1>());
      at(std::integral_constant<unsigned, 2>()), at(std::integral_constant<unsigned, 3>());
      at(std::integral_constant<unsigned, 4>()), at(std::integral_constant<unsigned, 5>());
      at(std::integral_constant<unsigned, 6>()), at(std::integral_constant<unsigned, 7>());
    }
  }
}

template <typename Visit>
inline void for_each_pair(int n, const qdcnn::LanePairs& pr, Visit&& visit) {
  if (pr.controlled) {
    for_each_pair_of<true>(n, pr, visit);
  } else {
    for_each_pair_of<false>(n, pr, visit);
  }
}

// Four sums in turn (by the pair's k), so consecutive pairs do not wait on one another's adds.
template <typename T>
struct Accumulators {
  Row<T> a[4];
  explicit Accumulators(const Row<T>& zero) : a{zero, zero, zero, zero} {}
  template <unsigned K>
  Row<T>& operator[](std::integral_constant<unsigned, K>) {
    return a[K % 4];
  }
  Row<T> total() const { return (a[0] + a[1]) + (a[2] + a[3]); }
};

template <typename T, bool Real>
void dense1(T* re, T* im, int n, const qdcnn::LanePairs& pr, const T* mre, const T* mim) {
  constexpr int L = qdcnn::kLanes<T>;
  const Row<T> a0 = load(mre), a1 = load(mre + L), a2 = load(mre + 2 * L), a3 = load(mre + 3 * L);
  Row<T> b0 = a0, b1 = a0, b2 = a0, b3 = a0;
  if constexpr (!Real) {
    b0 = load(mim), b1 = load(mim + L), b2 = load(mim + 2 * L), b3 = load(mim + 3 * L);
  }
  for_each_pair(n, pr, [&](uint64_t i0, uint64_t i1, auto) {
    T* p0 = re + i0 * L;
    T* p1 = re + i1 * L;
    const Row<T> x0 = load(p0), x1 = load(p1);
    if constexpr (Real) {
      store(p0, a0 * x0 + a1 * x1);
      store(p1, a2 * x0 + a3 * x1);
    } else {
      T* q0 = im + i0 * L;
      T* q1 = im + i1 * L;
      const Row<T> y0 = load(q0), y1 = load(q1);
      store(p0, a0 * x0 - b0 * y0 + a1 * x1 - b1 * y1);
      store(q0, a0 * y0 + b0 * x0 + a1 * y1 + b1 * x1);
      store(p1, a2 * x0 - b2 * y0 + a3 * x1 - b3 * y1);
      store(q1, a2 * y0 + b2 * x0 + a3 * y1 + b3 * x1);
    }
  });
}

template <typename T, bool Real>
void inner1(const T* bre, const T* bim, const T* kre, const T* kim, int n,
            const qdcnn::LanePairs& pr, const T* mre, const T* mim, double* out) {
  constexpr int L = qdcnn::kLanes<T>;
  const Row<T> a0 = load(mre), a1 = load(mre + L), a2 = load(mre + 2 * L), a3 = load(mre + 3 * L);
  Row<T> b0 = a0, b1 = a0, b2 = a0, b3 = a0;
  if constexpr (!Real) {
    b0 = load(mim), b1 = load(mim + L), b2 = load(mim + 2 * L), b3 = load(mim + 3 * L);
  }
  Accumulators<T> sums(a0 - a0);
  for_each_pair(n, pr, [&](uint64_t i0, uint64_t i1, auto k) {
    Row<T>& acc = sums[k];
    const uint64_t a = i0 * L, b = i1 * L;
    const Row<T> x0 = load(kre + a), x1 = load(kre + b);
    if constexpr (Real) {
      acc = acc + load(bre + a) * (a0 * x0 + a1 * x1) + load(bre + b) * (a2 * x0 + a3 * x1);
    } else {
      const Row<T> y0 = load(kim + a), y1 = load(kim + b);
      const Row<T> w0r = a0 * x0 - b0 * y0 + a1 * x1 - b1 * y1;
      const Row<T> w0i = a0 * y0 + b0 * x0 + a1 * y1 + b1 * x1;
      const Row<T> w1r = a2 * x0 - b2 * y0 + a3 * x1 - b3 * y1;
      const Row<T> w1i = a2 * y0 + b2 * x0 + a3 * y1 + b3 * x1;
      acc = acc + load(bre + a) * w0r + load(bim + a) * w0i + load(bre + b) * w1r +
            load(bim + b) * w1i;
    }
  });
  add_lanes<T>(sums.total(), out);
}

// Gradient modes of adjoint_step1: none, Re <lambda| D |A psi> with D given, or the RY
// generator Re <lambda| -iY |psi> (lambda and psi before the undo).
enum class Grad { kNone, kDerivative, kRy };

template <typename T, bool Real, Grad Mode>
void adjoint_step1(T* pre, T* pim, T* lre, T* lim, int n, const qdcnn::LanePairs& pr,
                   const T* are, const T* aim, const T* dre, const T* dim, double* out) {
  constexpr bool WithD = Mode == Grad::kDerivative;
  constexpr int L = qdcnn::kLanes<T>;
  const Row<T> a0 = load(are), a1 = load(are + L), a2 = load(are + 2 * L), a3 = load(are + 3 * L);
  Row<T> b0 = a0, b1 = a0, b2 = a0, b3 = a0, d0 = a0, d1 = a0, d2 = a0, d3 = a0;
  Row<T> e0 = a0, e1 = a0, e2 = a0, e3 = a0;
  if constexpr (!Real) {
    b0 = load(aim), b1 = load(aim + L), b2 = load(aim + 2 * L), b3 = load(aim + 3 * L);
  }
  if constexpr (WithD) {
    d0 = load(dre), d1 = load(dre + L), d2 = load(dre + 2 * L), d3 = load(dre + 3 * L);
    if constexpr (!Real) {
      e0 = load(dim), e1 = load(dim + L), e2 = load(dim + 2 * L), e3 = load(dim + 3 * L);
    }
  }
  Accumulators<T> sums(a0 - a0);
  for_each_pair(n, pr, [&](uint64_t i0, uint64_t i1, auto k) {
    Row<T>& acc = sums[k];
    const uint64_t a = i0 * L, b = i1 * L;
    if constexpr (Real) {
      const Row<T> x0 = load(pre + a), x1 = load(pre + b);
      const Row<T> p0 = a0 * x0 + a1 * x1, p1 = a2 * x0 + a3 * x1;
      store(pre + a, p0);
      store(pre + b, p1);
      const Row<T> l0 = load(lre + a), l1 = load(lre + b);
      if constexpr (WithD) acc = acc + l0 * (d0 * p0 + d1 * p1) + l1 * (d2 * p0 + d3 * p1);
      if constexpr (Mode == Grad::kRy) acc = acc + l1 * x0 - l0 * x1;
      store(lre + a, a0 * l0 + a1 * l1);
      store(lre + b, a2 * l0 + a3 * l1);
    } else {
      const Row<T> x0 = load(pre + a), x1 = load(pre + b), y0 = load(pim + a), y1 = load(pim + b);
      const Row<T> p0r = a0 * x0 - b0 * y0 + a1 * x1 - b1 * y1;
      const Row<T> p0i = a0 * y0 + b0 * x0 + a1 * y1 + b1 * x1;
      const Row<T> p1r = a2 * x0 - b2 * y0 + a3 * x1 - b3 * y1;
      const Row<T> p1i = a2 * y0 + b2 * x0 + a3 * y1 + b3 * x1;
      store(pre + a, p0r);
      store(pim + a, p0i);
      store(pre + b, p1r);
      store(pim + b, p1i);
      const Row<T> l0r = load(lre + a), l1r = load(lre + b), l0i = load(lim + a), l1i = load(lim + b);
      if constexpr (Mode == Grad::kRy) acc = acc + l1r * x0 + l1i * y0 - l0r * x1 - l0i * y1;
      if constexpr (WithD) {
        const Row<T> w0r = d0 * p0r - e0 * p0i + d1 * p1r - e1 * p1i;
        const Row<T> w0i = d0 * p0i + e0 * p0r + d1 * p1i + e1 * p1r;
        const Row<T> w1r = d2 * p0r - e2 * p0i + d3 * p1r - e3 * p1i;
        const Row<T> w1i = d2 * p0i + e2 * p0r + d3 * p1i + e3 * p1r;
        acc = acc + l0r * w0r + l0i * w0i + l1r * w1r + l1i * w1i;
      }
      store(lre + a, a0 * l0r - b0 * l0i + a1 * l1r - b1 * l1i);
      store(lim + a, a0 * l0i + b0 * l0r + a1 * l1i + b1 * l1r);
      store(lre + b, a2 * l0r - b2 * l0i + a3 * l1r - b3 * l1i);
      store(lim + b, a2 * l0i + b2 * l0r + a3 * l1i + b3 * l1r);
    }
  });
  if constexpr (Mode != Grad::kNone) add_lanes<T>(sums.total(), out);
}

// Up to kMaxGroup uncontrolled 2x2 ops whose pairs form independent qubits of the stored rows:
// parity(flip_i & role_mask_j) == (i == j). Their rows split into cosets of 2^K rows,
// base ^ sub[a] for a in [0, 2^K), where row base ^ sub[a] holds logical bit j == bit j of a.
// Coset representatives are the rows with zeros at K pivot bits (a reduced basis of the flips
// has one pivot bit each); base is the representative moved to logical 0 on every op.
template <int K>
struct Groups {
  uint64_t flip[K], role_mask[K];
  int role[K];
  uint64_t sub[1 << K];
  int pivots[K];  // ascending
  explicit Groups(const qdcnn::LanePairs* pr) {
    uint64_t reduced[K];
    for (int j = 0; j < K; ++j) {
      flip[j] = pr[j].flip, role_mask[j] = pr[j].role_mask, role[j] = pr[j].role;
      reduced[j] = pr[j].flip;
    }
    for (int j = 0; j < K; ++j) {
      const uint64_t bit = reduced[j] & (0 - reduced[j]);
      pivots[j] = __builtin_ctzll(bit);
      for (int i = 0; i < K; ++i) {
        if (i != j && (reduced[i] & bit)) reduced[i] ^= reduced[j];
      }
    }
    for (int a = 1; a < K; ++a) {  // insertion sort
      for (int b = a; b > 0 && pivots[b - 1] > pivots[b]; --b) std::swap(pivots[b - 1], pivots[b]);
    }
    for (int a = 0; a < (1 << K); ++a) {
      sub[a] = 0;
      for (int j = 0; j < K; ++j) {
        if ((a >> j) & 1) sub[a] ^= flip[j];
      }
    }
  }
  uint64_t base(uint64_t g) const {
    #pragma GCC unroll 16
    for (int j = 0; j < K; ++j) {
      const uint64_t low = (uint64_t{1} << pivots[j]) - 1;
      g = (g & low) | ((g & ~low) << 1);
    }
    uint64_t p = g;
    #pragma GCC unroll 16
    for (int j = 0; j < K; ++j) {
      const uint64_t r = static_cast<uint64_t>(__builtin_parityll(g & role_mask[j]) ^ role[j]);
      p ^= flip[j] & (0 - r);
    }
    return p;
  }
};

// (The loops over a group's ops and rows are unrolled so its rows stay in registers: measured
// 15-30 % faster than GCC's default for K >= 3.)
// x[a0], x[a1] <- the 2x2 (m0 m1; m2 m3) applied to them; y the imaginary parts if !Real.
template <typename T, bool Real>
inline void rotate(Row<T>& x0, Row<T>& x1, Row<T>& y0, Row<T>& y1, const Row<T>* a,
                   const Row<T>* b) {
  if constexpr (Real) {
    const Row<T> u0 = a[0] * x0 + a[1] * x1, u1 = a[2] * x0 + a[3] * x1;
    x0 = u0, x1 = u1;
  } else {
    const Row<T> u0 = a[0] * x0 - b[0] * y0 + a[1] * x1 - b[1] * y1;
    const Row<T> v0 = a[0] * y0 + b[0] * x0 + a[1] * y1 + b[1] * x1;
    const Row<T> u1 = a[2] * x0 - b[2] * y0 + a[3] * x1 - b[3] * y1;
    const Row<T> v1 = a[2] * y0 + b[2] * x0 + a[3] * y1 + b[3] * x1;
    x0 = u0, y0 = v0, x1 = u1, y1 = v1;
  }
}

template <typename T, bool Real>
inline void load_matrix(const T* m, Row<T>* a, Row<T>* b) {
  constexpr int L = qdcnn::kLanes<T>;
  #pragma GCC unroll 16
  for (int e = 0; e < 4; ++e) {
    a[e] = load(m + e * L);
    b[e] = Real ? a[e] : load(m + (4 + e) * L);
  }
}

// Applies ops 0..K-1 (in that order) of the group in one pass: m[j] is op j's lane-form 2x2.
template <typename T, bool Real, int K>
void group_apply(T* re, T* im, int n, const qdcnn::LanePairs* pr, const T* const* m) {
  constexpr int L = qdcnn::kLanes<T>;
  constexpr int R = 1 << K;
  const Groups<K> groups(pr);
  Row<T> a[K][4], b[K][4];
  #pragma GCC unroll 16
  for (int j = 0; j < K; ++j) load_matrix<T, Real>(m[j], a[j], b[j]);
  const uint64_t count = uint64_t{1} << (n - K);
  for (uint64_t g = 0; g < count; ++g) {
    const uint64_t base = groups.base(g);
    Row<T> x[R], y[R];
    #pragma GCC unroll 16
    for (int r = 0; r < R; ++r) {
      x[r] = load(re + (base ^ groups.sub[r]) * L);
      y[r] = Real ? x[r] : load(im + (base ^ groups.sub[r]) * L);
    }
    #pragma GCC unroll 16
    for (int j = 0; j < K; ++j) {
      #pragma GCC unroll 16
      for (int r = 0; r < R; ++r) {
        if ((r >> j) & 1) continue;
        rotate<T, Real>(x[r], x[r | 1 << j], y[r], y[r | 1 << j], a[j], b[j]);
      }
    }
    #pragma GCC unroll 16
    for (int r = 0; r < R; ++r) {
      store(re + (base ^ groups.sub[r]) * L, x[r]);
      if constexpr (!Real) store(im + (base ^ groups.sub[r]) * L, y[r]);
    }
  }
}

// The adjoint steps of ops K-1 down to 0 of the group in one pass over psi and lambda, as
// adjoint_step1 of each op in turn (adj[j]: op j's U^dagger; d[j]: its dU, with kDerivative);
// out[j * L + l] receives op j's sum.
template <typename T, bool Real, int K, Grad Mode>
void group_adjoint(T* pre, T* pim, T* lre, T* lim, int n, const qdcnn::LanePairs* pr,
                   const T* const* adj, const T* const* d, double* out) {
  constexpr int L = qdcnn::kLanes<T>;
  constexpr int R = 1 << K;
  const Groups<K> groups(pr);
  Row<T> a[K][4], b[K][4], da[K][4], db[K][4];
  #pragma GCC unroll 16
  for (int j = 0; j < K; ++j) {
    load_matrix<T, Real>(adj[j], a[j], b[j]);
    if constexpr (Mode == Grad::kDerivative) load_matrix<T, Real>(d[j], da[j], db[j]);
  }
  const Row<T> zero = a[0][0] - a[0][0];
  Row<T> acc[K];
  #pragma GCC unroll 16
  for (int j = 0; j < K; ++j) acc[j] = zero;
  const uint64_t count = uint64_t{1} << (n - K);
  for (uint64_t g = 0; g < count; ++g) {
    const uint64_t base = groups.base(g);
    Row<T> x[R], y[R], u[R], v[R];  // psi (re, im), lambda (re, im)
    #pragma GCC unroll 16
    for (int r = 0; r < R; ++r) {
      const uint64_t at = (base ^ groups.sub[r]) * L;
      x[r] = load(pre + at);
      u[r] = load(lre + at);
      y[r] = Real ? x[r] : load(pim + at);
      v[r] = Real ? u[r] : load(lim + at);
    }
    #pragma GCC unroll 16
    for (int j = K - 1; j >= 0; --j) {
      #pragma GCC unroll 16
      for (int r = 0; r < R; ++r) {
        if ((r >> j) & 1) continue;
        const int s = r | 1 << j;
        if constexpr (Mode == Grad::kRy) {
          acc[j] = acc[j] + u[s] * x[r] - u[r] * x[s];
          if constexpr (!Real) acc[j] = acc[j] + v[s] * y[r] - v[r] * y[s];
        }
        rotate<T, Real>(x[r], x[s], y[r], y[s], a[j], b[j]);
        if constexpr (Mode == Grad::kDerivative) {
          Row<T> w0 = x[r], w1 = x[s], z0 = y[r], z1 = y[s];
          rotate<T, Real>(w0, w1, z0, z1, da[j], db[j]);
          acc[j] = acc[j] + u[r] * w0 + u[s] * w1;
          if constexpr (!Real) acc[j] = acc[j] + v[r] * z0 + v[s] * z1;
        }
        rotate<T, Real>(u[r], u[s], v[r], v[s], a[j], b[j]);
      }
    }
    #pragma GCC unroll 16
    for (int r = 0; r < R; ++r) {
      const uint64_t at = (base ^ groups.sub[r]) * L;
      store(pre + at, x[r]);
      store(lre + at, u[r]);
      if constexpr (!Real) {
        store(pim + at, y[r]);
        store(lim + at, v[r]);
      }
    }
  }
  if constexpr (Mode != Grad::kNone) {
    #pragma GCC unroll 16
    for (int j = 0; j < K; ++j) add_lanes<T>(acc[j], out + j * L);
  }
}

template <typename T, bool Real, int K>
void group_adjoint_mode(T* pre, T* pim, T* lre, T* lim, int n, const qdcnn::LanePairs* pr,
                        const T* const* adj, const T* const* d, int mode, double* out) {
  switch (mode) {
    case qdcnn::kLaneGradDerivative:
      group_adjoint<T, Real, K, Grad::kDerivative>(pre, pim, lre, lim, n, pr, adj, d, out);
      return;
    case qdcnn::kLaneGradRy:
      group_adjoint<T, Real, K, Grad::kRy>(pre, pim, lre, lim, n, pr, adj, d, out);
      return;
    default:
      group_adjoint<T, Real, K, Grad::kNone>(pre, pim, lre, lim, n, pr, adj, d, out);
  }
}

// Dispatch on the group size (2 to kMaxLaneGroup).
template <typename T, bool Real>
void group_apply_of(T* re, T* im, int n, int count, const qdcnn::LanePairs* pr,
                    const T* const* m) {
  static_assert(qdcnn::kMaxLaneGroup == 4, "one case per group size");
  switch (count) {
    case 2: group_apply<T, Real, 2>(re, im, n, pr, m); return;
    case 3: group_apply<T, Real, 3>(re, im, n, pr, m); return;
    default: group_apply<T, Real, 4>(re, im, n, pr, m); return;
  }
}

template <typename T, bool Real>
void group_adjoint_of(T* pre, T* pim, T* lre, T* lim, int n, int count,
                      const qdcnn::LanePairs* pr, const T* const* adj, const T* const* d,
                      int mode, double* out) {
  switch (count) {
    case 2: group_adjoint_mode<T, Real, 2>(pre, pim, lre, lim, n, pr, adj, d, mode, out); return;
    case 3: group_adjoint_mode<T, Real, 3>(pre, pim, lre, lim, n, pr, adj, d, mode, out); return;
    default: group_adjoint_mode<T, Real, 4>(pre, pim, lre, lim, n, pr, adj, d, mode, out); return;
  }
}

}  // namespace relabel

template <typename T>
qdcnn::LaneRelabelKernels<T> make_lane_relabel_kernels() {
  qdcnn::LaneRelabelKernels<T> k;
  k.dense1 = [](T* re, T* im, int n, const qdcnn::LanePairs& pr, const T* mre, const T* mim,
                bool real) {
    real ? relabel::dense1<T, true>(re, im, n, pr, mre, mim)
         : relabel::dense1<T, false>(re, im, n, pr, mre, mim);
  };
  k.inner1 = [](const T* bre, const T* bim, const T* kre, const T* kim, int n,
                const qdcnn::LanePairs& pr, const T* mre, const T* mim, bool real, double* out) {
    real ? relabel::inner1<T, true>(bre, bim, kre, kim, n, pr, mre, mim, out)
         : relabel::inner1<T, false>(bre, bim, kre, kim, n, pr, mre, mim, out);
  };
  k.adjoint_step1 = [](T* pre, T* pim, T* lre, T* lim, int n, const qdcnn::LanePairs& pr,
                       const T* are, const T* aim, const T* dre, const T* dim, bool real,
                       double* out) {
    using relabel::Grad;
    if (dre) {
      real ? relabel::adjoint_step1<T, true, Grad::kDerivative>(pre, pim, lre, lim, n, pr, are, aim, dre, dim, out)
           : relabel::adjoint_step1<T, false, Grad::kDerivative>(pre, pim, lre, lim, n, pr, are, aim, dre, dim, out);
    } else {
      real ? relabel::adjoint_step1<T, true, Grad::kNone>(pre, pim, lre, lim, n, pr, are, aim, dre, dim, out)
           : relabel::adjoint_step1<T, false, Grad::kNone>(pre, pim, lre, lim, n, pr, are, aim, dre, dim, out);
    }
  };
  k.adjoint_step1_ry = [](T* pre, T* pim, T* lre, T* lim, int n, const qdcnn::LanePairs& pr,
                          const T* are, const T* aim, bool real, double* out) {
    using relabel::Grad;
    real ? relabel::adjoint_step1<T, true, Grad::kRy>(pre, pim, lre, lim, n, pr, are, aim, nullptr, nullptr, out)
         : relabel::adjoint_step1<T, false, Grad::kRy>(pre, pim, lre, lim, n, pr, are, aim, nullptr, nullptr, out);
  };
  k.apply_group = [](T* re, T* im, int n, int count, const qdcnn::LanePairs* pr,
                     const T* const* m, bool real) {
    real ? relabel::group_apply_of<T, true>(re, im, n, count, pr, m)
         : relabel::group_apply_of<T, false>(re, im, n, count, pr, m);
  };
  k.adjoint_group = [](T* pre, T* pim, T* lre, T* lim, int n, int count,
                       const qdcnn::LanePairs* pr, const T* const* adj, const T* const* d,
                       int mode, bool real, double* out) {
    real ? relabel::group_adjoint_of<T, true>(pre, pim, lre, lim, n, count, pr, adj, d, mode, out)
         : relabel::group_adjoint_of<T, false>(pre, pim, lre, lim, n, count, pr, adj, d, mode, out);
  };
  return k;
}
