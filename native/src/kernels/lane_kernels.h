// Batch-major ("lane") kernels, written once as plain loops over a fixed lane count and included
// by each kernel translation unit INSIDE a namespace of its own, after kernel_table.h (the -m
// flags of that unit decide how wide the compiler vectorises the lane loops); no #pragma once.
//
// Layout (see LaneKernels in kernel_table.h): amplitude i of lane l is re[i * W + l] and
// im[i * W + l], W = kLanes<T>. Matrices are in lane form too: entry e of lane l is m[e * W + l],
// so one kernel serves a matrix shared by all lanes (W copies) and one matrix per sample.
// `real` circuits keep no imaginary plane (im is unused) and have real matrices.
#include <complex>
#include <cstdint>

namespace lanes {

template <typename T>
constexpr int W = qdcnn::kLanes<T>;

// One 64-byte row: the same amplitude of every lane of a chunk.
#ifdef QDCNN_LANES_PORTABLE
// The reference: a plain array with element-wise loops.
template <typename T>
struct Row {
  T v[W<T>];
};
template <typename T>
inline Row<T> operator+(Row<T> a, const Row<T>& b) {
  for (int l = 0; l < W<T>; ++l) a.v[l] += b.v[l];
  return a;
}
template <typename T>
inline Row<T> operator-(Row<T> a, const Row<T>& b) {
  for (int l = 0; l < W<T>; ++l) a.v[l] -= b.v[l];
  return a;
}
template <typename T>
inline Row<T> operator*(Row<T> a, const Row<T>& b) {
  for (int l = 0; l < W<T>; ++l) a.v[l] *= b.v[l];
  return a;
}
template <typename T>
inline Row<T> load(const T* p) {
  Row<T> r;
  for (int l = 0; l < W<T>; ++l) r.v[l] = p[l];
  return r;
}
template <typename T>
inline void store(T* p, const Row<T>& r) {
  for (int l = 0; l < W<T>; ++l) p[l] = r.v[l];
}
template <typename T>
inline T lane(const Row<T>& r, int l) {
  return r.v[l];
}
#else
// GCC/Clang vector extensions: one register (AVX-512) or two (AVX2) per row.
template <typename T>
struct RowOf {
  typedef T type __attribute__((vector_size(64)));
};
template <typename T>
using Row = typename RowOf<T>::type;
template <typename T>
inline Row<T> load(const T* p) {
  Row<T> r;
  __builtin_memcpy(&r, p, sizeof(r));
  return r;
}
template <typename T>
inline void store(T* p, const Row<T>& r) {
  __builtin_memcpy(p, &r, sizeof(r));
}
template <typename T>
inline T lane(const Row<T>& r, int l) {
  return r[l];
}
#endif
// Bit j of the row index picks partner j of a pair/quad. Rows with the control bit clear are
// skipped (control < 0: no control).
template <typename T, bool Real>
void dense1(T* re, T* im, int n, int target, int control, const T* mre, const T* mim) {
  constexpr int L = W<T>;
  const uint64_t size = uint64_t{1} << n, t = uint64_t{1} << target;
  const uint64_t cmask = control < 0 ? 0 : uint64_t{1} << control;
  const Row<T> a0 = load(mre), a1 = load(mre + L), a2 = load(mre + 2 * L), a3 = load(mre + 3 * L);
  Row<T> b0 = a0, b1 = a0, b2 = a0, b3 = a0;
  if constexpr (!Real) {
    b0 = load(mim), b1 = load(mim + L), b2 = load(mim + 2 * L), b3 = load(mim + 3 * L);
  }
  for (uint64_t hi = 0; hi < size; hi += 2 * t) {
    for (uint64_t i = hi; i < hi + t; ++i) {
      if ((i & cmask) != cmask) continue;
      T* p0 = re + i * L;
      T* p1 = re + (i | t) * L;
      const Row<T> x0 = load(p0), x1 = load(p1);
      if constexpr (Real) {
        store(p0, a0 * x0 + a1 * x1);
        store(p1, a2 * x0 + a3 * x1);
      } else {
        T* q0 = im + i * L;
        T* q1 = im + (i | t) * L;
        const Row<T> y0 = load(q0), y1 = load(q1);
        store(p0, a0 * x0 - b0 * y0 + a1 * x1 - b1 * y1);
        store(q0, a0 * y0 + b0 * x0 + a1 * y1 + b1 * x1);
        store(p1, a2 * x0 - b2 * y0 + a3 * x1 - b3 * y1);
        store(q1, a2 * y0 + b2 * x0 + a3 * y1 + b3 * x1);
      }
    }
  }
}

// Dense 4x4 on q0 < q1 (bit 0 of a row index = q0).
template <typename T, bool Real>
void dense2(T* re, T* im, int n, int q0, int q1, const T* mre, const T* mim) {
  constexpr int L = W<T>;
  const uint64_t size = uint64_t{1} << n;
  const uint64_t off[4] = {0, uint64_t{1} << q0, uint64_t{1} << q1,
                           (uint64_t{1} << q0) | (uint64_t{1} << q1)};
  for (uint64_t i = 0; i < size; ++i) {
    if (i & off[3]) continue;
    Row<T> x[4], y[4];
    for (int j = 0; j < 4; ++j) {
      x[j] = load(re + (i | off[j]) * L);
      if constexpr (!Real) y[j] = load(im + (i | off[j]) * L);
    }
    for (int r = 0; r < 4; ++r) {
      Row<T> ar = load(mre + (r * 4) * L) * x[0];
      Row<T> ai = ar;
      if constexpr (!Real) {
        const Row<T> m0 = load(mim + (r * 4) * L);
        ar = ar - m0 * y[0];
        ai = load(mre + (r * 4) * L) * y[0] + m0 * x[0];
      }
      for (int c = 1; c < 4; ++c) {
        const Row<T> mr = load(mre + (r * 4 + c) * L);
        if constexpr (Real) {
          ar = ar + mr * x[c];
        } else {
          const Row<T> mi = load(mim + (r * 4 + c) * L);
          ar = ar + mr * x[c] - mi * y[c];
          ai = ai + mr * y[c] + mi * x[c];
        }
      }
      store(re + (i | off[r]) * L, ar);
      if constexpr (!Real) store(im + (i | off[r]) * L, ai);
    }
  }
}

// Diagonal on k = 1 or 2 qubits (bit j of the entry index = qubits[j]).
template <typename T, bool Real>
void diag(T* re, T* im, int n, const int* qubits, int k, const T* dre, const T* dim) {
  constexpr int L = W<T>;
  const uint64_t size = uint64_t{1} << n;
  for (uint64_t i = 0; i < size; ++i) {
    int e = 0;
    for (int j = 0; j < k; ++j) e |= static_cast<int>((i >> qubits[j]) & 1) << j;
    const Row<T> dr = load(dre + e * L), x = load(re + i * L);
    if constexpr (Real) {
      store(re + i * L, dr * x);
    } else {
      const Row<T> di = load(dim + e * L), y = load(im + i * L);
      store(re + i * L, dr * x - di * y);
      store(im + i * L, dr * y + di * x);
    }
  }
}

// Swaps rows i and i ^ flip for every i with (i & select_mask) == select_value.
// Precondition: select_mask has 1 or 2 bits.
template <typename T>
void permute(T* plane, int n, uint64_t select_mask, uint64_t select_value, uint64_t flip) {
  constexpr int L = W<T>;
  // Enumerate only the selected rows: spread g over the bits outside select_mask (1 or 2 bits).
  const int k = __builtin_popcountll(select_mask);
  const uint64_t low = uint64_t{1} << __builtin_ctzll(select_mask);
  const uint64_t high = select_mask & ~low ? uint64_t{1} << (63 - __builtin_clzll(select_mask)) : 0;
  const uint64_t count = uint64_t{1} << (n - k);
  for (uint64_t g = 0; g < count; ++g) {
    uint64_t i = (g & (low - 1)) | ((g & ~(low - 1)) << 1);
    if (high) i = (i & (high - 1)) | ((i & ~(high - 1)) << 1);
    i |= select_value;
    T* a = plane + i * L;
    T* b = plane + (i ^ flip) * L;
    const Row<T> x = load(a), y = load(b);
    store(a, y);
    store(b, x);
  }
}

// Row i <- row source[i] (a permutation), through temp (2^n rows).
template <typename T>
void gather(T* plane, T* temp, int n, const uint32_t* source) {
  constexpr int L = W<T>;
  const uint64_t size = uint64_t{1} << n;
  for (uint64_t i = 0; i < size; ++i) store(temp + i * L, load(plane + i * L));
  for (uint64_t i = 0; i < size; ++i) store(plane + i * L, load(temp + uint64_t{source[i]} * L));
}

template <typename T>
inline void add_lanes(const Row<T>& acc, double* out) {
  for (int l = 0; l < W<T>; ++l) out[l] += static_cast<double>(lane<T>(acc, l));
}

// out[l] += Re sum_rows conj(bra) (M ket) for a (controlled) 1-qubit M, as dense1.
template <typename T, bool Real>
void inner1(const T* bre, const T* bim, const T* kre, const T* kim, int n, int target,
            int control, const T* mre, const T* mim, double* out) {
  constexpr int L = W<T>;
  const uint64_t size = uint64_t{1} << n, t = uint64_t{1} << target;
  const uint64_t cmask = control < 0 ? 0 : uint64_t{1} << control;
  const Row<T> a0 = load(mre), a1 = load(mre + L), a2 = load(mre + 2 * L), a3 = load(mre + 3 * L);
  Row<T> b0 = a0, b1 = a0, b2 = a0, b3 = a0;
  if constexpr (!Real) {
    b0 = load(mim), b1 = load(mim + L), b2 = load(mim + 2 * L), b3 = load(mim + 3 * L);
  }
  Row<T> acc = a0 - a0;
  for (uint64_t hi = 0; hi < size; hi += 2 * t) {
    for (uint64_t i = hi; i < hi + t; ++i) {
      if ((i & cmask) != cmask) continue;
      const uint64_t a = i * L, b = (i | t) * L;
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
    }
  }
  add_lanes<T>(acc, out);
}

// One adjoint step of a (controlled) 1-qubit op in a single pass: psi <- A psi, then
// out[l] += Re <lambda| D |psi> (when D is given), then lambda <- A lambda (A = U^dagger).
template <typename T, bool Real, bool WithD>
void adjoint_step1(T* pre, T* pim, T* lre, T* lim, int n, int target, int control, const T* are,
                   const T* aim, const T* dre, const T* dim, double* out) {
  constexpr int L = W<T>;
  const uint64_t size = uint64_t{1} << n, t = uint64_t{1} << target;
  const uint64_t cmask = control < 0 ? 0 : uint64_t{1} << control;
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
  Row<T> acc = a0 - a0;
  for (uint64_t hi = 0; hi < size; hi += 2 * t) {
    for (uint64_t i = hi; i < hi + t; ++i) {
      if ((i & cmask) != cmask) continue;
      const uint64_t a = i * L, b = (i | t) * L;
      if constexpr (Real) {
        const Row<T> x0 = load(pre + a), x1 = load(pre + b);
        const Row<T> p0 = a0 * x0 + a1 * x1, p1 = a2 * x0 + a3 * x1;
        store(pre + a, p0);
        store(pre + b, p1);
        const Row<T> l0 = load(lre + a), l1 = load(lre + b);
        if constexpr (WithD) acc = acc + l0 * (d0 * p0 + d1 * p1) + l1 * (d2 * p0 + d3 * p1);
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
    }
  }
  if constexpr (WithD) add_lanes<T>(acc, out);
}

// As inner1 for a dense 4x4 M on q0 < q1.
template <typename T, bool Real>
void inner2(const T* bre, const T* bim, const T* kre, const T* kim, int n, int q0, int q1,
            const T* mre, const T* mim, double* out) {
  constexpr int L = W<T>;
  const uint64_t size = uint64_t{1} << n;
  const uint64_t off[4] = {0, uint64_t{1} << q0, uint64_t{1} << q1,
                           (uint64_t{1} << q0) | (uint64_t{1} << q1)};
  Row<T> acc = load(mre) - load(mre);
  for (uint64_t i = 0; i < size; ++i) {
    if (i & off[3]) continue;
    Row<T> x[4], y[4];
    for (int j = 0; j < 4; ++j) {
      x[j] = load(kre + (i | off[j]) * L);
      if constexpr (!Real) y[j] = load(kim + (i | off[j]) * L);
    }
    for (int r = 0; r < 4; ++r) {
      Row<T> wr = acc - acc, wi = wr;
      for (int c = 0; c < 4; ++c) {
        const Row<T> mr = load(mre + (r * 4 + c) * L);
        if constexpr (Real) {
          wr = wr + mr * x[c];
        } else {
          const Row<T> mi = load(mim + (r * 4 + c) * L);
          wr = wr + mr * x[c] - mi * y[c];
          wi = wi + mr * y[c] + mi * x[c];
        }
      }
      acc = acc + load(bre + (i | off[r]) * L) * wr;
      if constexpr (!Real) acc = acc + load(bim + (i | off[r]) * L) * wi;
    }
  }
  add_lanes<T>(acc, out);
}

// As inner1 for a diagonal M on k = 1 or 2 qubits, as diag.
template <typename T, bool Real>
void inner_diag(const T* bre, const T* bim, const T* kre, const T* kim, int n, const int* qubits,
                int k, const T* dre, const T* dim, double* out) {
  constexpr int L = W<T>;
  const uint64_t size = uint64_t{1} << n;
  Row<T> acc = load(dre) - load(dre);
  for (uint64_t i = 0; i < size; ++i) {
    int e = 0;
    for (int j = 0; j < k; ++j) e |= static_cast<int>((i >> qubits[j]) & 1) << j;
    const Row<T> dr = load(dre + e * L), x = load(kre + i * L), br = load(bre + i * L);
    if constexpr (Real) {
      acc = acc + br * dr * x;
    } else {
      const Row<T> di = load(dim + e * L), y = load(kim + i * L), bi = load(bim + i * L);
      acc = acc + br * (dr * x - di * y) + bi * (dr * y + di * x);
    }
  }
  add_lanes<T>(acc, out);
}

// out[q * W + l] = <Z_q> of lane l for q < n, out[n * W + l] = the lane's squared norm.
// scratch holds 2^n * W values. Pairwise halving: summing out qubit q leaves the marginal of the
// higher qubits, so all n expectations cost two passes' worth of additions.
template <typename T, bool Real>
void z_expectations(const T* re, const T* im, int n, T* scratch, double* out) {
  constexpr int L = W<T>;
  uint64_t size = uint64_t{1} << n;
  for (uint64_t i = 0; i < size; ++i) {
    const Row<T> x = load(re + i * L);
    if constexpr (Real) {
      store(scratch + i * L, x * x);
    } else {
      const Row<T> y = load(im + i * L);
      store(scratch + i * L, x * x + y * y);
    }
  }
  for (int q = 0; q < n; ++q) {
    const uint64_t half = size / 2;
    Row<T> z = load(scratch) - load(scratch);
    for (uint64_t j = 0; j < half; ++j) {
      const Row<T> p0 = load(scratch + (2 * j) * L), p1 = load(scratch + (2 * j + 1) * L);
      z = z + (p0 - p1);
      store(scratch + j * L, p0 + p1);
    }
    for (int l = 0; l < L; ++l) out[q * L + l] = static_cast<double>(lane<T>(z, l));
    size = half;
  }
  for (int l = 0; l < L; ++l) out[n * L + l] = static_cast<double>(scratch[l]);
}

}  // namespace lanes

// The table entries of one instruction set (T = float or double).
template <typename T>
qdcnn::LaneKernels<T> make_lane_kernels() {
  qdcnn::LaneKernels<T> k;
  k.dense1 = [](T* re, T* im, int n, int target, int control, const T* mre, const T* mim,
                bool real) {
    real ? lanes::dense1<T, true>(re, im, n, target, control, mre, mim)
         : lanes::dense1<T, false>(re, im, n, target, control, mre, mim);
  };
  k.dense2 = [](T* re, T* im, int n, int q0, int q1, const T* mre, const T* mim, bool real) {
    real ? lanes::dense2<T, true>(re, im, n, q0, q1, mre, mim)
         : lanes::dense2<T, false>(re, im, n, q0, q1, mre, mim);
  };
  k.diag = [](T* re, T* im, int n, const int* qubits, int kq, const T* dre, const T* dim,
              bool real) {
    real ? lanes::diag<T, true>(re, im, n, qubits, kq, dre, dim)
         : lanes::diag<T, false>(re, im, n, qubits, kq, dre, dim);
  };
  k.permute = &lanes::permute<T>;
  k.gather = &lanes::gather<T>;
  k.inner1 = [](const T* bre, const T* bim, const T* kre, const T* kim, int n, int target,
                int control, const T* mre, const T* mim, bool real, double* out) {
    real ? lanes::inner1<T, true>(bre, bim, kre, kim, n, target, control, mre, mim, out)
         : lanes::inner1<T, false>(bre, bim, kre, kim, n, target, control, mre, mim, out);
  };
  k.adjoint_step1 = [](T* pre, T* pim, T* lre, T* lim, int n, int target, int control,
                       const T* are, const T* aim, const T* dre, const T* dim, bool real,
                       double* out) {
    if (dre) {
      real ? lanes::adjoint_step1<T, true, true>(pre, pim, lre, lim, n, target, control, are, aim, dre, dim, out)
           : lanes::adjoint_step1<T, false, true>(pre, pim, lre, lim, n, target, control, are, aim, dre, dim, out);
    } else {
      real ? lanes::adjoint_step1<T, true, false>(pre, pim, lre, lim, n, target, control, are, aim, dre, dim, out)
           : lanes::adjoint_step1<T, false, false>(pre, pim, lre, lim, n, target, control, are, aim, dre, dim, out);
    }
  };
  k.inner2 = [](const T* bre, const T* bim, const T* kre, const T* kim, int n, int q0, int q1,
                const T* mre, const T* mim, bool real, double* out) {
    real ? lanes::inner2<T, true>(bre, bim, kre, kim, n, q0, q1, mre, mim, out)
         : lanes::inner2<T, false>(bre, bim, kre, kim, n, q0, q1, mre, mim, out);
  };
  k.inner_diag = [](const T* bre, const T* bim, const T* kre, const T* kim, int n,
                    const int* qubits, int kq, const T* dre, const T* dim, bool real,
                    double* out) {
    real ? lanes::inner_diag<T, true>(bre, bim, kre, kim, n, qubits, kq, dre, dim, out)
         : lanes::inner_diag<T, false>(bre, bim, kre, kim, n, qubits, kq, dre, dim, out);
  };
  k.z_expectations = [](const T* re, const T* im, int n, T* scratch, bool real, double* out) {
    real ? lanes::z_expectations<T, true>(re, im, n, scratch, out)
         : lanes::z_expectations<T, false>(re, im, n, scratch, out);
  };
  return k;
}
