// Portable matrix-application loops. Included by each kernel translation unit INSIDE a namespace
// of its own (so code compiled with different -m flags never merges at link time); no #pragma once.
#include <complex>
#include <cstdint>

template <int K>
inline uint64_t insert_zero_bits(uint64_t g, const int* qubits) {
  // qubits ascending: inserting from the lowest keeps the later positions right.
  for (int j = 0; j < K; ++j) {
    const uint64_t low = (uint64_t{1} << qubits[j]) - 1;
    g = (g & low) | ((g & ~low) << 1);
  }
  return g;
}

template <int K>
inline void group_offsets(const int* qubits, uint64_t* offsets) {
  for (int i = 0; i < (1 << K); ++i) {
    uint64_t off = 0;
    for (int j = 0; j < K; ++j) {
      if (i & (1 << j)) off |= uint64_t{1} << qubits[j];
    }
    offsets[i] = off;
  }
}

template <typename T, int K>
void apply_generic(std::complex<T>* state, const int* qubits, const std::complex<T>* matrix,
                   uint64_t begin, uint64_t end) {
  constexpr int D = 1 << K;
  uint64_t off[D];
  group_offsets<K>(qubits, off);
  T mr[D * D], mi[D * D];
  for (int i = 0; i < D * D; ++i) {
    mr[i] = matrix[i].real();
    mi[i] = matrix[i].imag();
  }
  T* s = reinterpret_cast<T*>(state);
  for (uint64_t g = begin; g < end; ++g) {
    const uint64_t base = insert_zero_bits<K>(g, qubits);
    T vr[D], vi[D];
    for (int j = 0; j < D; ++j) {
      vr[j] = s[2 * (base + off[j])];
      vi[j] = s[2 * (base + off[j]) + 1];
    }
    for (int r = 0; r < D; ++r) {
      T ar = 0, ai = 0;
      for (int j = 0; j < D; ++j) {
        ar += mr[r * D + j] * vr[j] - mi[r * D + j] * vi[j];
        ai += mr[r * D + j] * vi[j] + mi[r * D + j] * vr[j];
      }
      s[2 * (base + off[r])] = ar;
      s[2 * (base + off[r]) + 1] = ai;
    }
  }
}

template <typename T>
void apply_generic_any(std::complex<T>* state, const int* qubits, int k,
                       const std::complex<T>* matrix, uint64_t begin, uint64_t end) {
  switch (k) {
    case 1: apply_generic<T, 1>(state, qubits, matrix, begin, end); break;
    case 2: apply_generic<T, 2>(state, qubits, matrix, begin, end); break;
    case 3: apply_generic<T, 3>(state, qubits, matrix, begin, end); break;
    default: apply_generic<T, 4>(state, qubits, matrix, begin, end); break;
  }
}

// Re <bra| M |ket> over groups [begin, end), accumulated in double.
template <typename T, int K>
double real_inner_generic(const std::complex<T>* bra, const std::complex<T>* ket,
                          const int* qubits, const std::complex<T>* matrix, uint64_t begin,
                          uint64_t end) {
  constexpr int D = 1 << K;
  uint64_t off[D];
  group_offsets<K>(qubits, off);
  double total = 0;
  for (uint64_t g = begin; g < end; ++g) {
    const uint64_t base = insert_zero_bits<K>(g, qubits);
    for (int r = 0; r < D; ++r) {
      std::complex<double> w = 0;
      for (int c = 0; c < D; ++c) {
        w += std::complex<double>(matrix[r * D + c]) * std::complex<double>(ket[base + off[c]]);
      }
      const std::complex<double> b(bra[base + off[r]]);
      total += b.real() * w.real() + b.imag() * w.imag();
    }
  }
  return total;
}

template <typename T>
double real_inner_generic_any(const std::complex<T>* bra, const std::complex<T>* ket,
                              const int* qubits, int k, const std::complex<T>* matrix,
                              uint64_t begin, uint64_t end) {
  switch (k) {
    case 1: return real_inner_generic<T, 1>(bra, ket, qubits, matrix, begin, end);
    case 2: return real_inner_generic<T, 2>(bra, ket, qubits, matrix, begin, end);
    case 3: return real_inner_generic<T, 3>(bra, ket, qubits, matrix, begin, end);
    default: return real_inner_generic<T, 4>(bra, ket, qubits, matrix, begin, end);
  }
}

// Planar layout (kernel_table.h, PlanarKernels): the same loops as apply_generic on split arrays.
template <typename T, int K>
void apply_planar_generic(T* re, T* im, const int* qubits, const std::complex<T>* matrix,
                          uint64_t begin, uint64_t end) {
  constexpr int D = 1 << K;
  uint64_t off[D];
  group_offsets<K>(qubits, off);
  T mr[D * D], mi[D * D];
  for (int i = 0; i < D * D; ++i) {
    mr[i] = matrix[i].real();
    mi[i] = matrix[i].imag();
  }
  for (uint64_t g = begin; g < end; ++g) {
    const uint64_t base = insert_zero_bits<K>(g, qubits);
    T vr[D], vi[D];
    for (int j = 0; j < D; ++j) {
      vr[j] = re[base + off[j]];
      vi[j] = im[base + off[j]];
    }
    for (int r = 0; r < D; ++r) {
      T ar = 0, ai = 0;
      for (int j = 0; j < D; ++j) {
        ar += mr[r * D + j] * vr[j] - mi[r * D + j] * vi[j];
        ai += mr[r * D + j] * vi[j] + mi[r * D + j] * vr[j];
      }
      re[base + off[r]] = ar;
      im[base + off[r]] = ai;
    }
  }
}

template <typename T>
void apply_planar_generic_any(T* re, T* im, const int* qubits, int k,
                              const std::complex<T>* matrix, uint64_t begin, uint64_t end) {
  switch (k) {
    case 1: apply_planar_generic<T, 1>(re, im, qubits, matrix, begin, end); break;
    case 2: apply_planar_generic<T, 2>(re, im, qubits, matrix, begin, end); break;
    case 3: apply_planar_generic<T, 3>(re, im, qubits, matrix, begin, end); break;
    default: apply_planar_generic<T, 4>(re, im, qubits, matrix, begin, end); break;
  }
}

template <typename T>
void to_planar_generic(const std::complex<T>* in, T* re, T* im, uint64_t count) {
  const T* s = reinterpret_cast<const T*>(in);
  for (uint64_t i = 0; i < count; ++i) {
    re[i] = s[2 * i];
    im[i] = s[2 * i + 1];
  }
}

template <typename T>
void from_planar_generic(const T* re, const T* im, std::complex<T>* out, uint64_t count) {
  T* s = reinterpret_cast<T*>(out);
  for (uint64_t i = 0; i < count; ++i) {
    s[2 * i] = re[i];
    s[2 * i + 1] = im[i];
  }
}
