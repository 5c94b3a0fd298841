#pragma once
// Operand generators for the API program: mostly valid values, with the invalid ones the header
// names (out of range, unknown enums, extreme integers) mixed in.
#include <cstdint>
#include <limits>

#include "api/program_reader.h"
#include "common/simulate.h"
#include "qdcnn/qdcnn.h"

namespace qdcnn::fuzz {

constexpr int32_t kInt32Min = std::numeric_limits<int32_t>::min();
constexpr int32_t kInt32Max = std::numeric_limits<int32_t>::max();

// Picks one of the listed values.
template <typename T, size_t N>
T one_of(ProgramReader& reader, const T (&values)[N]) {
  return values[reader.byte() % N];
}

// A register size: 1..kMaxSimulatedQubits, or (1 in 8) a count no register may have.
inline int32_t register_size(ProgramReader& reader) {
  const uint8_t b = reader.byte();
  if (b >= 224) {
    static const int32_t kInvalid[] = {0, -1, 31, 64, kInt32Min, kInt32Max, -30, 1000};
    return one_of(reader, kInvalid);
  }
  return 1 + b % kMaxSimulatedQubits;
}

inline bool is_valid_register_size(int32_t n) { return n >= 1 && n <= QDCNN_MAX_QUBITS; }

// A qubit of an n-qubit register, or (1 in 8) one outside it.
inline int32_t qubit_index(ProgramReader& reader, int32_t n_qubits) {
  const uint8_t b = reader.byte();
  if (b >= 224 || n_qubits < 1) {
    const int32_t invalid[] = {-1, kInt32Min, kInt32Max, 64, n_qubits, n_qubits + 1};
    return invalid[reader.byte() % 6];
  }
  return static_cast<int32_t>(b % n_qubits);
}

// A gate kind: a known one (0..26), or (1 in 8) an unknown value.
inline int32_t gate_kind(ProgramReader& reader) {
  const uint8_t b = reader.byte();
  if (b >= 224) {
    static const int32_t kInvalid[] = {-1, 27, 28, 99, kInt32Min, kInt32Max};
    return one_of(reader, kInvalid);
  }
  return static_cast<int32_t>(b % 27);
}

// Qubits and angles a gate kind takes (from the brackets in qdcnn.h); false if unknown.
inline bool gate_arity(int32_t gate, int& n_qubits, int& n_angles) {
  if (gate < QDCNN_GATE_I || gate > QDCNN_GATE_UNITARY2) return false;
  n_qubits = (gate >= QDCNN_GATE_CNOT && gate != QDCNN_GATE_UNITARY1) ? 2 : 1;
  if (gate == QDCNN_GATE_U3) {
    n_angles = 3;
  } else if ((gate >= QDCNN_GATE_RX && gate <= QDCNN_GATE_PHASE) ||
             (gate >= QDCNN_GATE_CRX && gate <= QDCNN_GATE_RZZ)) {
    n_angles = 1;
  } else {
    n_angles = 0;
  }
  return true;
}

inline int32_t angle_source(ProgramReader& reader) {
  const uint8_t b = reader.byte();
  if (b >= 240) {
    static const int32_t kInvalid[] = {-1, 3, 7, kInt32Min, kInt32Max};
    return one_of(reader, kInvalid);
  }
  return static_cast<int32_t>(b % 3);
}

// A parameter or input index: small, or (rarely) negative or huge.
inline int32_t angle_index(ProgramReader& reader) {
  const uint8_t b = reader.byte();
  if (b >= 240) {
    static const int32_t kExtreme[] = {-1, kInt32Min, kInt32Max, 1 << 20, 65535, 65536};
    return one_of(reader, kExtreme);
  }
  return static_cast<int32_t>(b % 16);
}

inline int32_t precision(ProgramReader& reader) {
  const uint8_t b = reader.byte();
  if (b >= 240) {
    static const int32_t kInvalid[] = {-1, 2, 64, kInt32Max};
    return one_of(reader, kInvalid);
  }
  return b % 2 == 0 ? QDCNN_PRECISION_COMPLEX128 : QDCNN_PRECISION_COMPLEX64;
}

inline int32_t pauli(ProgramReader& reader) {
  const uint8_t b = reader.byte();
  if (b >= 240) {
    static const int32_t kInvalid[] = {-1, 4, kInt32Max};
    return one_of(reader, kInvalid);
  }
  return static_cast<int32_t>(b % 4);
}

inline int32_t kernel(ProgramReader& reader) {
  static const int32_t kKernels[] = {QDCNN_KERNEL_AUTO, QDCNN_KERNEL_SCALAR, QDCNN_KERNEL_AVX2,
                                     QDCNN_KERNEL_AVX512, 4, -1, kInt32Max};
  return one_of(reader, kKernels);
}

// Few threads: every thread count is a real pool of OS threads.
inline int32_t thread_count(ProgramReader& reader) {
  static const int32_t kThreads[] = {1, 2, 3, 4, 0, -1, 257, kInt32Min, kInt32Max};
  return one_of(reader, kThreads);
}

inline int32_t fusion_width(ProgramReader& reader) {
  static const int32_t kWidths[] = {0, 2, 3, 4, 1, 5, -1, kInt32Max};
  return one_of(reader, kWidths);
}

// A basis-state index of an n-qubit register, or one outside it.
inline uint64_t basis_index(ProgramReader& reader, int32_t n_qubits) {
  const uint8_t b = reader.byte();
  const uint64_t dimension = n_qubits >= 1 && n_qubits < 64 ? uint64_t{1} << n_qubits : 1;
  if (b >= 224) {
    const uint64_t invalid[] = {dimension, dimension + 1, UINT64_MAX, uint64_t{1} << 63};
    return invalid[reader.byte() % 4];
  }
  return (uint64_t{b} * 131 + reader.byte()) % dimension;
}

// A batch size: small, or (rarely) one whose products with buffer widths overflow size_t.
inline size_t batch_size(ProgramReader& reader) {
  const uint8_t b = reader.byte();
  if (b >= 240) {
    static const size_t kHuge[] = {SIZE_MAX, SIZE_MAX / 2 + 1, size_t{1} << 62, size_t{1} << 32,
                                   (SIZE_MAX / 3) + 1};
    return one_of(reader, kHuge);
  }
  return b % 5;
}

}  // namespace qdcnn::fuzz
