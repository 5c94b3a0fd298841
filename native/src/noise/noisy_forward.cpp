#include "noise/noisy_forward.h"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "core/measurement.h"
#include "core/rng.h"
#include "noise/density_matrix.h"
#include "noise/measurement_bases.h"
#include "noise/plan.h"
#include "noise/readout.h"
#include "noise/trajectory.h"

namespace qdcnn::noise {
namespace {

uint64_t mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// An independent stream per sample, so results do not depend on how the batch is split.
uint64_t sample_seed(uint64_t seed, uint64_t sample) {
  return mix64(seed ^ mix64(sample + 0x9e3779b97f4a7c15ULL));
}

// A separate stream per (sample, basis) for the non-computational bases, so the estimates of
// Z-type terms keep the sample's main stream (and the numbers they had before X/Y bases existed)
// and each basis's estimates do not depend on which other bases the observable has.
uint64_t basis_seed(uint64_t sample_seed, const MeasurementBasis& basis) {
  return mix64(sample_seed ^ mix64(basis.x_mask + 0x632be59bd9b4e019ULL) ^
               mix64(basis.y_mask ^ 0x85157af5ULL));
}

// Accumulates the parity of every term over outcomes measured in the term's basis (for X and Y
// factors the outcome is of the rotated state, so the term reads as a Z string on its support).
class ShotTally {
 public:
  explicit ShotTally(const Observable& observable) : bases_(distinct_bases(observable)) {
    for (int32_t o = 0; o < observable.n_outputs(); ++o) {
      for (const PauliTerm& t : observable.outputs()[static_cast<size_t>(o)]) {
        const MeasurementBasis b = basis_of(t);
        size_t index = 0;
        while (!(bases_[index] == b)) ++index;
        output_.push_back(o);
        basis_.push_back(index);
        mask_.push_back(t.flip_mask | t.phase_mask);
        coefficient_.push_back(t.coefficient);
      }
    }
    signs_.assign(mask_.size(), 0);
    shots_.assign(bases_.size(), 0);
    used_.assign(bases_.size(), false);
    for (size_t b : basis_) used_[b] = true;
  }
  const std::vector<MeasurementBasis>& bases() const { return bases_; }
  // Whether some term is measured in basis b (the computational basis may have none).
  bool used(size_t b) const { return used_[b]; }
  void reset() {
    std::fill(signs_.begin(), signs_.end(), 0);
    std::fill(shots_.begin(), shots_.end(), 0);
  }
  void add(size_t basis, uint64_t outcome) {
    for (size_t t = 0; t < mask_.size(); ++t) {
      if (basis_[t] != basis) continue;
      signs_[t] += (__builtin_popcountll(outcome & mask_[t]) & 1) ? -1 : 1;
    }
    ++shots_[basis];
  }
  // out[o] = sum of coefficient * mean parity over the outputs' terms.
  void write(double* out, int32_t n_outputs) const {
    std::fill(out, out + n_outputs, 0.0);
    for (size_t t = 0; t < mask_.size(); ++t) {
      out[output_[t]] += coefficient_[t] * static_cast<double>(signs_[t]) /
                         static_cast<double>(shots_[basis_[t]]);
    }
  }

 private:
  std::vector<MeasurementBasis> bases_;
  std::vector<int32_t> output_;
  std::vector<size_t> basis_;
  std::vector<uint64_t> mask_;
  std::vector<double> coefficient_;
  std::vector<int64_t> signs_;
  std::vector<uint64_t> shots_;
  std::vector<bool> used_;
};

// Per-thread working memory of one call.
template <typename T>
struct Workspace {
  std::unique_ptr<StateVector<T>> psi0, work;  // initial state; rho or the trajectory's state
  std::vector<std::complex<T>> gate_matrices, scratch;
  std::vector<int> sorted_qubits;
  std::vector<double> probabilities, cumulative, values;
  TrajectoryScratch<T> trajectory;
  std::unique_ptr<ShotTally> tally;
  std::vector<Rng> basis_rngs;  // streams of the non-computational bases (tally bases 1, 2, ...)
};

template <typename T>
class NoisyRun {
 public:
  NoisyRun(Simulator<T>& sim, const Circuit& circuit, const Observable& observable,
           const NoiseModel* noise, const NoisyOptions& options)
      : sim_(sim),
        circuit_(circuit),
        observable_(observable),
        options_(options),
        density_(options.method == QDCNN_NOISE_METHOD_DENSITY_MATRIX),
        n_(circuit.n_qubits()),
        plan_(make_plan<T>(circuit, noise, density_)),
        readout_(noise ? noise->readout_errors(n_) : std::vector<ReadoutError>()) {}

  int work_qubits() const { return density_ ? 2 * n_ : n_; }

