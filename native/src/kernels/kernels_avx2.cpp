// AVX2 + FMA kernel. Compiled with -mavx2 -mfma (set on this file only in CMake); only called
// after CPUID says the CPU has both.
#include <immintrin.h>

#include "kernels/kernel_table.h"

namespace qdcnn {
namespace avx2_isa {
#include "kernels/kernels_generic.h"
#include "kernels/block_sequence_kernels.h"
#include "kernels/lane_kernels.h"

struct VecF64 {
  using T = double;
  using Reg = __m256d;
  using Idx = __m256i;
  static constexpr int L = 2;
  static constexpr int LOG2L = 1;
  static Reg load(const T* p) { return _mm256_loadu_pd(p); }
  static void store(T* p, Reg v) { _mm256_storeu_pd(p, v); }
  static Reg fmadd(Reg a, Reg b, Reg c) { return _mm256_fmadd_pd(a, b, c); }
  static Reg add(Reg a, Reg b) { return _mm256_add_pd(a, b); }
  static Reg zero() { return _mm256_setzero_pd(); }
  static Reg set1(T x) { return _mm256_set1_pd(x); }
  // (v0, v1) interleaved amplitudes 0..3 <-> re, im parts of the same 4 amplitudes.
  static void deinterleave(Reg v0, Reg v1, Reg& re, Reg& im) {
    re = _mm256_permute4x64_pd(_mm256_unpacklo_pd(v0, v1), 0xD8);
    im = _mm256_permute4x64_pd(_mm256_unpackhi_pd(v0, v1), 0xD8);
  }
  static void interleave(Reg re, Reg im, Reg& v0, Reg& v1) {
    const Reg lo = _mm256_unpacklo_pd(re, im), hi = _mm256_unpackhi_pd(re, im);
    v0 = _mm256_permute2f128_pd(lo, hi, 0x20);
    v1 = _mm256_permute2f128_pd(lo, hi, 0x31);
  }
  static double sum(Reg v) {
    alignas(32) double x[4];
    _mm256_store_pd(x, v);
    return (x[0] + x[1]) + (x[2] + x[3]);
  }
  // Double lane i is float lanes (2i, 2i+1).
  static Idx load_index(const int32_t* src) {
    alignas(32) int32_t idx[8];
    for (int i = 0; i < 4; ++i) {
      idx[2 * i] = 2 * src[i];
      idx[2 * i + 1] = 2 * src[i] + 1;
    }
    return _mm256_load_si256(reinterpret_cast<const __m256i*>(idx));
  }
  static Reg permute(Reg v, Idx idx) {
    return _mm256_castps_pd(_mm256_permutevar8x32_ps(_mm256_castpd_ps(v), idx));
  }
  static Reg swap_pairs(Reg v) { return _mm256_permute_pd(v, 0x5); }
  static void prefetch(const T* p) { _mm_prefetch(reinterpret_cast<const char*>(p), _MM_HINT_T0); }
};

struct VecF32 {
  using T = float;
  using Reg = __m256;
  using Idx = __m256i;
  static constexpr int L = 4;
  static constexpr int LOG2L = 2;
  static Reg load(const T* p) { return _mm256_loadu_ps(p); }
  static void store(T* p, Reg v) { _mm256_storeu_ps(p, v); }
  static Reg fmadd(Reg a, Reg b, Reg c) { return _mm256_fmadd_ps(a, b, c); }
  static Reg add(Reg a, Reg b) { return _mm256_add_ps(a, b); }
  static Reg zero() { return _mm256_setzero_ps(); }
  static Reg set1(T x) { return _mm256_set1_ps(x); }
  // (v0, v1) interleaved amplitudes 0..7 <-> re, im parts of the same 8 amplitudes.
  static void deinterleave(Reg v0, Reg v1, Reg& re, Reg& im) {
    re = _mm256_castpd_ps(_mm256_permute4x64_pd(
        _mm256_castps_pd(_mm256_shuffle_ps(v0, v1, _MM_SHUFFLE(2, 0, 2, 0))), 0xD8));
    im = _mm256_castpd_ps(_mm256_permute4x64_pd(
        _mm256_castps_pd(_mm256_shuffle_ps(v0, v1, _MM_SHUFFLE(3, 1, 3, 1))), 0xD8));
  }
  static void interleave(Reg re, Reg im, Reg& v0, Reg& v1) {
    const Reg lo = _mm256_unpacklo_ps(re, im), hi = _mm256_unpackhi_ps(re, im);
    v0 = _mm256_permute2f128_ps(lo, hi, 0x20);
    v1 = _mm256_permute2f128_ps(lo, hi, 0x31);
  }
  static double sum(Reg v) {
    alignas(32) float x[8];
    _mm256_store_ps(x, v);
    double t = 0;
    for (float f : x) t += f;
    return t;
  }
  static Idx load_index(const int32_t* src) {
    return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(src));
  }
  static Reg permute(Reg v, Idx idx) { return _mm256_permutevar8x32_ps(v, idx); }
  static Reg swap_pairs(Reg v) { return _mm256_permute_ps(v, 0xB1); }
  static void prefetch(const T* p) { _mm_prefetch(reinterpret_cast<const char*>(p), _MM_HINT_T0); }
};

#include "kernels/kernels_simd.h"
}  // namespace avx2_isa

const KernelTable& avx2_kernel_table() {
  static const KernelTable table{QDCNN_KERNEL_AVX2, "avx2",
                                 &avx2_isa::apply_dispatch<avx2_isa::VecF32>,
                                 &avx2_isa::apply_dispatch<avx2_isa::VecF64>,
                                 &avx2_isa::real_inner_dispatch<avx2_isa::VecF32>,
                                 &avx2_isa::real_inner_dispatch<avx2_isa::VecF64>,
                                 avx2_isa::make_lane_kernels<float>(),
                                 avx2_isa::make_lane_kernels<double>(),
                                 avx2_isa::make_planar_kernels<avx2_isa::VecF32>(),
                                 avx2_isa::make_planar_kernels<avx2_isa::VecF64>()};
  return table;
}

}  // namespace qdcnn
