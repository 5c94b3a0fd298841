#pragma once
// Index arithmetic shared by the core loops.
#include <cstdint>

namespace qdcnn {

// Spreads g over the bits that are not in `sorted_qubits` (ascending), leaving those bits zero:
// the base index of amplitude group g of a k-qubit gate.
inline uint64_t insert_zero_bits(uint64_t g, const int* sorted_qubits, int k) {
  for (int j = 0; j < k; ++j) {
    const uint64_t low = (uint64_t{1} << sorted_qubits[j]) - 1;
    g = (g & low) | ((g & ~low) << 1);
  }
  return g;
}

// Offset of local index i (bit j = sorted_qubits[j]) within a group.
inline uint64_t local_offset(int i, const int* sorted_qubits, int k) {
  uint64_t off = 0;
  for (int j = 0; j < k; ++j) {
    if (i & (1 << j)) off |= uint64_t{1} << sorted_qubits[j];
  }
  return off;
}

}  // namespace qdcnn
