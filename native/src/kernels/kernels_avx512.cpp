// AVX-512 (F + DQ) kernel. Compiled with -mavx512f -mavx512dq (set on this file only in CMake);
// only called after CPUID says the CPU has both.
#include <immintrin.h>

#include "kernels/kernel_table.h"

namespace qdcnn {
namespace avx512_isa {
#include "kernels/kernels_generic.h"
#include "kernels/block_sequence_kernels.h"
#include "kernels/lane_kernels.h"

struct VecF64 {
  using T = double;
  using Reg = __m512d;
  using Idx = __m512i;
  static constexpr int L = 4;
  static constexpr int LOG2L = 2;
  static Reg load(const T* p) { return _mm512_loadu_pd(p); }
  static void store(T* p, Reg v) { _mm512_storeu_pd(p, v); }
  static Reg fmadd(Reg a, Reg b, Reg c) { return _mm512_fmadd_pd(a, b, c); }
  static Reg add(Reg a, Reg b) { return _mm512_add_pd(a, b); }
  static Reg zero() { return _mm512_setzero_pd(); }
  static Reg set1(T x) { return _mm512_set1_pd(x); }
  // (v0, v1) interleaved amplitudes 0..7 <-> re, im parts of the same 8 amplitudes.
  static void deinterleave(Reg v0, Reg v1, Reg& re, Reg& im) {
    re = _mm512_permutex2var_pd(v0, _mm512_setr_epi64(0, 2, 4, 6, 8, 10, 12, 14), v1);
    im = _mm512_permutex2var_pd(v0, _mm512_setr_epi64(1, 3, 5, 7, 9, 11, 13, 15), v1);
  }
  static void interleave(Reg re, Reg im, Reg& v0, Reg& v1) {
    v0 = _mm512_permutex2var_pd(re, _mm512_setr_epi64(0, 8, 1, 9, 2, 10, 3, 11), im);
    v1 = _mm512_permutex2var_pd(re, _mm512_setr_epi64(4, 12, 5, 13, 6, 14, 7, 15), im);
  }
  static double sum(Reg v) { return _mm512_reduce_add_pd(v); }
  static Idx load_index(const int32_t* src) {
    alignas(64) int64_t idx[8];
    for (int i = 0; i < 8; ++i) idx[i] = src[i];
    return _mm512_load_si512(idx);
  }
  static Reg permute(Reg v, Idx idx) { return _mm512_permutexvar_pd(idx, v); }
  static Reg swap_pairs(Reg v) { return _mm512_permute_pd(v, 0x55); }
  static void prefetch(const T* p) { _mm_prefetch(reinterpret_cast<const char*>(p), _MM_HINT_T0); }
};

struct VecF32 {
  using T = float;
  using Reg = __m512;
  using Idx = __m512i;
  static constexpr int L = 8;
  static constexpr int LOG2L = 3;
  static Reg load(const T* p) { return _mm512_loadu_ps(p); }
  static void store(T* p, Reg v) { _mm512_storeu_ps(p, v); }
  static Reg fmadd(Reg a, Reg b, Reg c) { return _mm512_fmadd_ps(a, b, c); }
  static Reg add(Reg a, Reg b) { return _mm512_add_ps(a, b); }
  static Reg zero() { return _mm512_setzero_ps(); }
  static Reg set1(T x) { return _mm512_set1_ps(x); }
  // (v0, v1) interleaved amplitudes 0..15 <-> re, im parts of the same 16 amplitudes.
  static void deinterleave(Reg v0, Reg v1, Reg& re, Reg& im) {
    re = _mm512_permutex2var_ps(
        v0, _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30), v1);
    im = _mm512_permutex2var_ps(
        v0, _mm512_setr_epi32(1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31), v1);
  }
  static void interleave(Reg re, Reg im, Reg& v0, Reg& v1) {
    v0 = _mm512_permutex2var_ps(
        re, _mm512_setr_epi32(0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23), im);
    v1 = _mm512_permutex2var_ps(
        re, _mm512_setr_epi32(8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31), im);
  }
  static double sum(Reg v) {
    alignas(64) float x[16];
    _mm512_store_ps(x, v);
    double t = 0;
    for (float f : x) t += f;
    return t;
  }
  static Idx load_index(const int32_t* src) { return _mm512_loadu_si512(src); }
  static Reg permute(Reg v, Idx idx) { return _mm512_permutexvar_ps(idx, v); }
  static Reg swap_pairs(Reg v) { return _mm512_permute_ps(v, 0xB1); }
  static void prefetch(const T* p) { _mm_prefetch(reinterpret_cast<const char*>(p), _MM_HINT_T0); }
};

#include "kernels/kernels_simd.h"
}  // namespace avx512_isa

const KernelTable& avx512_kernel_table() {
  static const KernelTable table{QDCNN_KERNEL_AVX512, "avx512",
                                 &avx512_isa::apply_dispatch<avx512_isa::VecF32>,
                                 &avx512_isa::apply_dispatch<avx512_isa::VecF64>,
                                 &avx512_isa::real_inner_dispatch<avx512_isa::VecF32>,
                                 &avx512_isa::real_inner_dispatch<avx512_isa::VecF64>,
                                 avx512_isa::make_lane_kernels<float>(),
                                 avx512_isa::make_lane_kernels<double>(),
                                 avx512_isa::make_planar_kernels<avx512_isa::VecF32>(),
                                 avx512_isa::make_planar_kernels<avx512_isa::VecF64>()};
  return table;
}

}  // namespace qdcnn
