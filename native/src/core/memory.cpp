#include "core/memory.h"

#include <sys/mman.h>
#include <sys/sysinfo.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>

#include "core/errors.h"

namespace qdcnn {

uint64_t available_memory_bytes() {
  if (FILE* f = std::fopen("/proc/meminfo", "r")) {
    char line[256];
    while (std::fgets(line, sizeof line, f)) {
      unsigned long long kib = 0;
      if (std::sscanf(line, "MemAvailable: %llu kB", &kib) == 1) {
        std::fclose(f);
        return static_cast<uint64_t>(kib) * 1024u;
      }
    }
    std::fclose(f);
  }
  struct sysinfo info;
  if (sysinfo(&info) == 0) {
    return (static_cast<uint64_t>(info.freeram) + info.bufferram) * info.mem_unit;
  }
  return UINT64_MAX;  // unknown: let the allocation itself decide
}

void check_memory_available(uint64_t bytes, const char* what) {
  const uint64_t available = available_memory_bytes();
  if (bytes > available) {
    throw Error(QDCNN_ERROR_TOO_MANY_QUBITS,
                std::string(what) + " needs " + std::to_string(bytes >> 20) +
                    " MiB but only " + std::to_string(available >> 20) +
                    " MiB of memory is available");
  }
}

void AlignedFree::operator()(void* p) const noexcept { std::free(p); }

void* aligned_allocate(std::size_t bytes) {
  constexpr std::size_t kAlign = 64;
  constexpr std::size_t kHugePage = std::size_t{2} << 20;
  const bool huge = bytes >= kHugePage;
  const std::size_t align = huge ? kHugePage : kAlign;
  std::size_t rounded = (bytes + align - 1) / align * align;
  if (rounded == 0) rounded = align;
  void* p = std::aligned_alloc(align, rounded);
  if (!p) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
  if (huge) madvise(p, rounded, MADV_HUGEPAGE);  // a hint; failure is harmless
#endif
  return p;
}

}  // namespace qdcnn
