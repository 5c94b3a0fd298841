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
// V also provides swap_pairs(Reg) (the in-lane swap) and prefetch(const T*).
#include <cstdint>

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
  Reg cre[DH * DH * DL], cim[DH * DH * DL];
  for (int h = 0; h < DH; ++h) {
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
  (void)n_qubits;
  // Group g of the k-qubit gate has its lowest (LOG2L - KL) bits in the lanes.
  constexpr int kShift = V::LOG2L - KL;
  constexpr uint64_t kPrefetchAhead = 8;  // register groups
  const uint64_t vbegin = begin >> kShift, vend = end >> kShift;
  for (uint64_t vg = vbegin; vg < vend; ++vg) {
    uint64_t base = vg << V::LOG2L;
    for (int j = 0; j < KH; ++j) {
      const uint64_t lowbits = (uint64_t{1} << high[j]) - 1;
      base = (base & lowbits) | ((base & ~lowbits) << 1);
    }
    if constexpr (KH >= 2) {
      // Many strided streams: fetch the next group's registers ahead of the hardware prefetcher.
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
          acc = V::fmadd(cre[(h * DH + hp) * DL + x], p[x][hp], acc);
          acc2 = V::fmadd(cim[(h * DH + hp) * DL + x], p[x][hp], acc2);
        }
      }
      sink(h, V::add(acc, V::swap_pairs(acc2)), 2 * (base + off[h]));
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
void apply_dispatch(std::complex<typename V::T>* state, int n_qubits, const int* qubits, int k,
                    const std::complex<typename V::T>* matrix, uint64_t begin, uint64_t end) {
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
