// Every lane (batch-major) kernel of every kernel this CPU runs against the portable scalar
// reference (and the relabelled-pair kernels of lane_relabel.h against a plain loop over their
// documented pairs), on random lane states and per-lane matrices, float and double, real and complex,
// every qubit position, with and without a control qubit. The scalar lane kernels themselves are
// checked against the one-sample path by tests/native/core/lane_path_test.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "core/lane_relabel.h"
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

// A plain reference of the relabelled-pair contract: for every row p with
// parity(p & role_mask) == role (and the control parity as wanted), rows (p, p ^ flip) are the
// (|0>, |1>) of a 2x2. Complex per lane, in double.
struct PairsReference {
  int n;
  LanePairs pairs;
  template <typename F>
  void each(F&& f) const {
    for (uint64_t p = 0; p < (uint64_t{1} << n); ++p) {
      if (__builtin_parityll(p & pairs.role_mask) != pairs.role) continue;
      if (pairs.controlled && __builtin_parityll(p & pairs.ctrl_mask) != pairs.ctrl_want) continue;
      f(p, p ^ pairs.flip);
    }
  }
};

template <typename T>
cd lane_value(const std::vector<T>& re, const std::vector<T>& im, uint64_t row, int lane,
              bool real) {
  const size_t at = row * kLanes<T> + static_cast<size_t>(lane);
  return cd(double(re[at]), real ? 0.0 : double(im[at]));
}

template <typename T>
void check_relabelled(int32_t kernel, int n, bool real, const LanePairs& pairs, uint64_t seed) {
  constexpr int L = kLanes<T>;
  const size_t plane = size_t{L} << n;
  const LaneRelabelKernels<T>& k = lane_relabel_kernels<T>(static_cast<qdcnn_kernel>(kernel));
  const PairsReference ref{n, pairs};
  std::vector<T> pre = random_lane_values<T>(plane, seed), pim = random_lane_values<T>(plane, seed + 1);
  std::vector<T> lre = random_lane_values<T>(plane, seed + 2), lim = random_lane_values<T>(plane, seed + 3);
  std::vector<T> m = random_lane_values<T>(8 * L, seed + 4), d = random_lane_values<T>(8 * L, seed + 5);
  if (real) {
    std::fill(m.begin() + 4 * L, m.end(), T(0));
    std::fill(d.begin() + 4 * L, d.end(), T(0));
  }
  auto entry = [&](const std::vector<T>& mat, int e, int l) {
    return cd(double(mat[static_cast<size_t>(e * L + l)]), double(mat[static_cast<size_t>((4 + e) * L + l)]));
  };
  // Expected: psi <- M psi on the pairs (dense1); inner = Re <lambda| D (M psi)>; lambda <- M lambda.
  std::vector<cd> psi(plane), lam(plane);
  for (uint64_t i = 0; i < (uint64_t{1} << n); ++i) {
    for (int l = 0; l < L; ++l) {
      psi[i * L + l] = lane_value(pre, pim, i, l, real);
      lam[i * L + l] = lane_value(lre, lim, i, l, real);
    }
  }
  std::vector<cd> psi_m = psi, lam_m = lam;
  std::vector<double> inner_plain(L, 0.0), inner_step(L, 0.0);
  ref.each([&](uint64_t a, uint64_t b) {
    for (int l = 0; l < L; ++l) {
      const cd x0 = psi[a * L + l], x1 = psi[b * L + l];
      const cd y0 = entry(m, 0, l) * x0 + entry(m, 1, l) * x1, y1 = entry(m, 2, l) * x0 + entry(m, 3, l) * x1;
      psi_m[a * L + l] = y0, psi_m[b * L + l] = y1;
      inner_plain[l] += (std::conj(lam[a * L + l]) * y0 + std::conj(lam[b * L + l]) * y1).real();
      const cd w0 = entry(d, 0, l) * y0 + entry(d, 1, l) * y1, w1 = entry(d, 2, l) * y0 + entry(d, 3, l) * y1;
      inner_step[l] += (std::conj(lam[a * L + l]) * w0 + std::conj(lam[b * L + l]) * w1).real();
      const cd l0 = lam[a * L + l], l1 = lam[b * L + l];
      lam_m[a * L + l] = entry(m, 0, l) * l0 + entry(m, 1, l) * l1;
      lam_m[b * L + l] = entry(m, 2, l) * l0 + entry(m, 3, l) * l1;
    }
  });
  const double tol = sizeof(T) == sizeof(float) ? 2e-4 : 1e-11;
  auto expect_state = [&](const std::vector<T>& re, const std::vector<T>& im, const std::vector<cd>& want,
                          const char* what) {
    for (uint64_t i = 0; i < (uint64_t{1} << n); ++i) {
      for (int l = 0; l < L; ++l) {
        const cd got = lane_value(re, im, i, l, real);
        ASSERT_NEAR(got.real(), want[i * L + l].real(), tol) << what << " row " << i << " lane " << l;
        if (!real) ASSERT_NEAR(got.imag(), want[i * L + l].imag(), tol) << what << " row " << i;
      }
    }
  };
  {
    std::vector<T> re = pre, im = pim;
    k.dense1(re.data(), im.data(), n, pairs, m.data(), m.data() + 4 * L, real);
    expect_state(re, im, psi_m, "dense1");
  }
  {
    std::vector<double> out(L, 0.0);
    k.inner1(lre.data(), lim.data(), pre.data(), pim.data(), n, pairs, m.data(), m.data() + 4 * L, real,
             out.data());
    for (int l = 0; l < L; ++l) EXPECT_NEAR(out[l], inner_plain[l], tol * 64) << "inner1 lane " << l;
  }
  for (bool with_d : {true, false}) {
    std::vector<T> p_re = pre, p_im = pim, l_re = lre, l_im = lim;
    std::vector<double> out(L, 0.0);
    k.adjoint_step1(p_re.data(), p_im.data(), l_re.data(), l_im.data(), n, pairs, m.data(),
                    m.data() + 4 * L, with_d ? d.data() : nullptr, with_d ? d.data() + 4 * L : nullptr,
                    real, out.data());
    expect_state(p_re, p_im, psi_m, "adjoint_step1 psi");
    expect_state(l_re, l_im, lam_m, "adjoint_step1 lambda");
    for (int l = 0; l < L; ++l) {
      EXPECT_NEAR(out[l], with_d ? inner_step[l] : 0.0, tol * 64) << "adjoint_step1 lane " << l;
    }
  }
}

