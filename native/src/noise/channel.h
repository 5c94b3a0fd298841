#pragma once
// Noise channels in Kraus form: rho -> sum_i K_i rho K_i^dagger with sum_i K_i^dagger K_i = I.
#include <cstdint>
#include <string>
#include <vector>

#include "core/gates.h"

namespace qdcnn::noise {

struct KrausChannel {
  int32_t kind = QDCNN_NOISE_DEPOLARIZING;  // qdcnn_noise_channel
  double probability = 0.0;
  int n_qubits = 1;                         // 1, or 2 for QDCNN_NOISE_DEPOLARIZING2
  // Each operator is a row-major 2^k x 2^k matrix; bit j of an index is the channel's j-th qubit.
  std::vector<std::vector<cdouble>> kraus;

  int dim() const { return 1 << n_qubits; }
};

// Name of a channel kind ("depolarizing"), or nullptr if `kind` is not a qdcnn_noise_channel.
const char* channel_name(int32_t kind);

// Qubits a channel kind acts on (1 or 2). Precondition: channel_name(kind) != nullptr.
int channel_qubits(int32_t kind);

// Throws Error(INVALID_ARGUMENT) naming `argument` unless p is a number in [0, 1].
void require_probability(double p, const std::string& argument);

// Builds the channel's Kraus operators. Throws Error(INVALID_ARGUMENT) for an unknown kind
// (named by `kind_argument`) or a probability outside [0, 1] (named by `probability_argument`).
// Parametrisations (p = probability):
//   depolarizing       (1 - p) rho + p/3  (X rho X + Y rho Y + Z rho Z)
//   depolarizing2      (1 - p) rho + p/15 sum of the 15 non-identity two-qubit Paulis P rho P
//   amplitude damping  K0 = [[1, 0], [0, sqrt(1-p)]], K1 = [[0, sqrt(p)], [0, 0]]
//   phase damping      K0 = [[1, 0], [0, sqrt(1-p)]], K1 = [[0, 0], [0, sqrt(p)]]
//   bit flip           (1 - p) rho + p X rho X
//   phase flip         (1 - p) rho + p Z rho Z
KrausChannel make_channel(int32_t kind, double probability, const char* kind_argument,
                          const char* probability_argument);

// Largest |entry| of sum_i K_i^dagger K_i - I (0 for a trace-preserving channel).
double completeness_error(const KrausChannel& channel);

}  // namespace qdcnn::noise
