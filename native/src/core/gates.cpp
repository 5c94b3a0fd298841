#include "core/gates.h"

#include <cmath>

#include "core/errors.h"

namespace qdcnn {
namespace {

const GateInfo kGates[] = {
    {QDCNN_GATE_I, "id", 1, 0, true},        {QDCNN_GATE_H, "h", 1, 0, false},
    {QDCNN_GATE_X, "x", 1, 0, false},        {QDCNN_GATE_Y, "y", 1, 0, false},
    {QDCNN_GATE_Z, "z", 1, 0, true},         {QDCNN_GATE_S, "s", 1, 0, true},
    {QDCNN_GATE_SDG, "sdg", 1, 0, true},     {QDCNN_GATE_T, "t", 1, 0, true},
    {QDCNN_GATE_TDG, "tdg", 1, 0, true},     {QDCNN_GATE_SX, "sx", 1, 0, false},
    {QDCNN_GATE_RX, "rx", 1, 1, false},      {QDCNN_GATE_RY, "ry", 1, 1, false},
    {QDCNN_GATE_RZ, "rz", 1, 1, true},       {QDCNN_GATE_PHASE, "p", 1, 1, true},
    {QDCNN_GATE_U3, "u3", 1, 3, false},      {QDCNN_GATE_CNOT, "cx", 2, 0, false},
    {QDCNN_GATE_CZ, "cz", 2, 0, true},       {QDCNN_GATE_SWAP, "swap", 2, 0, false},
    {QDCNN_GATE_CRX, "crx", 2, 1, false},    {QDCNN_GATE_CRY, "cry", 2, 1, false},
    {QDCNN_GATE_CRZ, "crz", 2, 1, true},     {QDCNN_GATE_CPHASE, "cp", 2, 1, true},
    {QDCNN_GATE_RXX, "rxx", 2, 1, false},    {QDCNN_GATE_RYY, "ryy", 2, 1, false},
    {QDCNN_GATE_RZZ, "rzz", 2, 1, true},     {QDCNN_GATE_UNITARY1, "unitary1", 1, 0, false},
    {QDCNN_GATE_UNITARY2, "unitary2", 2, 0, false},
};

// Forward-mode dual number: the matrix builders below are written once and evaluated either on
// doubles (the matrix) or on duals (its derivative with respect to one angle).
struct Dual {
  double v, d;
};
inline Dual operator+(Dual a, Dual b) { return {a.v + b.v, a.d + b.d}; }
inline Dual operator-(Dual a, Dual b) { return {a.v - b.v, a.d - b.d}; }
inline Dual operator-(Dual a) { return {-a.v, -a.d}; }
inline Dual operator*(Dual a, Dual b) { return {a.v * b.v, a.d * b.v + a.v * b.d}; }
inline Dual operator*(double a, Dual b) { return {a * b.v, a * b.d}; }
inline Dual cos(Dual a) { return {std::cos(a.v), -std::sin(a.v) * a.d}; }
inline Dual sin(Dual a) { return {std::sin(a.v), std::cos(a.v) * a.d}; }
inline Dual constant(double x, Dual) { return {x, 0.0}; }
inline double constant(double x, double) { return x; }
using std::cos;
using std::sin;

template <typename S>
struct Cx {
  S re, im;
};
template <typename S>
Cx<S> operator*(Cx<S> a, Cx<S> b) {
  return {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
}
template <typename S>
Cx<S> expi(S x) {
  return {cos(x), sin(x)};
}

template <typename S>
class Builder {
 public:
  Builder(int dim, Cx<S>* out) : dim_(dim), out_(out) {
    const S zero = constant(0.0, S{});
    for (int i = 0; i < dim * dim; ++i) out_[i] = {zero, zero};
  }
  void set(int row, int col, Cx<S> value) { out_[row * dim_ + col] = value; }
  void set(int row, int col, double re, double im) {
    out_[row * dim_ + col] = {constant(re, S{}), constant(im, S{})};
  }
  // Controlled 1-qubit u (control = bit 0, target = bit 1).
  void controlled(const Cx<S> u[4]) {
    set(0, 0, 1, 0);
    set(2, 2, 1, 0);
    set(1, 1, u[0]);
    set(1, 3, u[1]);
    set(3, 1, u[2]);
    set(3, 3, u[3]);
  }

 private:
  int dim_;
  Cx<S>* out_;
};

template <typename S>
void rotation_1q(int32_t kind, S theta, Cx<S> u[4]) {
  const S zero = constant(0.0, S{});
  const S c = cos(0.5 * theta), s = sin(0.5 * theta);
  switch (kind) {
    case QDCNN_GATE_RX:
      u[0] = {c, zero}; u[1] = {zero, -s}; u[2] = {zero, -s}; u[3] = {c, zero};
      break;
    case QDCNN_GATE_RY:
      u[0] = {c, zero}; u[1] = {-s, zero}; u[2] = {s, zero}; u[3] = {c, zero};
      break;
    case QDCNN_GATE_RZ:
      u[0] = {c, -s}; u[1] = {zero, zero}; u[2] = {zero, zero}; u[3] = {c, s};
      break;
    default:  // PHASE
      u[0] = {constant(1.0, S{}), zero}; u[1] = {zero, zero}; u[2] = {zero, zero};
      u[3] = expi(theta);
      break;
  }
}

template <typename S>
void build(int32_t kind, const S* a, Cx<S>* out) {
  const GateInfo* info = find_gate(kind);
  Builder<S> m(1 << info->n_qubits, out);
  const double r = 1.0 / std::sqrt(2.0);
  switch (kind) {
    case QDCNN_GATE_I: m.set(0, 0, 1, 0); m.set(1, 1, 1, 0); break;
    case QDCNN_GATE_H: m.set(0, 0, r, 0); m.set(0, 1, r, 0); m.set(1, 0, r, 0); m.set(1, 1, -r, 0); break;
    case QDCNN_GATE_X: m.set(0, 1, 1, 0); m.set(1, 0, 1, 0); break;
    case QDCNN_GATE_Y: m.set(0, 1, 0, -1); m.set(1, 0, 0, 1); break;
    case QDCNN_GATE_Z: m.set(0, 0, 1, 0); m.set(1, 1, -1, 0); break;
    case QDCNN_GATE_S: m.set(0, 0, 1, 0); m.set(1, 1, 0, 1); break;
    case QDCNN_GATE_SDG: m.set(0, 0, 1, 0); m.set(1, 1, 0, -1); break;
    case QDCNN_GATE_T: m.set(0, 0, 1, 0); m.set(1, 1, r, r); break;
    case QDCNN_GATE_TDG: m.set(0, 0, 1, 0); m.set(1, 1, r, -r); break;
    case QDCNN_GATE_SX:
      m.set(0, 0, 0.5, 0.5); m.set(0, 1, 0.5, -0.5); m.set(1, 0, 0.5, -0.5); m.set(1, 1, 0.5, 0.5);
      break;
    case QDCNN_GATE_RX: case QDCNN_GATE_RY: case QDCNN_GATE_RZ: case QDCNN_GATE_PHASE: {
      Cx<S> u[4];
      rotation_1q(kind, a[0], u);
      for (int i = 0; i < 4; ++i) m.set(i / 2, i % 2, u[i]);
      break;
    }
    case QDCNN_GATE_U3: {
      const S c = cos(0.5 * a[0]), s = sin(0.5 * a[0]);
      // e^{i(phi+lambda)} as a product: phi + lambda rounds away phi when |lambda| is huge, and the
      // matrix would stop being unitary.
      const Cx<S> ephi = expi(a[1]), elam = expi(a[2]), eboth = ephi * elam;
      const S zero = constant(0.0, S{});
      m.set(0, 0, Cx<S>{c, zero});
      m.set(0, 1, Cx<S>{-s, zero} * elam);
      m.set(1, 0, Cx<S>{s, zero} * ephi);
      m.set(1, 1, Cx<S>{c, zero} * eboth);
      break;
    }
    case QDCNN_GATE_CNOT: m.set(0, 0, 1, 0); m.set(2, 2, 1, 0); m.set(1, 3, 1, 0); m.set(3, 1, 1, 0); break;
    case QDCNN_GATE_CZ: m.set(0, 0, 1, 0); m.set(1, 1, 1, 0); m.set(2, 2, 1, 0); m.set(3, 3, -1, 0); break;
    case QDCNN_GATE_SWAP: m.set(0, 0, 1, 0); m.set(1, 2, 1, 0); m.set(2, 1, 1, 0); m.set(3, 3, 1, 0); break;
    case QDCNN_GATE_CRX: case QDCNN_GATE_CRY: case QDCNN_GATE_CRZ: case QDCNN_GATE_CPHASE: {
      const int32_t base = kind == QDCNN_GATE_CRX   ? QDCNN_GATE_RX
                           : kind == QDCNN_GATE_CRY ? QDCNN_GATE_RY
                           : kind == QDCNN_GATE_CRZ ? QDCNN_GATE_RZ
                                                    : QDCNN_GATE_PHASE;
      Cx<S> u[4];
      rotation_1q(base, a[0], u);
      m.controlled(u);
      break;
    }
    case QDCNN_GATE_RXX: case QDCNN_GATE_RYY: {
      const S zero = constant(0.0, S{});
      const S c = cos(0.5 * a[0]), s = sin(0.5 * a[0]);
      for (int i = 0; i < 4; ++i) m.set(i, i, Cx<S>{c, zero});
      // -i sin * P, where XX|i> = |i^3>, YY|i> = -(-1)^{parity} |i^3>.
      for (int i = 0; i < 4; ++i) {
        double sign = 1.0;
        if (kind == QDCNN_GATE_RYY) sign = (i == 0 || i == 3) ? -1.0 : 1.0;
        m.set(i ^ 3, i, Cx<S>{zero, -(sign * s)});
      }
      break;
    }
    case QDCNN_GATE_RZZ: {
      const S c = cos(0.5 * a[0]), s = sin(0.5 * a[0]);
      m.set(0, 0, Cx<S>{c, -s}); m.set(1, 1, Cx<S>{c, s}); m.set(2, 2, Cx<S>{c, s}); m.set(3, 3, Cx<S>{c, -s});
      break;
    }
    default:
      throw Error(QDCNN_ERROR_UNKNOWN_GATE, "gate " + std::to_string(kind) + " has no fixed matrix");
  }
}

}  // namespace

const GateInfo* find_gate(int32_t kind) {
  if (kind < 0 || kind > QDCNN_GATE_UNITARY2) return nullptr;
  return &kGates[kind];
}

void gate_matrix_into(int32_t kind, const double* angles, cdouble* out) {
  const GateInfo* info = find_gate(kind);
  if (!info) throw Error(QDCNN_ERROR_UNKNOWN_GATE, "unknown gate " + std::to_string(kind));
  Cx<double> m[16];
  build<double>(kind, angles, m);
  const int n = 1 << (2 * info->n_qubits);
  for (int i = 0; i < n; ++i) out[i] = {m[i].re, m[i].im};
}

std::vector<cdouble> gate_matrix(int32_t kind, const double* angles) {
  const GateInfo* info = find_gate(kind);
  if (!info) throw Error(QDCNN_ERROR_UNKNOWN_GATE, "unknown gate " + std::to_string(kind));
  std::vector<cdouble> out(std::size_t{1} << (2 * info->n_qubits));
  gate_matrix_into(kind, angles, out.data());
  return out;
}

void gate_matrix_derivative_into(int32_t kind, const double* angles, int which, cdouble* out) {
  const GateInfo* info = find_gate(kind);
  Dual a[3];
  for (int i = 0; i < info->n_angles; ++i) a[i] = {angles[i], i == which ? 1.0 : 0.0};
  Cx<Dual> m[16];
  build<Dual>(kind, a, m);
  const int n = 1 << (2 * info->n_qubits);
  for (int i = 0; i < n; ++i) out[i] = {m[i].re.d, m[i].im.d};
}

bool is_unitary(const cdouble* m, int dim, double tolerance) {
  for (int i = 0; i < dim; ++i) {
    for (int j = 0; j < dim; ++j) {
      cdouble sum = 0;
      for (int k = 0; k < dim; ++k) sum += std::conj(m[k * dim + i]) * m[k * dim + j];
      if (std::abs(sum - (i == j ? 1.0 : 0.0)) > tolerance) return false;
    }
  }
  return true;
}

}  // namespace qdcnn