// Random pair layouts as relabelled CNOT/SWAP/X frames produce them: multi-bit flips, role and
// control masks over any bits, both roles, with and without a control; 3 qubits (fewer than 8
// pairs) and 5.
TEST(LaneKernels, RelabelledPairsMatchPlainLoop) {
  std::mt19937_64 rng(99);
  for (int trial = 0; trial < 40; ++trial) {
    const int n = trial % 2 ? kQubits : 3;
    const uint64_t all = (uint64_t{1} << n) - 1;
    LanePairs pairs;
    do {
      pairs.flip = rng() & all;
      pairs.role_mask = rng() & all;
    } while (pairs.flip == 0 || __builtin_parityll(pairs.flip & pairs.role_mask) != 1);
    pairs.role = static_cast<int>(rng() & 1);
    pairs.controlled = trial % 3 == 2;
    if (pairs.controlled) {
      do {
        pairs.ctrl_mask = rng() & all;
      } while (pairs.ctrl_mask == 0 || __builtin_parityll(pairs.flip & pairs.ctrl_mask) != 0);
      pairs.ctrl_want = static_cast<int>(rng() & 1);
    }
    SCOPED_TRACE("trial " + std::to_string(trial));
    for (int32_t kernel : {QDCNN_KERNEL_SCALAR, QDCNN_KERNEL_AVX2, QDCNN_KERNEL_AVX512}) {
      if (!kernel_available(kernel)) continue;
      SCOPED_TRACE("kernel " + std::to_string(kernel));
      for (bool real : {true, false}) {
        check_relabelled<double>(kernel, n, real, pairs, 1000 + static_cast<uint64_t>(trial));
        check_relabelled<float>(kernel, n, real, pairs, 2000 + static_cast<uint64_t>(trial));
      }
    }
  }
}

