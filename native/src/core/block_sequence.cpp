#include "core/block_sequence.h"

#include <complex>

namespace qdcnn {
namespace {

// Approximate cost in cycles per vector register of amplitudes (one core, AVX-512): a dense
// k-qubit planar product takes 3 * 2^k FMAs and 3 adds per register pair at two per cycle. The
// factor kernel applies the ops in register passes over qubit pairs: a rotation of the rx, ry
// or rz form costs 4 products per register pair (8 in general), a sign flip negates a quarter.
double dense_cost(int k) { return (3.0 * (1 << k) + 3.0) / 2.0; }
constexpr double kRotationCost = 2.0;
constexpr double kGeneralRotationCost = 4.0;
constexpr double kSignFlipCost = 0.3;
// Per factor: its share of the passes' loads and stores and of the dispatch.
constexpr double kFactorOverhead = 0.4;

}  // namespace

template <typename T>
bool block_sequence_ops(const Circuit& circuit, const Step<T>& step, const int* local,
                        const double* params, const double* inputs, std::vector<PlanarOp<T>>* ops) {
  ops->clear();
  if (local[0] < min_sequence_local_qubit<T>()) return false;
  const auto& operations = circuit.operations();
  auto local_of = [&](int qubit) {
    for (int j = 0; j < step.k; ++j) {
      if (step.qubits[j] == qubit) return local[j];
    }
    return -1;
  };
  double cost = 0;
  for (int index : step.members) {
    const Operation& op = operations[static_cast<size_t>(index)];
    cdouble m[16];
    op.matrix_into(params, inputs, m);
    PlanarOp<T> factor;
    if (op.n_qubits == 1) {
      // [[a, -conj(b)], [b, conj(a)]] exactly (rx, ry, rz are built that way).
      if (m[3] != std::conj(m[0]) || m[1] != -std::conj(m[2])) break;
      factor.kind = kPlanarRotation;
      factor.q0 = local_of(op.qubits[0]);
      factor.ar = static_cast<T>(m[0].real());
      factor.ai = static_cast<T>(m[0].imag());
      factor.br = static_cast<T>(m[2].real());
      factor.bi = static_cast<T>(m[2].imag());
      // The forms the kernel specialises (rx, ry, rz patterns; block_sequence_kernels.h).
      const bool special = (factor.ai == T(0) && (factor.br == T(0) || factor.bi == T(0))) ||
                           (factor.br == T(0) && factor.bi == T(0));
      cost += (special ? kRotationCost : kGeneralRotationCost) + kFactorOverhead;
    } else {
      // cz: diag(1, 1, 1, -1), symmetric in its qubits.
      bool is_cz = true;
      for (int i = 0; i < 16; ++i) {
        const double want = (i % 5 != 0) ? 0.0 : (i == 15 ? -1.0 : 1.0);
        if (m[i] != cdouble(want, 0.0)) is_cz = false;
      }
      if (!is_cz) break;
      factor.kind = kPlanarSignFlip;
      factor.q0 = local_of(op.qubits[0]);
      factor.q1 = local_of(op.qubits[1]);
      cost += kSignFlipCost + kFactorOverhead;
    }
    ops->push_back(factor);
  }
  if (ops->size() != step.members.size() || cost >= dense_cost(step.k)) {
    ops->clear();
    return false;
  }
  return true;
}

template bool block_sequence_ops<float>(const Circuit&, const Step<float>&, const int*,
                                        const double*, const double*,
                                        std::vector<PlanarOp<float>>*);
template bool block_sequence_ops<double>(const Circuit&, const Step<double>&, const int*,
                                         const double*, const double*,
                                         std::vector<PlanarOp<double>>*);

}  // namespace qdcnn
