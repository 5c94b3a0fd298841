#include "noise/measurement_bases.h"

#include <cmath>

#include "core/gates.h"

namespace qdcnn::noise {
namespace {

enum class Axis { Z, X, Y };

Axis axis_of(const MeasurementBasis& b, int q) {
  if (b.x_mask >> q & 1) return Axis::X;
  if (b.y_mask >> q & 1) return Axis::Y;
  return Axis::Z;
}

// The rotation that makes a measurement along `axis` a computational-basis measurement:
// I for Z, H for X, H S^dagger for Y. Row-major 2x2.
void rotation(Axis axis, cdouble* m) {
  const double r = 1 / std::sqrt(2.0);
  const cdouble i(0, 1);
  switch (axis) {
    case Axis::Z: m[0] = 1; m[1] = 0; m[2] = 0; m[3] = 1; return;
    case Axis::X: m[0] = r; m[1] = r; m[2] = r; m[3] = -r; return;
    case Axis::Y: m[0] = r; m[1] = -i * r; m[2] = r; m[3] = i * r; return;
  }
}

}  // namespace

std::vector<MeasurementBasis> distinct_bases(const Observable& observable) {
  std::vector<MeasurementBasis> bases(1);  // the computational basis
  for (const std::vector<PauliTerm>& output : observable.outputs()) {
    for (const PauliTerm& t : output) {
      const MeasurementBasis b = basis_of(t);
      bool seen = false;
      for (const MeasurementBasis& known : bases) seen = seen || known == b;
      if (!seen) bases.push_back(b);
    }
  }
  return bases;
}

template <typename T>
void rotate_basis(Simulator<T>& sim, std::complex<T>* state, int n_qubits, bool density,
                  const MeasurementBasis& from, const MeasurementBasis& to, bool parallel) {
  const int state_qubits = density ? 2 * n_qubits : n_qubits;
  for (int q = 0; q < n_qubits; ++q) {
    const Axis a = axis_of(from, q), b = axis_of(to, q);
    if (a == b) continue;
    // M = U_to U_from^dagger.
    cdouble ua[4], ub[4];
    rotation(a, ua);
    rotation(b, ub);
    std::complex<T> m[4], conj_m[4];
    for (int r = 0; r < 2; ++r) {
      for (int c = 0; c < 2; ++c) {
        const cdouble v = ub[2 * r] * std::conj(ua[2 * c]) + ub[2 * r + 1] * std::conj(ua[2 * c + 1]);
        m[2 * r + c] = {static_cast<T>(v.real()), static_cast<T>(v.imag())};
        conj_m[2 * r + c] = std::conj(m[2 * r + c]);
      }
    }
    const int row[1] = {q};
    sim.apply_matrix(state, state_qubits, row, 1, m, parallel);
    if (density) {
      const int column[1] = {q + n_qubits};
      sim.apply_matrix(state, state_qubits, column, 1, conj_m, parallel);
    }
  }
}

template void rotate_basis<float>(Simulator<float>&, std::complex<float>*, int, bool,
                                  const MeasurementBasis&, const MeasurementBasis&, bool);
template void rotate_basis<double>(Simulator<double>&, std::complex<double>*, int, bool,
                                   const MeasurementBasis&, const MeasurementBasis&, bool);

}  // namespace qdcnn::noise
