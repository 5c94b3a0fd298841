#pragma once
// Finite-shot measurement of Pauli outputs: every term is measured in the basis its X/Y factors
// name. A basis rotation U (H on X qubits, H S^dagger on Y qubits) maps the term to a Z string
// on its support (U X U^dagger = U Y U^dagger = Z), so sampling the rotated state in the
// computational basis estimates the term by the parity of the outcome bits on its support.
#include <complex>
#include <cstdint>
#include <vector>

#include "core/observable.h"
#include "core/simulator.h"

namespace qdcnn::noise {

// One measurement setting: the qubits measured in X and in Y (all others in Z).
struct MeasurementBasis {
  uint64_t x_mask = 0;
  uint64_t y_mask = 0;
  bool computational() const { return (x_mask | y_mask) == 0; }
  bool operator==(const MeasurementBasis& o) const { return x_mask == o.x_mask && y_mask == o.y_mask; }
};

// The basis that measures `term`.
inline MeasurementBasis basis_of(const PauliTerm& term) {
  return {term.flip_mask & ~term.phase_mask, term.flip_mask & term.phase_mask};
}

// The distinct bases of an observable's terms, in order of first appearance, with the
// computational basis always first (index 0) so Z-type terms keep the sample's main stream.
std::vector<MeasurementBasis> distinct_bases(const Observable& observable);

// Rotates `state` from measuring in basis `from` to measuring in basis `to`. For a pure state
// (density = false) state holds 2^n amplitudes; for a density matrix (density = true, layout of
// density_matrix.h) it holds 4^n and the rotation acts as U rho U^dagger.
template <typename T>
void rotate_basis(Simulator<T>& sim, std::complex<T>* state, int n_qubits, bool density,
                  const MeasurementBasis& from, const MeasurementBasis& to, bool parallel);

}  // namespace qdcnn::noise
