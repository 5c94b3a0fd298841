// SIMD matrix application, written once over a vector-type policy V and included by each ISA
// translation unit inside its own namespace (after kernels_generic.h); no #pragma once.
//
// V provides: T (float/double), L (complex lanes per register), LOG2L, Reg, Idx,
//   load(const T*), store(T*, Reg), fmadd(a, b, c) = a*b+c, mul(a, b), add(a, b), zero(),
//   load_index(const int32_t* per-real-lane source lanes) -> Idx, permute(Reg, Idx).
//
// A gate on qubits split into KL "low" qubits (< LOG2L: their partners sit in the same register)
// and KH "high" qubits (their partners sit in other registers). For each lane-xor mask x over the
// low qubits, the partner values are one permute away; every output register is then
//   sum_{h', x} C_re[h][h'][x] * P_x(v[h']) + swap( sum_{h', x} C_im_sw[h][h'][x] * P_x(v[h']) )
// with per-lane coefficient registers prepared once per call. swap exchanges the (re, im) slots
// of every complex lane; swap(a) * swap(b) == swap(a * b), so the imaginary-part products need one
// cheap in-lane swap per OUTPUT register instead of a cross-lane permute per input and mask.
//
// V also provides swap_pairs(Reg) (the in-lane swap), prefetch(const T*), set1(T) (broadcast),
// and deinterleave / interleave between two registers of interleaved amplitudes and one register
// of their real and one of their imaginary parts (the planar layout at the end of this file).
#include <cstdint>

// Software prefetch only for states larger than this (larger than L2).
constexpr uint64_t kPrefetchMinBytes = uint64_t{8} << 20;

