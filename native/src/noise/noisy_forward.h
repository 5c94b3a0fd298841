#pragma once
// Batched noisy forward pass: per sample, the circuit runs under the noise model by the exact
// density-matrix method or by averaging Monte-Carlo trajectories, and each output is either its
// exact expectation (shots = 0) or an estimate from `shots` seeded measurement samples per
// measurement basis (a term's X/Y pattern; see measurement_bases.h). Readout error acts on the
// measured distribution.
#include <cstdint>

#include "core/circuit.h"
#include "core/observable.h"
#include "core/simulator.h"
#include "noise/noise_model.h"

namespace qdcnn::noise {

struct NoisyOptions {
  int32_t method = QDCNN_NOISE_METHOD_DENSITY_MATRIX;  // qdcnn_noise_method
  uint64_t trajectories = 1;                           // trajectory method only; >= 1
  uint64_t shots = 0;                                  // 0: exact expectations
  uint64_t seed = 0;
};

// Preconditions (checked by the C ABI, see check_noisy_call): buffers hold the circuit's counts,
// values are finite, the observable has the circuit's qubit count, the model's qubits exist,
// and the density-matrix method has at most kMaxDensityMatrixQubits qubits.
// Sample b draws from a random stream derived from (seed, b), and its shots in a basis with X or
// Y factors from a stream derived from (seed, b, basis): results do not depend on threads, and
// Z-type terms use the (seed, b) stream alone.
template <typename T>
void noisy_forward(Simulator<T>& sim, const Circuit& circuit, const Observable& observable,
                   const NoiseModel* noise, const NoisyOptions& options, const double* params,
                   const double* inputs, uint64_t batch, double* outputs);

// Throws Error naming the argument if the call breaks a precondition above that is specific to
// noise (the generic buffer checks are the caller's).
void check_noisy_call(const Circuit& circuit, const NoiseModel* noise,
                      const NoisyOptions& options);

}  // namespace qdcnn::noise
