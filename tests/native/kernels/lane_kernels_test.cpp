// Every lane (batch-major) kernel of every kernel this CPU runs against the portable scalar
// reference, on random lane states and per-lane matrices, float and double, real and complex,
// every qubit position, with and without a control qubit. The scalar lane kernels themselves are
// checked against the one-sample path by tests/native/core/lane_path_test.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "kernels/kernel_table.h"
#include "test_support.h"

namespace qdcnn::test {
namespace {

constexpr int kQubits = 5;

template <typename T>
std::vector<T> random_lane_values(size_t count, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(-1, 1);
  std::vector<T> v(count);
  for (T& x : v) x = static_cast<T>(u(rng));
  return v;
}

template <typename T>
double max_diff(const std::vector<T>& a, const std::vector<T>& b) {
  double m = 0;
  for (size_t i = 0; i < a.size(); ++i) m = std::max(m, std::abs(double(a[i]) - double(b[i])));
  return m;
}

// Runs `op` with the scalar and the tested table on copies of the same inputs and compares
// every buffer it may write.
template <typename T>
class LaneKernelCheck {
 public:
  LaneKernelCheck(const LaneKernels<T>& tested, uint64_t seed)
      : tested_(tested),
        reference_(kernel_table(QDCNN_KERNEL_SCALAR).lanes<T>()),
        plane_(size_t{kLanes<T>} << kQubits),
        state_(random_lane_values<T>(4 * plane_, seed)),
        matrix_(random_lane_values<T>(4 * 16 * kLanes<T>, seed + 1)) {}

  template <typename Op>
  void check(const char* what, bool real, Op&& op) {
    SCOPED_TRACE(std::string(what) + (real ? " real" : " complex"));
    std::vector<T> a = state_, b = state_;
    std::vector<double> out_a(static_cast<size_t>(kQubits + 1) * kLanes<T>, 0.0), out_b = out_a;
    std::vector<T> scratch_a(plane_), scratch_b(plane_);
    op(reference_, a.data(), out_a.data(), scratch_a.data(), real);
    op(tested_, b.data(), out_b.data(), scratch_b.data(), real);
    const double tol = sizeof(T) == sizeof(float) ? 2e-4 : 1e-11;
    EXPECT_LT(max_diff(a, b), tol);
    EXPECT_LT(max_diff(out_a, out_b), tol * 64);  // sums over up to 2^kQubits rows
  }

  size_t plane() const { return plane_; }
  const T* m() const { return matrix_.data(); }
  const T* m_im(int entries) const { return matrix_.data() + entries * kLanes<T>; }

