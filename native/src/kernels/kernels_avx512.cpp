// AVX-512 (F + DQ) kernel. Compiled with -mavx512f -mavx512dq (set on this file only in CMake);
// only called after CPUID says the CPU has both.
#include <immintrin.h>

#include "kernels/kernel_table.h"

namespace qdcnn {
namespace avx512_isa {
#include "kernels/kernels_generic.h"
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
                                 avx512_isa::make_lane_kernels<double>()};
  return table;
}

}  // namespace qdcnn