// Computes w = M v for every register group of [begin, end) and hands each output register to
// sink(h, w, pointer_to_its_amplitudes).
template <typename V, int KH, int KL, typename Sink>
void simd_groups(typename V::T* s, int n_qubits, const int* qubits,
                 const std::complex<typename V::T>* matrix, uint64_t begin, uint64_t end,
                 Sink&& sink) {
  using T = typename V::T;
  using Reg = typename V::Reg;
  constexpr int L = V::L;
  constexpr int DH = 1 << KH;
  constexpr int DL = 1 << KL;
  constexpr int D = DH * DL;
  const int* low = qubits;        // ascending, all < LOG2L
  const int* high = qubits + KL;  // ascending, all >= LOG2L

  // Lane masks reachable by flipping low gate qubits.
  int xmask[DL];
  for (int x = 0; x < DL; ++x) {
    int m = 0;
    for (int j = 0; j < KL; ++j) {
      if (x & (1 << j)) m |= 1 << low[j];
    }
    xmask[x] = m;
  }
  typename V::Idx perm[DL];
  for (int x = 0; x < DL; ++x) {
    int32_t idx[2 * L];
    for (int lane = 0; lane < L; ++lane) {
      const int src = lane ^ xmask[x];
      idx[2 * lane] = 2 * src;
      idx[2 * lane + 1] = 2 * src + 1;
    }
    perm[x] = V::load_index(idx);
  }
  auto low_part = [&](int lane) {
    int r = 0;
    for (int j = 0; j < KL; ++j) {
      if (lane & (1 << low[j])) r |= 1 << j;
    }
    return r;
  };
  // Coefficients: c_re duplicated on (re, im) slots; c_im swapped, as (+im, -im).
  // Without low qubits (KL == 0) every lane has the same coefficient: scalars broadcast by the
  // FMA itself (sre, sim) replace the registers, so a 4-qubit gate reads 2 KiB of coefficients
  // instead of 32 KiB (which would crowd the streamed state out of L1). The sign of the
  // imaginary products is then applied once per output register (sign = (-1, +1) pairs).
  T sre[KL == 0 ? DH * DH : 1], sim[KL == 0 ? DH * DH : 1];
  Reg sign = V::zero();
  if constexpr (KL == 0) {
    for (int i = 0; i < DH * DH; ++i) {
      sre[i] = matrix[i].real();
      sim[i] = matrix[i].imag();
    }
    alignas(64) T pattern[2 * L];
    for (int lane = 0; lane < L; ++lane) {
      pattern[2 * lane] = T(-1);
      pattern[2 * lane + 1] = T(1);
    }
    sign = V::load(pattern);
  }
  Reg cre[KL == 0 ? 1 : DH * DH * DL], cim[KL == 0 ? 1 : DH * DH * DL];
  for (int h = 0; h < (KL == 0 ? 0 : DH); ++h) {
    for (int hp = 0; hp < DH; ++hp) {
      for (int x = 0; x < DL; ++x) {
        alignas(64) T re[2 * L], im[2 * L];
        for (int lane = 0; lane < L; ++lane) {
          const int row = low_part(lane) | (h << KL);
          const int col = low_part(lane ^ xmask[x]) | (hp << KL);
          const std::complex<T> c = matrix[row * D + col];
          re[2 * lane] = c.real();
          re[2 * lane + 1] = c.real();
          im[2 * lane] = c.imag();
          im[2 * lane + 1] = -c.imag();
        }
        cre[(h * DH + hp) * DL + x] = V::load(re);
        cim[(h * DH + hp) * DL + x] = V::load(im);
      }
    }
  }
  uint64_t off[DH];
  for (int i = 0; i < DH; ++i) {
    uint64_t o = 0;
    for (int j = 0; j < KH; ++j) {
      if (i & (1 << j)) o |= uint64_t{1} << high[j];
    }
    off[i] = o;
  }
  // States that fit in L2 (e.g. cache blocks) gain nothing from software prefetch.
  const bool prefetch = (uint64_t{2 * sizeof(T)} << n_qubits) > kPrefetchMinBytes;
  // Group g of the k-qubit gate has its lowest (LOG2L - KL) bits in the lanes.
  constexpr int kShift = V::LOG2L - KL;
  constexpr uint64_t kPrefetchAhead = (KH >= 3 ? 8 : (64 >> KH));  // register groups
  const uint64_t vbegin = begin >> kShift, vend = end >> kShift;
  for (uint64_t vg = vbegin; vg < vend; ++vg) {
    uint64_t base = vg << V::LOG2L;
    for (int j = 0; j < KH; ++j) {
      const uint64_t lowbits = (uint64_t{1} << high[j]) - 1;
      base = (base & lowbits) | ((base & ~lowbits) << 1);
    }
    if (prefetch) {
      // Strided streams: fetch the registers of a later group ahead of the hardware prefetcher
      // (about 4 KiB ahead in all; without it a pass over a large state runs at half speed).
      uint64_t next = (vg + kPrefetchAhead) << V::LOG2L;
      for (int j = 0; j < KH; ++j) {
        const uint64_t lowbits = (uint64_t{1} << high[j]) - 1;
        next = (next & lowbits) | ((next & ~lowbits) << 1);
      }
      if (vg + kPrefetchAhead < vend) {
        for (int hp = 0; hp < DH; ++hp) V::prefetch(s + 2 * (next + off[hp]));
      }
    }
    Reg p[DL][DH];
    for (int hp = 0; hp < DH; ++hp) {
      const Reg v = V::load(s + 2 * (base + off[hp]));
      for (int x = 0; x < DL; ++x) p[x][hp] = x == 0 ? v : V::permute(v, perm[x]);
    }
    for (int h = 0; h < DH; ++h) {
      Reg acc = V::zero();
      Reg acc2 = V::zero();
      for (int hp = 0; hp < DH; ++hp) {
        for (int x = 0; x < DL; ++x) {
          if constexpr (KL == 0) {
            acc = V::fmadd(V::set1(sre[h * DH + hp]), p[x][hp], acc);
            acc2 = V::fmadd(V::set1(sim[h * DH + hp]), p[x][hp], acc2);
          } else {
            acc = V::fmadd(cre[(h * DH + hp) * DL + x], p[x][hp], acc);
            acc2 = V::fmadd(cim[(h * DH + hp) * DL + x], p[x][hp], acc2);
          }
        }
      }
      if constexpr (KL == 0) {
        sink(h, V::fmadd(V::swap_pairs(acc2), sign, acc), 2 * (base + off[h]));
      } else {
        sink(h, V::add(acc, V::swap_pairs(acc2)), 2 * (base + off[h]));
      }
    }
  }
}

template <typename V, int KH, int KL>
void apply_simd(typename V::T* s, int n_qubits, const int* qubits,
                const std::complex<typename V::T>* matrix, uint64_t begin, uint64_t end) {
  // Every output register is written after all inputs of its group were loaded.
  simd_groups<V, KH, KL>(s, n_qubits, qubits, matrix, begin, end,
                         [s](int, typename V::Reg w, uint64_t at) { V::store(s + at, w); });
}

