#pragma once
// Aligned buffers for state vectors and the memory-availability check made before allocating.
#include <cstddef>
#include <cstdint>
#include <memory>

namespace qdcnn {

// Bytes the OS reports as available (MemAvailable in /proc/meminfo, else sysinfo free+buffers).
uint64_t available_memory_bytes();

// Throws Error(QDCNN_ERROR_TOO_MANY_QUBITS) if `bytes` exceeds available memory; `what` names the
// request in the message.
void check_memory_available(uint64_t bytes, const char* what);

struct AlignedFree {
  void operator()(void* p) const noexcept;
};

// 64-byte aligned, uninitialised allocation; asks for huge pages when the buffer is large.
// Throws std::bad_alloc on failure.
void* aligned_allocate(std::size_t bytes);

template <typename T>
using AlignedArray = std::unique_ptr<T[], AlignedFree>;

template <typename T>
AlignedArray<T> make_aligned_array(std::size_t count) {
  return AlignedArray<T>(static_cast<T*>(aligned_allocate(count * sizeof(T))));
}

}  // namespace qdcnn