// apply_group and adjoint_group against plain loops applying (or undoing) the group's ops one at
// a time, as dense1 / adjoint_step1 / adjoint_step1_ry: K independent relabelled qubits of a
// random CNOT/SWAP/X frame (rows / cols as lane_program's Frame), 2 to kMaxLaneGroup of them,
// every gradient mode, real and complex, float and double, every instruction set.
template <typename T>
void check_group(int32_t kernel, int n, bool real, const std::vector<LanePairs>& group, int mode,
                 uint64_t seed) {
  constexpr int L = kLanes<T>;
  const int count = static_cast<int>(group.size());
  const size_t plane = size_t{L} << n;
  const LaneRelabelKernels<T>& k = lane_relabel_kernels<T>(static_cast<qdcnn_kernel>(kernel));
  std::vector<T> pre = random_lane_values<T>(plane, seed), pim = random_lane_values<T>(plane, seed + 1);
  std::vector<T> lre = random_lane_values<T>(plane, seed + 2), lim = random_lane_values<T>(plane, seed + 3);
  std::vector<std::vector<T>> m, d;
  for (int j = 0; j < count; ++j) {
    m.push_back(random_lane_values<T>(8 * L, seed + 10 + static_cast<uint64_t>(j)));
    d.push_back(random_lane_values<T>(8 * L, seed + 20 + static_cast<uint64_t>(j)));
    if (real) {
      std::fill(m.back().begin() + 4 * L, m.back().end(), T(0));
      std::fill(d.back().begin() + 4 * L, d.back().end(), T(0));
    }
  }
  auto entry = [&](const std::vector<T>& mat, int e, int l) {
    return cd(double(mat[static_cast<size_t>(e * L + l)]), double(mat[static_cast<size_t>((4 + e) * L + l)]));
  };
  auto apply = [&](std::vector<cd>& v, const LanePairs& pairs, const std::vector<T>& mat) {
    PairsReference{n, pairs}.each([&](uint64_t a, uint64_t b) {
      for (int l = 0; l < L; ++l) {
        const cd x0 = v[a * L + l], x1 = v[b * L + l];
        v[a * L + l] = entry(mat, 0, l) * x0 + entry(mat, 1, l) * x1;
        v[b * L + l] = entry(mat, 2, l) * x0 + entry(mat, 3, l) * x1;
      }
    });
  };
  std::vector<cd> psi(plane), lam(plane);
  for (uint64_t i = 0; i < (uint64_t{1} << n); ++i) {
    for (int l = 0; l < L; ++l) {
      psi[i * L + l] = lane_value(pre, pim, i, l, real);
      lam[i * L + l] = lane_value(lre, lim, i, l, real);
    }
  }
  // Forward: ops 0..count-1 in order.
  std::vector<cd> forward = psi;
  for (int j = 0; j < count; ++j) apply(forward, group[static_cast<size_t>(j)], m[static_cast<size_t>(j)]);
  // Adjoint: ops count-1..0, each: sum, then psi and lambda through its matrix.
  std::vector<cd> psi_u = psi, lam_u = lam;
  std::vector<double> sums(static_cast<size_t>(count * L), 0.0);
  for (int j = count - 1; j >= 0; --j) {
    const LanePairs& pairs = group[static_cast<size_t>(j)];
    const std::vector<T>& mat = m[static_cast<size_t>(j)];
    if (mode == kLaneGradRy) {
      PairsReference{n, pairs}.each([&](uint64_t a, uint64_t b) {
        for (int l = 0; l < L; ++l) {
          sums[static_cast<size_t>(j * L + l)] +=
              (std::conj(lam_u[b * L + l]) * psi_u[a * L + l] -
               std::conj(lam_u[a * L + l]) * psi_u[b * L + l]).real();
        }
      });
    }
    apply(psi_u, pairs, mat);
    if (mode == kLaneGradDerivative) {
      std::vector<cd> w = psi_u;
      apply(w, pairs, d[static_cast<size_t>(j)]);
      PairsReference{n, pairs}.each([&](uint64_t a, uint64_t b) {
        for (int l = 0; l < L; ++l) {
          sums[static_cast<size_t>(j * L + l)] +=
              (std::conj(lam_u[a * L + l]) * w[a * L + l] + std::conj(lam_u[b * L + l]) * w[b * L + l]).real();
        }
      });
    }
    apply(lam_u, pairs, mat);
  }
  const double tol = sizeof(T) == sizeof(float) ? 2e-4 : 1e-11;
  auto expect_state = [&](const std::vector<T>& re, const std::vector<T>& im, const std::vector<cd>& want,
                          const char* what) {
    for (uint64_t i = 0; i < (uint64_t{1} << n); ++i) {
      for (int l = 0; l < L; ++l) {
        const cd got = lane_value(re, im, i, l, real);
        ASSERT_NEAR(got.real(), want[i * L + l].real(), tol) << what << " row " << i << " lane " << l;
        if (!real) ASSERT_NEAR(got.imag(), want[i * L + l].imag(), tol) << what << " row " << i;
      }
    }
  };
  std::vector<const T*> mp, dp;
  for (int j = 0; j < count; ++j) {
    mp.push_back(m[static_cast<size_t>(j)].data());
    dp.push_back(d[static_cast<size_t>(j)].data());
  }
  {
    std::vector<T> re = pre, im = pim;
    k.apply_group(re.data(), im.data(), n, count, group.data(), mp.data(), real);
    expect_state(re, im, forward, "apply_group");
  }
  {
    std::vector<T> p_re = pre, p_im = pim, l_re = lre, l_im = lim;
    std::vector<double> out(static_cast<size_t>(count * L), 0.0);
    k.adjoint_group(p_re.data(), p_im.data(), l_re.data(), l_im.data(), n, count, group.data(),
                    mp.data(), dp.data(), mode, real, out.data());
    expect_state(p_re, p_im, psi_u, "adjoint_group psi");
    expect_state(l_re, l_im, lam_u, "adjoint_group lambda");
    if (mode != kLaneGradNone) {
      for (size_t i = 0; i < out.size(); ++i) EXPECT_NEAR(out[i], sums[i], tol * 64) << "sum " << i;
    }
  }
}

