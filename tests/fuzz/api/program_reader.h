#pragma once
// Reads a fuzz input front to back as a program: opcodes and operands are consumed in order, and
// an exhausted input reads as zeros, so every byte string is a valid program. Reading front to
// back (unlike FuzzedDataProvider) keeps hand-written seeds in corpus/ simple to write.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>

namespace qdcnn::fuzz {

class ProgramReader {
 public:
  ProgramReader(const uint8_t* data, size_t size) : data_(data), size_(size) {}

  bool exhausted() const { return position_ >= size_; }

  uint8_t byte() { return position_ < size_ ? data_[position_++] : 0; }

  // A value in [0, n) for n in 1..256.
  uint32_t below(uint32_t n) { return byte() % n; }

  bool flag() { return (byte() & 1) != 0; }

  uint32_t u32() {
    uint32_t value = 0;
    for (int k = 0; k < 4; ++k) value |= uint32_t{byte()} << (8 * k);
    return value;
  }

  uint64_t u64() { return uint64_t{u32()} | (uint64_t{u32()} << 32); }

  // A double that is usually small and "nice", sometimes extreme (huge, tiny, subnormal, NaN,
  // infinite, -0) and sometimes arbitrary bits.
  double real() {
    const uint8_t selector = byte();
    if (selector < 192) return static_cast<int8_t>(byte()) / 8.0;
    if (selector < 240) {
      static const double kSpecial[] = {
          0.0, -0.0, 1.0, -1.0, 0.5, 3.14159265358979323846, -3.14159265358979323846,
          1e-300, -1e-300, 1e300, -1e300, std::numeric_limits<double>::denorm_min(),
          std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest(),
          std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
          -std::numeric_limits<double>::infinity(), 1e6, 1e-6, 2.0};
      return kSpecial[byte() % (sizeof kSpecial / sizeof kSpecial[0])];
    }
    const uint64_t bits = u64();
    double value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
  }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t position_ = 0;
};

// Values the harness considers numerically tame: finite, and either 0 or within [1e-100, 1e6]
// in magnitude. Invariants (norm, bounds) are only checked on runs fed with tame values.
inline bool is_tame(double value) {
  const double magnitude = std::fabs(value);
  return std::isfinite(value) && (magnitude == 0 || (magnitude >= 1e-100 && magnitude <= 1e6));
}

}  // namespace qdcnn::fuzz
