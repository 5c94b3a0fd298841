// Channels: Kraus completeness (trace preservation) of every channel, and invalid probabilities
// or channel placements rejected with messages naming the argument.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "noise/channel.h"
#include "noise/noise_support.h"

namespace qdcnn::test {
namespace {

const std::vector<int32_t> kAllChannels = {
    QDCNN_NOISE_DEPOLARIZING, QDCNN_NOISE_DEPOLARIZING2, QDCNN_NOISE_AMPLITUDE_DAMPING,
    QDCNN_NOISE_PHASE_DAMPING, QDCNN_NOISE_BIT_FLIP,      QDCNN_NOISE_PHASE_FLIP};

TEST(NoiseChannels, EveryChannelIsTracePreserving) {
  for (int32_t kind : kAllChannels) {
    for (double p : {0.0, 1e-6, 0.013, 0.25, 0.5, 0.75, 0.999, 1.0}) {
      const noise::KrausChannel ch = noise::make_channel(kind, p, "channel", "probability");
      EXPECT_LT(noise::completeness_error(ch), 1e-14)
          << noise::channel_name(kind) << " p = " << p;
      EXPECT_EQ(ch.n_qubits, kind == QDCNN_NOISE_DEPOLARIZING2 ? 2 : 1);
      for (const auto& k : ch.kraus) EXPECT_EQ(k.size(), static_cast<size_t>(ch.dim() * ch.dim()));
    }
  }
}

TEST(NoiseChannels, TraceOfRandomDensityMatrixIsKept) {
  // Tr(sum K rho K^dagger) = 1 for a random mixed state, and the image stays Hermitian.
  for (int32_t kind : kAllChannels) {
    const noise::KrausChannel ch = noise::make_channel(kind, 0.37, "channel", "probability");
    const int d = ch.dim();
    const std::vector<cd> a = random_state(ch.n_qubits, 11), b = random_state(ch.n_qubits, 12);
    std::vector<cd> rho(static_cast<size_t>(d * d));
    for (int r = 0; r < d; ++r) {
      for (int c = 0; c < d; ++c) {
        rho[static_cast<size_t>(r * d + c)] = 0.3 * a[r] * std::conj(a[c]) + 0.7 * b[r] * std::conj(b[c]);
      }
    }
    std::vector<cd> out(rho.size(), 0.0);
    for (const auto& k : ch.kraus) {
      for (int r = 0; r < d; ++r) {
        for (int c = 0; c < d; ++c) {
          cd v = 0;
          for (int i = 0; i < d; ++i) {
            for (int j = 0; j < d; ++j) {
              v += k[static_cast<size_t>(r * d + i)] * rho[static_cast<size_t>(i * d + j)] *
                   std::conj(k[static_cast<size_t>(c * d + j)]);
            }
          }
          out[static_cast<size_t>(r * d + c)] += v;
        }
      }
    }
    cd trace = 0;
    for (int r = 0; r < d; ++r) trace += out[static_cast<size_t>(r * d + r)];
    EXPECT_NEAR(trace.real(), 1.0, 1e-14) << noise::channel_name(kind);
    EXPECT_NEAR(trace.imag(), 0.0, 1e-14);
    for (int r = 0; r < d; ++r) {
      for (int c = 0; c < d; ++c) {
        EXPECT_LT(std::abs(out[static_cast<size_t>(r * d + c)] - std::conj(out[static_cast<size_t>(c * d + r)])), 1e-14);
      }
    }
  }
}

TEST(NoiseChannels, InvalidProbabilitiesAreClearErrors) {
  NoiseModelPtr m = make_noise_model();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  for (int32_t kind : kAllChannels) {
    for (double p : {nan, -1e-9, -0.5, 1.0 + 1e-12, 4.0 / 3.0, inf, -inf}) {
      EXPECT_EQ(qdcnn_noise_model_add_arity_noise(m.get(), 2, kind, p), QDCNN_ERROR_INVALID_ARGUMENT);
      EXPECT_NE(last_error().find("probability = "), std::string::npos) << last_error();
      EXPECT_NE(last_error().find("is not a probability in [0, 1]"), std::string::npos) << last_error();
    }
  }
  EXPECT_EQ(qdcnn_noise_model_set_readout_error(m.get(), 0, 0.1, nan), QDCNN_ERROR_INVALID_ARGUMENT);
  EXPECT_NE(last_error().find("p0_given_1 = nan"), std::string::npos) << last_error();
  EXPECT_EQ(qdcnn_noise_model_set_readout_error(m.get(), 0, -0.1, 0.2), QDCNN_ERROR_INVALID_ARGUMENT);
  EXPECT_NE(last_error().find("p1_given_0 = -0.1"), std::string::npos) << last_error();
  EXPECT_EQ(qdcnn_noise_model_set_default_readout_error(m.get(), 0.1, 1.5), QDCNN_ERROR_INVALID_ARGUMENT);
  EXPECT_NE(last_error().find("p0_given_1 = 1.5"), std::string::npos) << last_error();
  int64_t rules = -1;
  QDCNN_ASSERT_OK(qdcnn_noise_model_count(m.get(), &rules));
  EXPECT_EQ(rules, 0);  // nothing half-added
}

TEST(NoiseChannels, PlacementsAreChecked) {
  NoiseModelPtr m = make_noise_model();
  EXPECT_EQ(qdcnn_noise_model_add_gate_noise(m.get(), 99, QDCNN_NOISE_BIT_FLIP, 0.1), QDCNN_ERROR_UNKNOWN_GATE);
  EXPECT_NE(last_error().find("gate = 99"), std::string::npos) << last_error();
  EXPECT_EQ(qdcnn_noise_model_add_gate_noise(m.get(), QDCNN_GATE_H, 17, 0.1), QDCNN_ERROR_INVALID_ARGUMENT);
  EXPECT_NE(last_error().find("channel = 17 is not a qdcnn_noise_channel"), std::string::npos) << last_error();
  EXPECT_EQ(qdcnn_noise_model_add_gate_noise(m.get(), QDCNN_GATE_H, QDCNN_NOISE_DEPOLARIZING2, 0.1),
            QDCNN_ERROR_INVALID_ARGUMENT);
  EXPECT_NE(last_error().find("one-qubit gate h"), std::string::npos) << last_error();
  EXPECT_EQ(qdcnn_noise_model_add_arity_noise(m.get(), 0, QDCNN_NOISE_DEPOLARIZING2, 0.1),
            QDCNN_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(qdcnn_noise_model_add_arity_noise(m.get(), 3, QDCNN_NOISE_DEPOLARIZING, 0.1), QDCNN_ERROR_OUT_OF_RANGE);
  EXPECT_NE(last_error().find("gate_qubits = 3"), std::string::npos) << last_error();
  EXPECT_EQ(qdcnn_noise_model_add_qubit_noise(m.get(), 0, QDCNN_NOISE_DEPOLARIZING2, 0.1),
            QDCNN_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(qdcnn_noise_model_add_qubit_noise(m.get(), -1, QDCNN_NOISE_BIT_FLIP, 0.1), QDCNN_ERROR_OUT_OF_RANGE);
  EXPECT_NE(last_error().find("qubit = -1"), std::string::npos) << last_error();
  EXPECT_EQ(qdcnn_noise_model_set_readout_error(m.get(), -2, 0.1, 0.1), QDCNN_ERROR_OUT_OF_RANGE);
  EXPECT_EQ(qdcnn_noise_model_add_gate_noise(nullptr, QDCNN_GATE_H, QDCNN_NOISE_BIT_FLIP, 0.1),
            QDCNN_ERROR_NULL_POINTER);
  EXPECT_NE(last_error().find("model is NULL"), std::string::npos) << last_error();
  EXPECT_EQ(qdcnn_noise_model_create(nullptr), QDCNN_ERROR_NULL_POINTER);
  EXPECT_EQ(qdcnn_noise_model_destroy(nullptr), QDCNN_OK);

  QDCNN_ASSERT_OK(qdcnn_noise_model_add_gate_noise(m.get(), QDCNN_GATE_CNOT, QDCNN_NOISE_DEPOLARIZING2, 0.1));
  QDCNN_ASSERT_OK(qdcnn_noise_model_add_arity_noise(m.get(), 2, QDCNN_NOISE_DEPOLARIZING2, 0.1));
  QDCNN_ASSERT_OK(qdcnn_noise_model_add_qubit_noise(m.get(), 3, QDCNN_NOISE_PHASE_DAMPING, 0.0));
  int64_t rules = 0;
  QDCNN_ASSERT_OK(qdcnn_noise_model_count(m.get(), &rules));
  EXPECT_EQ(rules, 3);
}

TEST(NoiseChannels, HandlesAreCountedAsLive) {
  int64_t before = 0, during = 0, after = 0;
  QDCNN_ASSERT_OK(qdcnn_debug_live_handles(&before));
  {
    NoiseModelPtr m = make_noise_model();
    QDCNN_ASSERT_OK(qdcnn_debug_live_handles(&during));
  }
  QDCNN_ASSERT_OK(qdcnn_debug_live_handles(&after));
  EXPECT_EQ(during, before + 1);
  EXPECT_EQ(after, before);
}

}  // namespace
}  // namespace qdcnn::test
