#include "noise/channel.h"

#include <cmath>
#include <sstream>

#include "core/errors.h"

namespace qdcnn::noise {
namespace {

using Matrix = std::vector<cdouble>;

const Matrix& pauli(int which) {  // 0 = I, 1 = X, 2 = Y, 3 = Z
  static const Matrix paulis[4] = {
      {1, 0, 0, 1},
      {0, 1, 1, 0},
      {0, cdouble(0, -1), cdouble(0, 1), 0},
      {1, 0, 0, -1},
  };
  return paulis[which];
}

Matrix scaled(const Matrix& m, double factor) {
  Matrix out(m);
  for (cdouble& v : out) v *= factor;
  return out;
}

// a (x) b with a on the channel's qubit 0 (bit 0 of the index) and b on qubit 1.
Matrix kron_low_high(const Matrix& a, const Matrix& b) {
  Matrix out(16);
  for (int r = 0; r < 4; ++r) {
    for (int c = 0; c < 4; ++c) {
      out[static_cast<size_t>(r * 4 + c)] =
          a[static_cast<size_t>((r & 1) * 2 + (c & 1))] * b[static_cast<size_t>((r >> 1) * 2 + (c >> 1))];
    }
  }
  return out;
}

std::string number(double v) {
  std::ostringstream s;
  s.precision(17);
  s << v;
  return s.str();
}

}  // namespace

const char* channel_name(int32_t kind) {
  switch (kind) {
    case QDCNN_NOISE_DEPOLARIZING: return "depolarizing";
    case QDCNN_NOISE_DEPOLARIZING2: return "two-qubit depolarizing";
    case QDCNN_NOISE_AMPLITUDE_DAMPING: return "amplitude damping";
    case QDCNN_NOISE_PHASE_DAMPING: return "phase damping";
    case QDCNN_NOISE_BIT_FLIP: return "bit flip";
    case QDCNN_NOISE_PHASE_FLIP: return "phase flip";
    default: return nullptr;
  }
}

int channel_qubits(int32_t kind) { return kind == QDCNN_NOISE_DEPOLARIZING2 ? 2 : 1; }

void require_probability(double p, const std::string& argument) {
  if (!(p >= 0.0 && p <= 1.0)) {  // also false for NaN
    throw Error(QDCNN_ERROR_INVALID_ARGUMENT,
                argument + " = " + number(p) + " is not a probability in [0, 1]");
  }
}

KrausChannel make_channel(int32_t kind, double probability, const char* kind_argument,
                          const char* probability_argument) {
  if (!channel_name(kind)) {
    throw Error(QDCNN_ERROR_INVALID_ARGUMENT, std::string(kind_argument) + " = " +
                                                  std::to_string(kind) +
                                                  " is not a qdcnn_noise_channel");
  }
  require_probability(probability, probability_argument);
  const double p = probability;
  KrausChannel ch;
  ch.kind = kind;
  ch.probability = p;
  ch.n_qubits = channel_qubits(kind);
  switch (kind) {
    case QDCNN_NOISE_DEPOLARIZING:
      ch.kraus = {scaled(pauli(0), std::sqrt(1 - p)), scaled(pauli(1), std::sqrt(p / 3)),
                  scaled(pauli(2), std::sqrt(p / 3)), scaled(pauli(3), std::sqrt(p / 3))};
      break;
    case QDCNN_NOISE_DEPOLARIZING2:
      for (int low = 0; low < 4; ++low) {
        for (int high = 0; high < 4; ++high) {
          const double w = (low == 0 && high == 0) ? 1 - p : p / 15;
          ch.kraus.push_back(scaled(kron_low_high(pauli(low), pauli(high)), std::sqrt(w)));
        }
      }
      break;
    case QDCNN_NOISE_AMPLITUDE_DAMPING:
      ch.kraus = {{1, 0, 0, std::sqrt(1 - p)}, {0, std::sqrt(p), 0, 0}};
      break;
    case QDCNN_NOISE_PHASE_DAMPING:
      ch.kraus = {{1, 0, 0, std::sqrt(1 - p)}, {0, 0, 0, std::sqrt(p)}};
      break;
    case QDCNN_NOISE_BIT_FLIP:
      ch.kraus = {scaled(pauli(0), std::sqrt(1 - p)), scaled(pauli(1), std::sqrt(p))};
      break;
    case QDCNN_NOISE_PHASE_FLIP:
      ch.kraus = {scaled(pauli(0), std::sqrt(1 - p)), scaled(pauli(3), std::sqrt(p))};
      break;
  }
  return ch;
}

double completeness_error(const KrausChannel& channel) {
  const int d = channel.dim();
  double worst = 0;
  for (int r = 0; r < d; ++r) {
    for (int c = 0; c < d; ++c) {
      cdouble sum = 0;
      for (const auto& k : channel.kraus) {
        for (int m = 0; m < d; ++m) {
          sum += std::conj(k[static_cast<size_t>(m * d + r)]) * k[static_cast<size_t>(m * d + c)];
        }
      }
      worst = std::max(worst, std::abs(sum - cdouble(r == c ? 1.0 : 0.0)));
    }
  }
  return worst;
}

}  // namespace qdcnn::noise