// Re <bra| M |ket> over [begin, end): sum of bra (x) (M ket) over interleaved lanes.
template <typename V, int KH, int KL>
double real_inner_simd(const typename V::T* bra, const typename V::T* ket, int n_qubits,
                       const int* qubits, const std::complex<typename V::T>* matrix,
                       uint64_t begin, uint64_t end) {
  typename V::Reg acc = V::zero();
  simd_groups<V, KH, KL>(const_cast<typename V::T*>(ket), n_qubits, qubits, matrix, begin, end,
                         [&](int, typename V::Reg w, uint64_t at) {
                           acc = V::fmadd(V::load(bra + at), w, acc);
                         });
  return V::sum(acc);
}

template <typename V>
void apply_interleaved_dispatch(std::complex<typename V::T>* state, int n_qubits,
                                const int* qubits, int k,
                                const std::complex<typename V::T>* matrix, uint64_t begin,
                                uint64_t end) {
  using T = typename V::T;
  int kl = 0;
  while (kl < k && qubits[kl] < V::LOG2L) ++kl;
  const int kh = k - kl;
  if (n_qubits - kh < V::LOG2L) {  // too few amplitudes to fill the registers
    apply_generic_any<T>(state, qubits, k, matrix, begin, end);
    return;
  }
  T* s = reinterpret_cast<T*>(state);
#define QDCNN_SIMD_CASE(KH, KL)                                                   \
  if constexpr (KL <= V::LOG2L) {                                                 \
    if (kh == KH && kl == KL) {                                                   \
      apply_simd<V, KH, KL>(s, n_qubits, qubits, matrix, begin, end);             \
      return;                                                                     \
    }                                                                             \
  }
  QDCNN_SIMD_CASE(1, 0) QDCNN_SIMD_CASE(0, 1)
  QDCNN_SIMD_CASE(2, 0) QDCNN_SIMD_CASE(1, 1) QDCNN_SIMD_CASE(0, 2)
  QDCNN_SIMD_CASE(3, 0) QDCNN_SIMD_CASE(2, 1) QDCNN_SIMD_CASE(1, 2) QDCNN_SIMD_CASE(0, 3)
  QDCNN_SIMD_CASE(4, 0) QDCNN_SIMD_CASE(3, 1) QDCNN_SIMD_CASE(2, 2) QDCNN_SIMD_CASE(1, 3)
#undef QDCNN_SIMD_CASE
  apply_generic_any<T>(state, qubits, k, matrix, begin, end);
}

template <typename V>
double real_inner_dispatch(const std::complex<typename V::T>* bra,
                           const std::complex<typename V::T>* ket, int n_qubits, const int* qubits,
                           int k, const std::complex<typename V::T>* matrix, uint64_t begin,
                           uint64_t end) {
  using T = typename V::T;
  int kl = 0;
  while (kl < k && qubits[kl] < V::LOG2L) ++kl;
  const int kh = k - kl;
  if (n_qubits - kh < V::LOG2L) {
    return real_inner_generic_any<T>(bra, ket, qubits, k, matrix, begin, end);
  }
  const T* b = reinterpret_cast<const T*>(bra);
  const T* v = reinterpret_cast<const T*>(ket);
#define QDCNN_SIMD_CASE(KH, KL)                                                      \
  if constexpr (KL <= V::LOG2L) {                                                    \
    if (kh == KH && kl == KL) {                                                      \
      return real_inner_simd<V, KH, KL>(b, v, n_qubits, qubits, matrix, begin, end); \
    }                                                                                \
  }
  QDCNN_SIMD_CASE(1, 0) QDCNN_SIMD_CASE(0, 1)
  QDCNN_SIMD_CASE(2, 0) QDCNN_SIMD_CASE(1, 1) QDCNN_SIMD_CASE(0, 2)
#undef QDCNN_SIMD_CASE
  return real_inner_generic_any<T>(bra, ket, qubits, k, matrix, begin, end);
}

// ---- Planar layout (PlanarKernels, used inside cache blocks) ----
// A register holds the real (or the imaginary) parts of PL = 2L consecutive amplitudes, so
// qubits below LOG2L + 1 are "low" here. Every product of a matrix entry c + i d with an input
// a + i b uses three real multiplications (Gauss):
//   re = c (a + b) - (c + d) b,   im = c (a + b) + (d - c) a,
// i.e. three FMAs per entry and register of PL amplitudes, where the interleaved kernel above
// needs two FMAs per register of L = PL / 2 amplitudes (four per PL amplitudes): 25 % fewer.
// Low qubits permute the three inputs (a, b, a + b) as above; high-only gates use broadcast
// scalar coefficients. Outputs are computed in chunks of at most 8 rows (24 accumulators).
// The rounding differs from the 4-product form by a few ulp (tests compare with the scalar
// kernel at the same tolerances as the interleaved kernels).

