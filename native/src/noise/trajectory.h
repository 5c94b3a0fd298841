#pragma once
// One Monte-Carlo trajectory (quantum-jump unravelling): the state vector runs the circuit, and at
// each channel application one Kraus operator K_i is drawn with probability ||K_i psi||^2 and
// applied as K_i psi / ||K_i psi||. Averaging an observable over trajectories estimates its value
// under the channel without bias.
#include <complex>
#include <vector>

#include "core/rng.h"
#include "core/simulator.h"
#include "noise/plan.h"

namespace qdcnn::noise {

// Scratch a trajectory reuses between channel applications.
template <typename T>
struct TrajectoryScratch {
  std::vector<std::complex<T>> matrix;
  std::vector<double> probabilities;
};

// psi holds the initial state on entry (2^n amplitudes, unit norm) and the trajectory's final
// state on return. gate_matrices and sorted_qubits come from bind_gate_matrices.
template <typename T>
void run_trajectory(Simulator<T>& sim, const NoisyPlan<T>& plan,
                    const std::complex<T>* gate_matrices, const int* sorted_qubits,
                    std::complex<T>* psi, Rng& rng, TrajectoryScratch<T>& scratch, bool parallel);

// ||K psi||^2 / ||psi||^2 for each Kraus operator of the channel, written to out.
template <typename T>
void kraus_probabilities(const PlannedChannel<T>& channel, const std::complex<T>* psi,
                         int n_qubits, std::vector<double>& out);

}  // namespace qdcnn::noise
