#pragma once
// Pointer + length arguments for the C ABI. The harness never lies about a buffer: whenever the
// pointer is not NULL, it points at (at least) `length` elements. Lengths are usually what the
// call needs, sometimes off by one, zero, random, or huge with a NULL pointer.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "api/program_reader.h"

namespace qdcnn::fuzz {

// Largest buffer the harness allocates; larger requests get a NULL pointer.
constexpr uint64_t kMaxBufferElements = uint64_t{1} << 16;

template <typename T>
struct FuzzBuffer {
  std::vector<T> storage;
  size_t length = 0;
  bool null = false;
  // True when the pointer is valid and the length is exactly what the call needs.
  bool exact = false;

  T* data() { return null ? nullptr : storage.data(); }
  const T* data() const { return null ? nullptr : storage.data(); }
};

// Makes a buffer for a call that needs `expected` elements; `fill` draws each element.
template <typename T, typename Fill>
FuzzBuffer<T> make_buffer(ProgramReader& reader, uint64_t expected, Fill fill) {
  FuzzBuffer<T> buffer;
  const uint8_t mode = reader.byte();
  if (mode < 176) {
    buffer.length = static_cast<size_t>(expected);
    buffer.exact = true;
  } else {
    switch (mode % 8) {
      case 0: buffer.length = static_cast<size_t>(expected + 1); break;
      case 1: buffer.length = expected > 0 ? static_cast<size_t>(expected - 1) : 1; break;
      case 2: buffer.length = 0; break;
      case 3: buffer.length = static_cast<size_t>(expected); buffer.null = true; break;
      case 4: buffer.length = 0; buffer.null = true; break;
      case 5: buffer.length = reader.byte(); break;
      case 6: buffer.length = SIZE_MAX; buffer.null = true; break;
      default: buffer.length = size_t{1} << 62; buffer.null = true; break;
    }
    buffer.exact = !buffer.null && buffer.length == expected;
  }
  if (buffer.length > kMaxBufferElements) {
    buffer.null = true;
    buffer.exact = false;
  }
  if (!buffer.null) {
    buffer.storage.resize(buffer.length == 0 ? 1 : buffer.length);
    for (size_t k = 0; k < buffer.length; ++k) buffer.storage[k] = fill();
  }
  return buffer;
}

// Whether the library must accept this buffer for a call that needs `expected` elements: the
// length matches, and the pointer is not NULL unless nothing is needed.
template <typename T>
bool fits(const FuzzBuffer<T>& buffer, uint64_t expected) {
  return buffer.length == expected && (!buffer.null || expected == 0);
}

template <typename T>
bool all_tame(const FuzzBuffer<T>& buffer) {
  if (buffer.null) return true;
  for (size_t k = 0; k < buffer.length; ++k) {
    if (!is_tame(static_cast<double>(buffer.storage[k]))) return false;
  }
  return true;
}

}  // namespace qdcnn::fuzz