// Where the planar registers come from: planar arrays, or an interleaved state whose register
// pairs are converted on the fly (two permutes in, two out per PL amplitudes).
template <typename V>
struct PlanarArrays {
  typename V::T* re;
  typename V::T* im;
  void load(uint64_t at, typename V::Reg& a, typename V::Reg& b) const {
    a = V::load(re + at);
    b = V::load(im + at);
  }
  void store(uint64_t at, typename V::Reg a, typename V::Reg b) const {
    V::store(re + at, a);
    V::store(im + at, b);
  }
  void prefetch(uint64_t) const {}
};

template <typename V>
struct InterleavedAsPlanar {
  static constexpr int PL = 2 * V::L;
  typename V::T* s;  // interleaved (re, im) pairs
  void load(uint64_t at, typename V::Reg& a, typename V::Reg& b) const {
    V::deinterleave(V::load(s + 2 * at), V::load(s + 2 * at + PL), a, b);
  }
  void store(uint64_t at, typename V::Reg a, typename V::Reg b) const {
    typename V::Reg v0, v1;
    V::interleave(a, b, v0, v1);
    V::store(s + 2 * at, v0);
    V::store(s + 2 * at + PL, v1);
  }
  void prefetch(uint64_t at) const {
    V::prefetch(s + 2 * at);
    V::prefetch(s + 2 * at + PL);
  }
};