 private:
  const LaneKernels<T>& tested_;
  const LaneKernels<T>& reference_;
  size_t plane_;
  std::vector<T> state_, matrix_;
};

template <typename T>
void check_all(int32_t kernel) {
  LaneKernelCheck<T> c(kernel_table(kernel).lanes<T>(), 17);
  const size_t p = c.plane();
  for (bool real : {true, false}) {
    for (int t = 0; t < kQubits; ++t) {
      for (int control = -1; control < kQubits; ++control) {
        if (control == t) continue;
        c.check("dense1", real, [&](const LaneKernels<T>& k, T* s, double*, T*, bool r) {
          k.dense1(s, s + p, kQubits, t, control, c.m(), c.m_im(4), r);
        });
        c.check("inner1", real, [&](const LaneKernels<T>& k, T* s, double* out, T*, bool r) {
          k.inner1(s, s + p, s + 2 * p, s + 3 * p, kQubits, t, control, c.m(), c.m_im(4), r, out);
        });
        for (bool with_d : {true, false}) {
          c.check("adjoint_step1", real, [&](const LaneKernels<T>& k, T* s, double* out, T*, bool r) {
            const T* d = c.m() + 8 * kLanes<T>;
            k.adjoint_step1(s, s + p, s + 2 * p, s + 3 * p, kQubits, t, control, c.m(), c.m_im(4),
                            with_d ? d : nullptr, with_d ? d + 4 * kLanes<T> : nullptr, r, out);
          });
        }
      }
      const int qs1[1] = {t};
      c.check("diag1", real, [&](const LaneKernels<T>& k, T* s, double*, T*, bool r) {
        k.diag(s, s + p, kQubits, qs1, 1, c.m(), c.m_im(2), r);
      });
      c.check("inner_diag1", real, [&](const LaneKernels<T>& k, T* s, double* out, T*, bool r) {
        k.inner_diag(s, s + p, s + 2 * p, s + 3 * p, kQubits, qs1, 1, c.m(), c.m_im(2), r, out);
      });
      const uint64_t bt = uint64_t{1} << t;
      c.check("permute x", real, [&](const LaneKernels<T>& k, T* s, double*, T*, bool) {
        k.permute(s, kQubits, bt, 0, bt);
      });
      for (int u = t + 1; u < kQubits; ++u) {
        const uint64_t bu = uint64_t{1} << u;
        const int qs2[2] = {t, u};
        c.check("dense2", real, [&](const LaneKernels<T>& k, T* s, double*, T*, bool r) {
          k.dense2(s, s + p, kQubits, t, u, c.m(), c.m_im(16), r);
        });
        c.check("inner2", real, [&](const LaneKernels<T>& k, T* s, double* out, T*, bool r) {
          k.inner2(s, s + p, s + 2 * p, s + 3 * p, kQubits, t, u, c.m(), c.m_im(16), r, out);
        });
        c.check("diag2", real, [&](const LaneKernels<T>& k, T* s, double*, T*, bool r) {
          k.diag(s, s + p, kQubits, qs2, 2, c.m(), c.m_im(4), r);
        });
        c.check("inner_diag2", real, [&](const LaneKernels<T>& k, T* s, double* out, T*, bool r) {
          k.inner_diag(s, s + p, s + 2 * p, s + 3 * p, kQubits, qs2, 2, c.m(), c.m_im(4), r, out);
        });
        c.check("permute cnot", real, [&](const LaneKernels<T>& k, T* s, double*, T*, bool) {
          k.permute(s, kQubits, bt | bu, bu, bt);
        });
        c.check("permute swap", real, [&](const LaneKernels<T>& k, T* s, double*, T*, bool) {
          k.permute(s, kQubits, bt | bu, bt, bt | bu);
        });
      }
    }
    std::vector<uint32_t> source(size_t{1} << kQubits);
    for (uint32_t i = 0; i < source.size(); ++i) source[i] = (i * 7 + 3) % source.size();
    c.check("gather", real, [&](const LaneKernels<T>& k, T* s, double*, T* w, bool) {
      k.gather(s, w, kQubits, source.data());
    });
    c.check("z_expectations", real, [&](const LaneKernels<T>& k, T* s, double* out, T* w, bool r) {
      k.z_expectations(s, s + p, kQubits, w, r, out);
    });
  }
}

TEST(LaneKernels, EveryKernelMatchesScalar) {
  for (int32_t kernel : {QDCNN_KERNEL_SCALAR, QDCNN_KERNEL_AVX2, QDCNN_KERNEL_AVX512}) {
    if (!kernel_available(kernel)) continue;
    SCOPED_TRACE("kernel " + std::to_string(kernel));
    check_all<double>(kernel);
    check_all<float>(kernel);
  }
}

// The scalar lane kernels against a dense per-lane reference: a controlled 2x2 and a 4x4.
TEST(LaneKernels, ScalarMatchesDenseReference) {
  const LaneKernels<double>& k = kernel_table(QDCNN_KERNEL_SCALAR).lanes<double>();
  constexpr int L = kLanes<double>;
  const int n = 4;
  const size_t size = size_t{1} << n;
  const std::vector<cd> psi0 = random_state(n, 5);
  const std::vector<cd> u1 = random_unitary(1, 6), u2 = random_unitary(2, 7);
  std::vector<double> re(size * L), im(size * L);
  for (size_t i = 0; i < size; ++i) {
    for (int l = 0; l < L; ++l) {
      re[i * L + l] = psi0[i].real() * (l + 1);  // lanes differ by a scale
      im[i * L + l] = psi0[i].imag() * (l + 1);
    }
  }
  std::vector<double> m1(2 * 4 * L), m2(2 * 16 * L);
  for (int e = 0; e < 4; ++e) {
    for (int l = 0; l < L; ++l) m1[e * L + l] = u1[e].real(), m1[(4 + e) * L + l] = u1[e].imag();
  }
  for (int e = 0; e < 16; ++e) {
    for (int l = 0; l < L; ++l) m2[e * L + l] = u2[e].real(), m2[(16 + e) * L + l] = u2[e].imag();
  }
  k.dense1(re.data(), im.data(), n, 2, 0, m1.data(), m1.data() + 4 * L, false);  // control 0
  k.dense2(re.data(), im.data(), n, 1, 3, m2.data(), m2.data() + 16 * L, false);
  // Reference: controlled u1 on (control 0, target 2) as a 2-qubit matrix, then u2 on (1, 3).
  std::vector<cd> cu(16, 0.0);
  cu[0 * 4 + 0] = 1;
  cu[2 * 4 + 2] = 1;
  cu[1 * 4 + 1] = u1[0];
  cu[1 * 4 + 3] = u1[1];
  cu[3 * 4 + 1] = u1[2];
  cu[3 * 4 + 3] = u1[3];
  std::vector<cd> expected = psi0;
  reference_apply(expected, {0, 2}, cu);
  reference_apply(expected, {1, 3}, u2);
  for (size_t i = 0; i < size; ++i) {
    for (int l = 0; l < L; ++l) {
      EXPECT_NEAR(re[i * L + l], expected[i].real() * (l + 1), 1e-12) << i << " lane " << l;
      EXPECT_NEAR(im[i * L + l], expected[i].imag() * (l + 1), 1e-12) << i << " lane " << l;
    }
  }
}

}  // namespace
}  // namespace qdcnn::test