  void allocate(Workspace<T>& w) const {
    if (!w.psi0) w.psi0.reset(new StateVector<T>(n_));
    if (!w.work) w.work.reset(new StateVector<T>(work_qubits()));
    w.gate_matrices.resize(circuit_.operations().size() * kGateMatrixStride);
    w.sorted_qubits.resize(circuit_.operations().size() * 2);
    w.probabilities.resize(uint64_t{1} << n_);
    w.values.resize(static_cast<size_t>(observable_.n_outputs()));
    if (!w.tally) w.tally.reset(new ShotTally(observable_));
  }

  void run_sample(Workspace<T>& w, const double* params, const double* row, uint64_t sample,
                  double* out, bool parallel) {
    const uint64_t seed = sample_seed(options_.seed, sample);
    Rng rng(seed);
    w.basis_rngs.clear();
    for (size_t b = 1; b < w.tally->bases().size(); ++b) {
      w.basis_rngs.emplace_back(basis_seed(seed, w.tally->bases()[b]));
    }
    sim_.prepare(circuit_, row, sample, w.psi0->data());
    bind_gate_matrices(circuit_, params, row, w.gate_matrices.data(), w.sorted_qubits.data());
    if (density_) {
      run_density(w, rng, out, parallel);
    } else {
      run_trajectories(w, rng, out, parallel);
    }
  }

 private:
  void run_density(Workspace<T>& w, Rng& rng, double* out, bool parallel) {
    std::complex<T>* rho = w.work->data();
    evolve_density_matrix(sim_, plan_, w.gate_matrices.data(), w.sorted_qubits.data(),
                          w.psi0->data(), rho, w.scratch, parallel);
    if (options_.shots > 0) {
      // rho is not needed after sampling: it is rotated in place from basis to basis.
      w.tally->reset();
      sample_bases(w, rho, rng, options_.shots, parallel);
      w.tally->write(out, observable_.n_outputs());
      return;
    }
    density_diagonal(rho, n_, w.probabilities.data());
    apply_readout_confusion(w.probabilities.data(), n_, readout_);
    for (int32_t o = 0; o < observable_.n_outputs(); ++o) {
      double v = 0;
      for (const PauliTerm& t : observable_.outputs()[static_cast<size_t>(o)]) {
        v += t.diagonal() ? t.coefficient * z_string_expectation(w.probabilities.data(),
                                                                 w.probabilities.size(),
                                                                 t.phase_mask)
                          : confused_term_value(t, readout_, [&](const PauliTerm& kept) {
                              return density_expectation(rho, n_, kept);
                            });
      }
      out[o] = v;
    }
  }

  void run_trajectories(Workspace<T>& w, Rng& rng, double* out, bool parallel) {
    const int32_t n_out = observable_.n_outputs();
    const uint64_t size = uint64_t{1} << n_;
    std::complex<T>* psi = w.work->data();
    // Without channels every trajectory is the same state: one suffices.
    uint64_t trajectories = plan_.has_channels() ? options_.trajectories : 1;
    const uint64_t shots = options_.shots;
    if (shots > 0) {
      // Each shot is one run of the noisy circuit: shots are spread evenly over trajectories.
      trajectories = std::min(trajectories, shots);
      w.tally->reset();
    } else {
      std::fill(out, out + n_out, 0.0);
    }
    for (uint64_t t = 0; t < trajectories; ++t) {
      std::copy(w.psi0->data(), w.psi0->data() + size, psi);
      run_trajectory(sim_, plan_, w.gate_matrices.data(), w.sorted_qubits.data(), psi, rng,
                     w.trajectory, parallel);
      if (shots > 0) {
        const uint64_t count = shots / trajectories + (t < shots % trajectories ? 1 : 0);
        sample_bases(w, psi, rng, count, parallel);  // psi is rebuilt by the next trajectory
        continue;
      }
      exact_values(w, psi);
      for (int32_t o = 0; o < n_out; ++o) out[o] += w.values[static_cast<size_t>(o)];
    }
    if (shots > 0) {
      w.tally->write(out, n_out);
    } else {
      for (int32_t o = 0; o < n_out; ++o) out[o] /= static_cast<double>(trajectories);
    }
  }

  // Samples `count` outcomes in every basis of the tally and adds them to it. The computational
  // basis (Z-type terms) comes first, from `state` as given and the main stream `rng`; then
  // `state` (the density matrix or the trajectory's state) is rotated in place into each other
  // basis in turn and sampled with that basis's own stream. Readout confusion applies to every
  // measured distribution, the rotated qubits' bits included.
  void sample_bases(Workspace<T>& w, std::complex<T>* state, Rng& rng, uint64_t count,
                    bool parallel) {
    const std::vector<MeasurementBasis>& bases = w.tally->bases();
    const uint64_t size = uint64_t{1} << n_;
    MeasurementBasis current;  // the computational basis
    for (size_t b = 0; b < bases.size(); ++b) {
      if (!w.tally->used(b)) continue;
      rotate_basis(sim_, state, n_, density_, current, bases[b], parallel);
      current = bases[b];
      if (density_) {
        density_diagonal(state, n_, w.probabilities.data());
      } else {
        probabilities(state, size, w.probabilities.data());
      }
      apply_readout_confusion(w.probabilities.data(), n_, readout_);
      Rng& stream = b == 0 ? rng : w.basis_rngs[b - 1];
      sample_distribution(w.probabilities.data(), size, count, stream, w.cumulative,
                          [&](uint64_t x) { w.tally->add(b, x); });
    }
  }

