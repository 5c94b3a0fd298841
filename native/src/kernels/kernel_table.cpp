#include "kernels/kernel_table.h"

#include <cstdlib>
#include <cstring>
#include <string>

#include "core/errors.h"

namespace qdcnn {
namespace {

bool cpu_has_avx2() {
#if defined(QDCNN_HAVE_AVX2)
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
  return false;
#endif
}

bool cpu_has_avx512() {
#if defined(QDCNN_HAVE_AVX512)
  return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq");
#else
  return false;
#endif
}

}  // namespace

bool kernel_available(int32_t kernel) {
  switch (kernel) {
    case QDCNN_KERNEL_AUTO:
    case QDCNN_KERNEL_SCALAR:
      return true;
    case QDCNN_KERNEL_AVX2:
      return cpu_has_avx2();
    case QDCNN_KERNEL_AVX512:
      return cpu_has_avx512();
    default:
      return false;
  }
}

qdcnn_kernel resolve_default_kernel() {
  const char* forced = std::getenv("QDCNN_KERNEL");
  if (forced && *forced) {
    qdcnn_kernel kind;
    if (std::strcmp(forced, "scalar") == 0) {
      kind = QDCNN_KERNEL_SCALAR;
    } else if (std::strcmp(forced, "avx2") == 0) {
      kind = QDCNN_KERNEL_AVX2;
    } else if (std::strcmp(forced, "avx512") == 0) {
      kind = QDCNN_KERNEL_AVX512;
    } else {
      throw Error(QDCNN_ERROR_UNSUPPORTED, std::string("environment variable QDCNN_KERNEL = '") +
                                               forced +
                                               "' is not one of scalar, avx2, avx512");
    }
    if (!kernel_available(kind)) {
      throw Error(QDCNN_ERROR_UNSUPPORTED, std::string("environment variable QDCNN_KERNEL = '") +
                                               forced +
                                               "' names a kernel this CPU or build cannot run");
    }
    return kind;
  }
  if (cpu_has_avx512()) return QDCNN_KERNEL_AVX512;
  if (cpu_has_avx2()) return QDCNN_KERNEL_AVX2;
  return QDCNN_KERNEL_SCALAR;
}

const KernelTable& kernel_table(int32_t kernel) {
  if (kernel == QDCNN_KERNEL_AUTO) kernel = resolve_default_kernel();
  if (!kernel_available(kernel)) {
    throw Error(QDCNN_ERROR_UNSUPPORTED,
                "kernel " + std::to_string(kernel) + " is not available on this CPU or build");
  }
  switch (kernel) {
#ifdef QDCNN_HAVE_AVX2
    case QDCNN_KERNEL_AVX2:
      return avx2_kernel_table();
#endif
#ifdef QDCNN_HAVE_AVX512
    case QDCNN_KERNEL_AVX512:
      return avx512_kernel_table();
#endif
    default:
      return scalar_kernel_table();
  }
}

}  // namespace qdcnn
