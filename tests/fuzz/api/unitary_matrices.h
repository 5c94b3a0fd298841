#pragma once
// Matrices for qdcnn_circuit_add_unitary: exact unitaries built from the program's bytes, and a
// measure of how far a matrix is from unitary (to know which ones the library must refuse).
#include <cmath>
#include <complex>
#include <vector>

#include "api/program_reader.h"

namespace qdcnn::fuzz {

using Complex = std::complex<double>;

// e^{i alpha} u3(theta, phi, lambda), row-major.
inline std::vector<Complex> random_unitary1(ProgramReader& reader) {
  const double theta = reader.byte() * 0.05, phi = reader.byte() * 0.05;
  const double lambda = reader.byte() * 0.05, alpha = reader.byte() * 0.05;
  const Complex g = std::polar(1.0, alpha);
  const double c = std::cos(theta / 2), s = std::sin(theta / 2);
  return {g * c, -g * std::polar(s, lambda), g * std::polar(s, phi), g * std::polar(c, phi + lambda)};
}

// (A (x) B) times a fixed two-qubit gate (identity, CNOT either way, SWAP, or a controlled phase):
// entangling, and exactly unitary up to rounding.
inline std::vector<Complex> random_unitary2(ProgramReader& reader) {
  const std::vector<Complex> a = random_unitary1(reader), b = random_unitary1(reader);
  std::vector<Complex> product(16);
  // Row/column index bit 0 is qubits[0] (b), bit 1 is qubits[1] (a).
  for (int r = 0; r < 4; ++r) {
    for (int c = 0; c < 4; ++c) product[r * 4 + c] = a[(r >> 1) * 2 + (c >> 1)] * b[(r & 1) * 2 + (c & 1)];
  }
  static const int kPermutations[4][4] = {{0, 1, 2, 3}, {0, 3, 2, 1}, {0, 1, 3, 2}, {0, 2, 1, 3}};
  const int choice = reader.byte() % 5;
  std::vector<Complex> result(16);
  for (int r = 0; r < 4; ++r) {
    for (int c = 0; c < 4; ++c) {
      if (choice < 4) {
        result[r * 4 + c] = product[r * 4 + kPermutations[choice][c]];
      } else {
        result[r * 4 + c] = product[r * 4 + c] * (c == 3 ? std::polar(1.0, 0.7) : Complex(1.0));
      }
    }
  }
  return result;
}

// max |(U^dagger U - I)_{rc}| for a dim x dim matrix of interleaved doubles.
inline double unitarity_error(const double* m, int dim) {
  double worst = 0;
  for (int r = 0; r < dim; ++r) {
    for (int c = 0; c < dim; ++c) {
      Complex sum = 0;
      for (int k = 0; k < dim; ++k) {
        const Complex u_kr(m[2 * (k * dim + r)], m[2 * (k * dim + r) + 1]);
        const Complex u_kc(m[2 * (k * dim + c)], m[2 * (k * dim + c) + 1]);
        sum += std::conj(u_kr) * u_kc;
      }
      const double error = std::abs(sum - Complex(r == c ? 1.0 : 0.0));
      if (!std::isfinite(error)) return INFINITY;  // NaN or infinite entries
      worst = std::fmax(worst, error);
    }
  }
  return worst;
}

}  // namespace qdcnn::fuzz