TEST(LaneKernels, GroupedPairsMatchOneAtATime) {
  std::mt19937_64 rng(7);
  for (int trial = 0; trial < 24; ++trial) {
    const int n = trial % 3 == 0 ? 4 : kQubits + 1;
    std::vector<uint64_t> rows(static_cast<size_t>(n)), cols(static_cast<size_t>(n));
    for (int q = 0; q < n; ++q) rows[static_cast<size_t>(q)] = cols[static_cast<size_t>(q)] = uint64_t{1} << q;
    uint64_t offset = rng() & ((uint64_t{1} << n) - 1);
    for (int g = 0; g < 3 * n; ++g) {  // random CNOTs and SWAPs, as Frame::cnot / swap
      const size_t c = rng() % static_cast<size_t>(n), t = rng() % static_cast<size_t>(n);
      if (c == t) continue;
      if (rng() % 4 == 0) {
        std::swap(rows[c], rows[t]);
        std::swap(cols[c], cols[t]);
      } else {
        rows[t] ^= rows[c];
        cols[c] ^= cols[t];
      }
    }
    const int count = 2 + trial % (kMaxLaneGroup - 1);
    std::vector<int> qubits(static_cast<size_t>(n));
    for (int q = 0; q < n; ++q) qubits[static_cast<size_t>(q)] = q;
    std::shuffle(qubits.begin(), qubits.end(), rng);
    std::vector<LanePairs> group(static_cast<size_t>(count));
    for (int j = 0; j < count; ++j) {
      const size_t q = static_cast<size_t>(qubits[static_cast<size_t>(j)]);
      group[static_cast<size_t>(j)].flip = cols[q];
      group[static_cast<size_t>(j)].role_mask = rows[q];
      group[static_cast<size_t>(j)].role = static_cast<int>((offset >> q) & 1);
    }
    SCOPED_TRACE("trial " + std::to_string(trial) + " count " + std::to_string(count));
    for (int32_t kernel : {QDCNN_KERNEL_SCALAR, QDCNN_KERNEL_AVX2, QDCNN_KERNEL_AVX512}) {
      if (!kernel_available(kernel)) continue;
      SCOPED_TRACE("kernel " + std::to_string(kernel));
      for (bool real : {true, false}) {
        for (int mode : {kLaneGradNone, kLaneGradDerivative, kLaneGradRy}) {
          const uint64_t seed = 3000 + static_cast<uint64_t>(trial * 10 + mode);
          check_group<double>(kernel, n, real, group, mode, seed);
          check_group<float>(kernel, n, real, group, mode, seed + 5);
        }
      }
    }
  }
}

}  // namespace
}  // namespace qdcnn::test
