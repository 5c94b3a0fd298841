#include "noise/plan.h"

#include <cmath>

#include "core/fusion.h"

namespace qdcnn::noise {
namespace {

template <typename T>
std::complex<T> narrow(cdouble v) {
  return {static_cast<T>(v.real()), static_cast<T>(v.imag())};
}

template <typename T>
PlannedChannel<T> plan_channel(const ChannelSite& site, int n_qubits, bool with_superoperator) {
  const KrausChannel& ch = *site.channel;
  const int d = ch.dim();
  PlannedChannel<T> p;
  p.k = site.k;
  p.qubits[0] = site.qubits[0];
  p.qubits[1] = site.qubits[1];
  p.state_independent = true;
  p.diagonal_gram = true;
  for (const auto& k : ch.kraus) {
    std::vector<std::complex<T>> kt(k.size());
    for (size_t i = 0; i < k.size(); ++i) kt[i] = narrow<T>(k[i]);
    p.kraus.push_back(std::move(kt));
    std::vector<cdouble> g(static_cast<size_t>(d * d), 0.0);
    for (int r = 0; r < d; ++r) {
      for (int c = 0; c < d; ++c) {
        cdouble sum = 0;
        for (int m = 0; m < d; ++m) sum += std::conj(k[static_cast<size_t>(m * d + r)]) * k[static_cast<size_t>(m * d + c)];
        g[static_cast<size_t>(r * d + c)] = sum;
      }
    }
    for (int r = 0; r < d; ++r) {
      for (int c = 0; c < d; ++c) {
        if (r != c && std::abs(g[static_cast<size_t>(r * d + c)]) > 1e-14) p.diagonal_gram = false;
      }
    }
    const double multiple = g[0].real();
    for (int r = 0; r < d; ++r) {
      for (int c = 0; c < d; ++c) {
        const cdouble expected = r == c ? multiple : 0.0;
        if (std::abs(g[static_cast<size_t>(r * d + c)] - expected) > 1e-14) p.state_independent = false;
      }
    }
    p.fixed_probabilities.push_back(multiple);
    p.gram.push_back(std::move(g));
  }
  if (!p.state_independent) p.fixed_probabilities.clear();
  if (with_superoperator) {
    // S[(r | c << k), (r' | c' << k)] = sum_i K_i[r, r'] conj(K_i[c, c']).
    const int sd = d * d;
    std::vector<cdouble> s(static_cast<size_t>(sd * sd), 0.0);
    for (const auto& k : ch.kraus) {
      for (int r = 0; r < d; ++r) {
        for (int c = 0; c < d; ++c) {
          for (int r2 = 0; r2 < d; ++r2) {
            for (int c2 = 0; c2 < d; ++c2) {
              s[static_cast<size_t>((r | (c << p.k)) * sd + (r2 | (c2 << p.k)))] +=
                  k[static_cast<size_t>(r * d + r2)] * std::conj(k[static_cast<size_t>(c * d + c2)]);
            }
          }
        }
      }
    }
    p.superoperator.resize(s.size());
    for (size_t i = 0; i < s.size(); ++i) p.superoperator[i] = narrow<T>(s[i]);
    for (int j = 0; j < p.k; ++j) {
      p.super_qubits[j] = p.qubits[j];
      p.super_qubits[j + p.k] = p.qubits[j] + n_qubits;
    }
  }
  return p;
}

}  // namespace

template <typename T>
NoisyPlan<T> make_plan(const Circuit& circuit, const NoiseModel* noise, bool with_superoperators) {
  NoisyPlan<T> plan;
  plan.n_qubits = circuit.n_qubits();
  std::vector<ChannelSite> sites;
  const auto& ops = circuit.operations();
  for (size_t i = 0; i < ops.size(); ++i) {
    plan.steps.push_back({false, static_cast<int>(i)});
    if (!noise) continue;
    sites.clear();
    noise->sites_after(ops[i], sites);
    for (const ChannelSite& site : sites) {
      plan.steps.push_back({true, static_cast<int>(plan.channels.size())});
      plan.channels.push_back(plan_channel<T>(site, plan.n_qubits, with_superoperators));
    }
  }
  return plan;
}

template <typename T>
void bind_gate_matrices(const Circuit& circuit, const double* params, const double* inputs_row,
                        std::complex<T>* out, int* sorted_qubits) {
  const auto& ops = circuit.operations();
  cdouble m[kGateMatrixStride], sorted[kGateMatrixStride];
  for (size_t i = 0; i < ops.size(); ++i) {
    const Operation& op = ops[i];
    op.matrix_into(params, inputs_row, m);
    sorted_qubits[2 * i + 1] = -1;  // stays -1 for 1-qubit operations
    sort_matrix_qubits(op.qubits, op.n_qubits, m, sorted, sorted_qubits + 2 * i);
    const int entries = 1 << (2 * op.n_qubits);
    for (int e = 0; e < entries; ++e) out[i * kGateMatrixStride + static_cast<size_t>(e)] = narrow<T>(sorted[e]);
  }
}

template NoisyPlan<float> make_plan<float>(const Circuit&, const NoiseModel*, bool);
template NoisyPlan<double> make_plan<double>(const Circuit&, const NoiseModel*, bool);
template void bind_gate_matrices<float>(const Circuit&, const double*, const double*,
                                        std::complex<float>*, int*);
template void bind_gate_matrices<double>(const Circuit&, const double*, const double*,
                                         std::complex<double>*, int*);

}  // namespace qdcnn::noise