template <typename V, int KH, int KL, typename Memory>
void apply_planar_simd(const Memory& mem, int n_qubits, const int* qubits,
                       const std::complex<typename V::T>* matrix, uint64_t begin, uint64_t end) {
  using T = typename V::T;
  using Reg = typename V::Reg;
  constexpr int PL = 2 * V::L;
  constexpr int LOG2PL = V::LOG2L + 1;
  constexpr int DH = 1 << KH;
  constexpr int DL = 1 << KL;
  constexpr int D = DH * DL;
  // Output rows per accumulator chunk: 3 * HB accumulators beside the 2 * DH inputs when those
  // fit in the 32 registers (DH <= 8), else 8 rows with the inputs reloaded from L1.
  constexpr int HB = DH > 8 ? 8 : DH > 4 ? 4 : DH;
  const int* low = qubits;
  const int* high = qubits + KL;
  int xmask[DL];
  for (int x = 0; x < DL; ++x) {
    int m = 0;
    for (int j = 0; j < KL; ++j) {
      if (x & (1 << j)) m |= 1 << low[j];
    }
    xmask[x] = m;
  }
  typename V::Idx perm[DL];
  for (int x = 0; x < DL; ++x) {
    int32_t idx[PL];
    for (int lane = 0; lane < PL; ++lane) idx[lane] = lane ^ xmask[x];
    perm[x] = V::load_index(idx);
  }
  auto low_part = [&](int lane) {
    int r = 0;
    for (int j = 0; j < KL; ++j) {
      if (lane & (1 << low[j])) r |= 1 << j;
    }
    return r;
  };
  // Coefficients c, -(c + d), (d - c), indexed [(hp * DL + x) * DH + h]: per lane in registers
  // when low qubits make them differ across lanes, else scalars broadcast by the FMA.
  constexpr int NR = KL == 0 ? 1 : DH * DH * DL;
  constexpr int NS = KL == 0 ? DH * DH : 1;
  Reg r_sum[NR], r_b[NR], r_a[NR];
  T s_sum[NS], s_b[NS], s_a[NS];
  for (int hp = 0; hp < DH; ++hp) {
    for (int x = 0; x < DL; ++x) {
      for (int h = 0; h < DH; ++h) {
        const int i = (hp * DL + x) * DH + h;
        if constexpr (KL == 0) {
          const std::complex<T> c = matrix[h * D + hp];
          s_sum[i] = c.real();
          s_b[i] = -(c.real() + c.imag());
          s_a[i] = c.imag() - c.real();
        } else {
          alignas(64) T vs[PL], vb[PL], va[PL];
          for (int lane = 0; lane < PL; ++lane) {
            const int row = low_part(lane) | (h << KL);
            const int col = low_part(lane ^ xmask[x]) | (hp << KL);
            const std::complex<T> c = matrix[row * D + col];
            vs[lane] = c.real();
            vb[lane] = -(c.real() + c.imag());
            va[lane] = c.imag() - c.real();
          }
          r_sum[i] = V::load(vs);
          r_b[i] = V::load(vb);
          r_a[i] = V::load(va);
        }
      }
    }
  }
  uint64_t off[DH];
  for (int i = 0; i < DH; ++i) {
    uint64_t o = 0;
    for (int j = 0; j < KH; ++j) {
      if (i & (1 << j)) o |= uint64_t{1} << high[j];
    }
    off[i] = o;
  }
  constexpr int kShift = LOG2PL - KL;
  const bool prefetch = (uint64_t{2 * sizeof(T)} << n_qubits) > kPrefetchMinBytes;
  constexpr uint64_t kPrefetchAhead = (KH >= 3 ? 4 : (32 >> KH));  // register groups
  const uint64_t vbegin = begin >> kShift, vend = end >> kShift;
  for (uint64_t vg = vbegin; vg < vend; ++vg) {
    uint64_t base = vg << LOG2PL;
    for (int j = 0; j < KH; ++j) {
      const uint64_t lowbits = (uint64_t{1} << high[j]) - 1;
      base = (base & lowbits) | ((base & ~lowbits) << 1);
    }
    if (prefetch && vg + kPrefetchAhead < vend) {
      uint64_t next = (vg + kPrefetchAhead) << LOG2PL;
      for (int j = 0; j < KH; ++j) {
        const uint64_t lowbits = (uint64_t{1} << high[j]) - 1;
        next = (next & lowbits) | ((next & ~lowbits) << 1);
      }
      for (int hp = 0; hp < DH; ++hp) mem.prefetch(next + off[hp]);
    }
    Reg a[DH], b[DH];
    for (int hp = 0; hp < DH; ++hp) mem.load(base + off[hp], a[hp], b[hp]);
    // All inputs of the group are in a and b before the first output is stored.
    for (int h0 = 0; h0 < DH; h0 += HB) {
      Reg acc_sum[HB], acc_re[HB], acc_im[HB];
#pragma GCC unroll 8
      for (int h = 0; h < HB; ++h) {
        acc_sum[h] = V::zero();
        acc_re[h] = V::zero();
        acc_im[h] = V::zero();
      }
      for (int hp = 0; hp < DH; ++hp) {
        const Reg sum = V::add(a[hp], b[hp]);
#pragma GCC unroll 16
        for (int x = 0; x < DL; ++x) {
          const Reg px_a = x == 0 ? a[hp] : V::permute(a[hp], perm[x]);
          const Reg px_b = x == 0 ? b[hp] : V::permute(b[hp], perm[x]);
          const Reg px_sum = x == 0 ? sum : V::permute(sum, perm[x]);
#pragma GCC unroll 8
          for (int h = 0; h < HB; ++h) {
            const int i = (hp * DL + x) * DH + h0 + h;
            if constexpr (KL == 0) {
              acc_sum[h] = V::fmadd(V::set1(s_sum[i]), px_sum, acc_sum[h]);
              acc_re[h] = V::fmadd(V::set1(s_b[i]), px_b, acc_re[h]);
              acc_im[h] = V::fmadd(V::set1(s_a[i]), px_a, acc_im[h]);
            } else {
              acc_sum[h] = V::fmadd(r_sum[i], px_sum, acc_sum[h]);
              acc_re[h] = V::fmadd(r_b[i], px_b, acc_re[h]);
              acc_im[h] = V::fmadd(r_a[i], px_a, acc_im[h]);
            }
          }
        }
      }
#pragma GCC unroll 8
      for (int h = 0; h < HB; ++h) {
        mem.store(base + off[h0 + h], V::add(acc_sum[h], acc_re[h]), V::add(acc_sum[h], acc_im[h]));
      }
    }
  }
}