  // Exact outputs of a pure state, readout error included, into w.values.
  void exact_values(Workspace<T>& w, const std::complex<T>* psi) {
    if (readout_.empty()) {
      expectations(psi, observable_, w.values.data());
      return;
    }
    const uint64_t size = uint64_t{1} << n_;
    probabilities(psi, size, w.probabilities.data());
    apply_readout_confusion(w.probabilities.data(), n_, readout_);
    for (int32_t o = 0; o < observable_.n_outputs(); ++o) {
      double v = 0;
      for (const PauliTerm& t : observable_.outputs()[static_cast<size_t>(o)]) {
        v += t.diagonal()
                 ? t.coefficient * z_string_expectation(w.probabilities.data(), size, t.phase_mask)
                 : confused_term_value(t, readout_, [&](const PauliTerm& kept) {
                     return expectation(psi, n_, kept);
                   });
      }
      w.values[static_cast<size_t>(o)] = v;
    }
  }

  Simulator<T>& sim_;
  const Circuit& circuit_;
  const Observable& observable_;
  NoisyOptions options_;
  bool density_;
  int n_;
  NoisyPlan<T> plan_;
  std::vector<ReadoutError> readout_;
};

}  // namespace

void check_noisy_call(const Circuit& circuit, const NoiseModel* noise,
                      const NoisyOptions& options) {
  const int n = circuit.n_qubits();
  if (options.method != QDCNN_NOISE_METHOD_DENSITY_MATRIX &&
      options.method != QDCNN_NOISE_METHOD_TRAJECTORIES) {
    throw Error(QDCNN_ERROR_INVALID_ARGUMENT,
                "method = " + std::to_string(options.method) +
                    " is not QDCNN_NOISE_METHOD_DENSITY_MATRIX (0) or "
                    "QDCNN_NOISE_METHOD_TRAJECTORIES (1)");
  }
  if (options.method == QDCNN_NOISE_METHOD_DENSITY_MATRIX && n > kMaxDensityMatrixQubits) {
    throw Error(QDCNN_ERROR_TOO_MANY_QUBITS,
                "circuit has " + std::to_string(n) +
                    " qubits but the density-matrix method supports at most " +
                    std::to_string(kMaxDensityMatrixQubits) +
                    "; use QDCNN_NOISE_METHOD_TRAJECTORIES");
  }
  if (options.method == QDCNN_NOISE_METHOD_TRAJECTORIES && options.trajectories == 0) {
    throw Error(QDCNN_ERROR_OUT_OF_RANGE,
                "trajectories = 0 but the trajectory method needs at least 1");
  }
  if (noise) {
    const int32_t largest = noise->largest_qubit();
    if (largest >= n) {
      throw Error(QDCNN_ERROR_OUT_OF_RANGE,
                  "noise model names qubit " + std::to_string(largest) + " but the circuit has " +
                      std::to_string(n) + " qubits");
    }
  }
}

template <typename T>
void noisy_forward(Simulator<T>& sim, const Circuit& circuit, const Observable& observable,
                   const NoiseModel* noise, const NoisyOptions& options, const double* params,
                   const double* inputs, uint64_t batch, double* outputs) {
  NoisyRun<T> run(sim, circuit, observable, noise, options);
  const uint64_t n_inputs = static_cast<uint64_t>(circuit.n_inputs());
  const uint64_t n_outputs = static_cast<uint64_t>(observable.n_outputs());
  const bool over_batch = sim.parallel_over_batch(run.work_qubits(), batch);
  std::vector<Workspace<T>> workspaces(over_batch ? static_cast<size_t>(sim.threads()) : 1);
  for (Workspace<T>& w : workspaces) run.allocate(w);  // outside the workers
  auto samples = [&](uint64_t begin, uint64_t end, int thread, bool parallel_gates) {
    Workspace<T>& w = workspaces[static_cast<size_t>(thread)];
    for (uint64_t b = begin; b < end; ++b) {
      const double* row = inputs ? inputs + b * n_inputs : nullptr;
      run.run_sample(w, params, row, b, outputs + b * n_outputs, parallel_gates);
    }
  };
  if (over_batch) {
    sim.pool().parallel_for(batch, 1, [&](uint64_t begin, uint64_t end, int thread) {
      samples(begin, end, thread, false);
    });
  } else {
    samples(0, batch, 0, true);
  }
}

template void noisy_forward<float>(Simulator<float>&, const Circuit&, const Observable&,
                                   const NoiseModel*, const NoisyOptions&, const double*,
                                   const double*, uint64_t, double*);
template void noisy_forward<double>(Simulator<double>&, const Circuit&, const Observable&,
                                    const NoiseModel*, const NoisyOptions&, const double*,
                                    const double*, uint64_t, double*);

}  // namespace qdcnn::noise
