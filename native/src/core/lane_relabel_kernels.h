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
  return k;
}