template <typename V>
void apply_planar_dispatch(typename V::T* re, typename V::T* im, int n_qubits, const int* qubits,
                           int k, const std::complex<typename V::T>* matrix) {
  using T = typename V::T;
  constexpr int LOG2PL = V::LOG2L + 1;
  const uint64_t groups = uint64_t{1} << (n_qubits - k);
  int kl = 0;
  while (kl < k && qubits[kl] < LOG2PL) ++kl;
  const int kh = k - kl;
  if (n_qubits - kh < LOG2PL) {  // too few amplitudes to fill the registers
    apply_planar_generic_any<T>(re, im, qubits, k, matrix, 0, groups);
    return;
  }
#define QDCNN_PLANAR_CASE(KH, KL)                                      \
  if constexpr (KL <= LOG2PL) {                                        \
    if (kh == KH && kl == KL) {                                        \
      apply_planar_simd<V, KH, KL>(PlanarArrays<V>{re, im}, n_qubits,  \
                                   qubits, matrix, 0, groups);         \
      return;                                                          \
    }                                                                  \
  }
  QDCNN_PLANAR_CASE(1, 0) QDCNN_PLANAR_CASE(0, 1)
  QDCNN_PLANAR_CASE(2, 0) QDCNN_PLANAR_CASE(1, 1) QDCNN_PLANAR_CASE(0, 2)
  QDCNN_PLANAR_CASE(3, 0) QDCNN_PLANAR_CASE(2, 1) QDCNN_PLANAR_CASE(1, 2) QDCNN_PLANAR_CASE(0, 3)
  QDCNN_PLANAR_CASE(4, 0) QDCNN_PLANAR_CASE(3, 1) QDCNN_PLANAR_CASE(2, 2) QDCNN_PLANAR_CASE(1, 3)
  QDCNN_PLANAR_CASE(0, 4)
#undef QDCNN_PLANAR_CASE
  apply_planar_generic_any<T>(re, im, qubits, k, matrix, 0, groups);
}

// Layout conversions, 2L amplitudes (two interleaved registers) at a time.
template <typename V>
void to_planar_simd(const std::complex<typename V::T>* in, typename V::T* re, typename V::T* im,
                    uint64_t count) {
  using Reg = typename V::Reg;
  constexpr uint64_t PL = 2 * V::L;
  const typename V::T* s = reinterpret_cast<const typename V::T*>(in);
  uint64_t i = 0;
  for (; i + PL <= count; i += PL) {
    Reg r, m;
    V::deinterleave(V::load(s + 2 * i), V::load(s + 2 * i + PL), r, m);
    V::store(re + i, r);
    V::store(im + i, m);
  }
  to_planar_generic(in + i, re + i, im + i, count - i);
}

template <typename V>
void from_planar_simd(const typename V::T* re, const typename V::T* im,
                      std::complex<typename V::T>* out, uint64_t count) {
  using Reg = typename V::Reg;
  constexpr uint64_t PL = 2 * V::L;
  typename V::T* s = reinterpret_cast<typename V::T*>(out);
  uint64_t i = 0;
  for (; i + PL <= count; i += PL) {
    Reg v0, v1;
    V::interleave(V::load(re + i), V::load(im + i), v0, v1);
    V::store(s + 2 * i, v0);
    V::store(s + 2 * i + PL, v1);
  }
  from_planar_generic(re + i, im + i, out + i, count - i);
}

template <typename V>
PlanarKernels<typename V::T> make_planar_kernels() {
  using T = typename V::T;
  return PlanarKernels<T>{&apply_planar_dispatch<V>, &to_planar_simd<V>, &from_planar_simd<V>,
                          &apply_sequence_passes<T, int{sizeof(typename V::Reg)}>};
}

// Interleaved-state entry point. Wide gates without qubits inside a planar register (3 or 4
// qubits, all >= LOG2L + 1) are arithmetic-bound: they run the planar kernel on register pairs
// converted on the fly, whose Gauss products need 3 instead of 4 FMAs per entry (on one core
// of the AVX-512 Xeon, complex64, 24 qubits: a 4-qubit pass 18 -> 15.5 ms, 3-qubit 8.2 -> 7.6).
// Narrower gates are memory-bound and gates on low qubits would need more permutes: they keep
// the interleaved kernel.
template <typename V>
void apply_dispatch(std::complex<typename V::T>* state, int n_qubits, const int* qubits, int k,
                    const std::complex<typename V::T>* matrix, uint64_t begin, uint64_t end) {
  constexpr int LOG2PL = V::LOG2L + 1;
  if (k >= 3 && qubits[0] >= LOG2PL && n_qubits - k >= LOG2PL) {
    const InterleavedAsPlanar<V> mem{reinterpret_cast<typename V::T*>(state)};
    if (k == 3) {
      apply_planar_simd<V, 3, 0>(mem, n_qubits, qubits, matrix, begin, end);
    } else {
      apply_planar_simd<V, 4, 0>(mem, n_qubits, qubits, matrix, begin, end);
    }
    return;
  }
  apply_interleaved_dispatch<V>(state, n_qubits, qubits, k, matrix, begin, end);
}
