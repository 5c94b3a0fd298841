// Every kernel this CPU runs against the scalar reference and a dense reference, on random
// states, float and double, every qubit position (low qubits inside a SIMD register and high
// ones), 1- to 4-qubit matrices, whole and partial group ranges; likewise the planar kernels.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "kernels/kernel_table.h"
#include "test_support.h"

namespace qdcnn::test {
namespace {

std::vector<int32_t> available_kernels() {
  std::vector<int32_t> out;
  for (int32_t k : {QDCNN_KERNEL_SCALAR, QDCNN_KERNEL_AVX2, QDCNN_KERNEL_AVX512}) {
    if (kernel_available(k)) out.push_back(k);
  }
  return out;
}

// All sorted k-subsets of {0..n-1}.
void subsets(int n, int k, int start, std::vector<int>& cur, std::vector<std::vector<int>>& out) {
  if (static_cast<int>(cur.size()) == k) {
    out.push_back(cur);
    return;
  }
  for (int q = start; q < n; ++q) {
    cur.push_back(q);
    subsets(n, k, q + 1, cur, out);
    cur.pop_back();
  }
}

template <typename T>
void check_kernel(int32_t kernel, int n, int k, double tolerance) {
  const KernelTable& table = kernel_table(kernel);
  std::vector<std::vector<int>> sets;
  std::vector<int> cur;
  subsets(n, k, 0, cur, sets);
  uint64_t seed = 17;
  for (const std::vector<int>& qubits : sets) {
    const std::vector<cd> state = random_state(n, ++seed);
    const std::vector<cd> m = random_matrix(k, ++seed);
    std::vector<cd> want = state;
    reference_apply(want, qubits, m);
    std::vector<std::complex<T>> s(state.begin(), state.end()), mt(m.begin(), m.end());
    const uint64_t groups = uint64_t{1} << (n - k);
    // Two halves when the range splits on the group alignment (as the thread pool does).
    if (groups > kGroupAlignment) {
      table.apply<T>()(s.data(), n, qubits.data(), k, mt.data(), 0, kGroupAlignment);
      table.apply<T>()(s.data(), n, qubits.data(), k, mt.data(), kGroupAlignment, groups);
    } else {
      table.apply<T>()(s.data(), n, qubits.data(), k, mt.data(), 0, groups);
    }
    std::vector<cd> got(s.begin(), s.end());
    ASSERT_LT(max_abs_diff(got, want), tolerance)
        << table.name << " n=" << n << " k=" << k << " first qubit " << qubits[0]
        << " last qubit " << qubits.back();
  }
}

// Planar kernels (used inside cache blocks): convert, apply, convert back, and compare with the
// scalar kernel's interleaved apply. n = 9 puts gate qubits inside and outside the register
// lanes (up to 16 planar lanes), n = k + 1 and n = k + 3 have too few amplitudes for some shapes.
template <typename T>
void check_planar(int32_t kernel, int n, int k, double tolerance) {
  const PlanarKernels<T>& planar = kernel_table(kernel).planar<T>();
  const ApplyMatrixFn<T> reference = kernel_table(QDCNN_KERNEL_SCALAR).apply<T>();
  std::vector<std::vector<int>> sets;
  std::vector<int> cur;
  subsets(n, k, 0, cur, sets);
  uint64_t seed = 71;
  const uint64_t size = uint64_t{1} << n;
  for (const std::vector<int>& qubits : sets) {
    const std::vector<cd> state = random_state(n, ++seed);
    const std::vector<cd> m = random_matrix(k, ++seed);
    std::vector<std::complex<T>> want(state.begin(), state.end()), mt(m.begin(), m.end());
    reference(want.data(), n, qubits.data(), k, mt.data(), 0, uint64_t{1} << (n - k));
    const std::vector<std::complex<T>> input(state.begin(), state.end());
    std::vector<T> re(size), im(size);
    planar.to_planar(input.data(), re.data(), im.data(), size);
    planar.apply(re.data(), im.data(), n, qubits.data(), k, mt.data());
    std::vector<std::complex<T>> got(size);
    planar.from_planar(re.data(), im.data(), got.data(), size);
    ASSERT_LT(max_abs_diff(std::vector<cd>(got.begin(), got.end()),
                           std::vector<cd>(want.begin(), want.end())),
              tolerance)
        << kernel_table(kernel).name << " planar n=" << n << " k=" << k << " first qubit "
        << qubits[0] << " last qubit " << qubits.back();
  }
}

// The conversions move values exactly, including counts that are not a multiple of a register.
template <typename T>
void check_planar_conversions(int32_t kernel) {
  const PlanarKernels<T>& planar = kernel_table(kernel).planar<T>();
  for (uint64_t count : {uint64_t{1}, uint64_t{7}, uint64_t{32}, uint64_t{37}}) {
    std::vector<std::complex<T>> in(count);
    for (uint64_t i = 0; i < count; ++i) in[i] = std::complex<T>(T(i) + T(0.25), -T(i) - T(0.5));
    std::vector<T> re(count), im(count);
    planar.to_planar(in.data(), re.data(), im.data(), count);
    for (uint64_t i = 0; i < count; ++i) {
      ASSERT_EQ(re[i], in[i].real()) << "count " << count << " index " << i;
      ASSERT_EQ(im[i], in[i].imag()) << "count " << count << " index " << i;
    }
    std::vector<std::complex<T>> out(count);
    planar.from_planar(re.data(), im.data(), out.data(), count);
    for (uint64_t i = 0; i < count; ++i) ASSERT_EQ(out[i], in[i]) << "count " << count;
  }
}

// Factor sequences (PlanarKernels::apply_sequence, inside cache blocks): random rotations of
// every form the kernel specialises (rx, ry, rz patterns and general) and sign flips, on every
// qubit set of n = 11 (tiles of a short or a long contiguous run) and n = k + 1, against the
// scalar interleaved kernel applying each factor as its dense matrix.
template <typename T>
std::vector<PlanarOp<T>> random_factors(const std::vector<int>& qubits, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> angle(-3.0, 3.0);
  std::vector<PlanarOp<T>> ops;
  const int k = static_cast<int>(qubits.size());
  for (int i = 0; i < 12; ++i) {
    PlanarOp<T> op;
    const int form = static_cast<int>(rng() % 5);
    op.q0 = qubits[rng() % static_cast<uint64_t>(k)];
    if (form == 4 && k >= 2) {
      op.kind = kPlanarSignFlip;
      do {
        op.q1 = qubits[rng() % static_cast<uint64_t>(k)];
      } while (op.q1 == op.q0);
    } else {
      const double t = angle(rng), u = angle(rng), v = angle(rng);
      const std::complex<double> a = std::cos(t) * std::exp(std::complex<double>(0, u));
      const std::complex<double> b = std::sin(t) * std::exp(std::complex<double>(0, v));
      op.ar = static_cast<T>(a.real());
      op.ai = form == 0 || form == 1 ? T(0) : static_cast<T>(a.imag());
      op.br = form == 0 || form == 2 ? T(0) : static_cast<T>(b.real());
      op.bi = form == 1 || form == 2 ? T(0) : static_cast<T>(b.imag());
    }
    ops.push_back(op);
  }
  return ops;
}

template <typename T>
void check_sequence(int32_t kernel, int n, int k, double tolerance) {
  const PlanarKernels<T>& planar = kernel_table(kernel).planar<T>();
  const ApplyMatrixFn<T> reference = kernel_table(QDCNN_KERNEL_SCALAR).apply<T>();
  std::vector<std::vector<int>> sets;
  std::vector<int> cur;
  subsets(n, k, 0, cur, sets);
  uint64_t seed = 501;
  const uint64_t size = uint64_t{1} << n;
  for (const std::vector<int>& qubits : sets) {
    const std::vector<cd> state = random_state(n, ++seed);
    const std::vector<PlanarOp<T>> ops = random_factors<T>(qubits, ++seed);
    std::vector<std::complex<T>> want(state.begin(), state.end());
    for (const PlanarOp<T>& op : ops) {
      if (op.kind == kPlanarSignFlip) {
        const int q[2] = {std::min(op.q0, op.q1), std::max(op.q0, op.q1)};
        const std::complex<T> m[16] = {T(1), 0, 0, 0, 0, T(1), 0, 0, 0, 0, T(1), 0, 0, 0, 0, T(-1)};
        reference(want.data(), n, q, 2, m, 0, size >> 2);
      } else {
        const std::complex<T> a(op.ar, op.ai), b(op.br, op.bi);
        const std::complex<T> m[4] = {a, -std::conj(b), b, std::conj(a)};
        reference(want.data(), n, &op.q0, 1, m, 0, size >> 1);
      }
    }
    const std::vector<std::complex<T>> input(state.begin(), state.end());
    std::vector<T> re(size), im(size);
    planar.to_planar(input.data(), re.data(), im.data(), size);
    planar.apply_sequence(re.data(), im.data(), n, qubits.data(), k, ops.data(),
                          static_cast<int>(ops.size()));
    std::vector<std::complex<T>> got(size);
    planar.from_planar(re.data(), im.data(), got.data(), size);
    ASSERT_LT(max_abs_diff(std::vector<cd>(got.begin(), got.end()),
                           std::vector<cd>(want.begin(), want.end())),
              tolerance)
        << kernel_table(kernel).name << " sequence n=" << n << " k=" << k << " first qubit "
        << qubits[0] << " last qubit " << qubits.back();
  }
}

class KernelTest : public ::testing::TestWithParam<int32_t> {};

TEST_P(KernelTest, PlanarMatchesScalarDouble) {
  for (int k = 1; k <= 4; ++k) {
    check_planar<double>(GetParam(), 9, k, 1e-12);
    check_planar<double>(GetParam(), k + 1, k, 1e-12);
    check_planar<double>(GetParam(), k + 3, k, 1e-12);
  }
}

TEST_P(KernelTest, PlanarMatchesScalarFloat) {
  for (int k = 1; k <= 4; ++k) {
    check_planar<float>(GetParam(), 9, k, 2e-5);
    check_planar<float>(GetParam(), k + 1, k, 2e-5);
    check_planar<float>(GetParam(), k + 3, k, 2e-5);
  }
}

TEST_P(KernelTest, PlanarSequenceMatchesScalar) {
  for (int k = 1; k <= 4; ++k) {
    check_sequence<double>(GetParam(), 11, k, 1e-12);
    check_sequence<double>(GetParam(), k + 1, k, 1e-12);
    check_sequence<float>(GetParam(), 11, k, 2e-5);
    check_sequence<float>(GetParam(), k + 1, k, 2e-5);
  }
}

TEST_P(KernelTest, PlanarConversionsAreExact) {
  check_planar_conversions<float>(GetParam());
  check_planar_conversions<double>(GetParam());
}

TEST_P(KernelTest, MatchesReferenceDouble) {
  for (int k = 1; k <= 4; ++k) {
    check_kernel<double>(GetParam(), 9, k, 1e-12);
    check_kernel<double>(GetParam(), k + 1, k, 1e-12);  // tiny registers
  }
}

TEST_P(KernelTest, MatchesReferenceFloat) {
  for (int k = 1; k <= 4; ++k) {
    check_kernel<float>(GetParam(), 9, k, 2e-5);
    check_kernel<float>(GetParam(), k + 1, k, 2e-5);
  }
}

TEST_P(KernelTest, AgreesWithScalarOnLargerStates) {
  const KernelTable& table = kernel_table(GetParam());
  const KernelTable& scalar = kernel_table(QDCNN_KERNEL_SCALAR);
  const int n = 14;
  for (int k = 1; k <= 2; ++k) {
    for (int q = 0; q + k <= n; q += 3) {
      std::vector<int> qubits;
      for (int j = 0; j < k; ++j) qubits.push_back(q + j * 2 < n ? q + j * 2 : q + j);
      std::sort(qubits.begin(), qubits.end());
      qubits.erase(std::unique(qubits.begin(), qubits.end()), qubits.end());
      if (static_cast<int>(qubits.size()) != k) continue;
      const std::vector<cd> state = random_state(n, 100 + q);
      const std::vector<cd> m = random_unitary(k, 200 + q);
      std::vector<cd> a = state, b = state;
      const uint64_t groups = uint64_t{1} << (n - k);
      table.apply<double>()(a.data(), n, qubits.data(), k, m.data(), 0, groups);
      scalar.apply<double>()(b.data(), n, qubits.data(), k, m.data(), 0, groups);
      EXPECT_LT(max_abs_diff(a, b), 1e-13) << table.name << " qubit " << q;
    }
  }
}

// Wide gates on high qubits take the planar-on-the-fly path of the SIMD kernels; check it on
// split group ranges (as the thread pool hands them out) and on a state large enough for the
// software prefetch (> 8 MiB).
template <typename T>
void check_wide_high_gates(int32_t kernel, int n, double tolerance) {
  const KernelTable& table = kernel_table(kernel);
  const KernelTable& scalar = kernel_table(QDCNN_KERNEL_SCALAR);
  for (const std::vector<int>& qubits :
       {std::vector<int>{4, 6, 7}, std::vector<int>{5, n - 3, n - 1},
        std::vector<int>{4, 5, 6, 7}, std::vector<int>{6, 9, n - 2, n - 1}}) {
    const int k = static_cast<int>(qubits.size());
    const std::vector<cd> state = random_state(n, 300 + static_cast<uint64_t>(qubits[1]));
    const std::vector<cd> m = random_matrix(k, 400 + static_cast<uint64_t>(qubits[1]));
    std::vector<std::complex<T>> a(state.begin(), state.end()), b = a, mt(m.begin(), m.end());
    const uint64_t groups = uint64_t{1} << (n - k);
    const uint64_t cut1 = kGroupAlignment, cut2 = 3 * kGroupAlignment;
    table.apply<T>()(a.data(), n, qubits.data(), k, mt.data(), 0, cut1);
    table.apply<T>()(a.data(), n, qubits.data(), k, mt.data(), cut1, cut2);
    table.apply<T>()(a.data(), n, qubits.data(), k, mt.data(), cut2, groups);
    scalar.apply<T>()(b.data(), n, qubits.data(), k, mt.data(), 0, groups);
    EXPECT_LT(max_abs_diff(std::vector<cd>(a.begin(), a.end()), std::vector<cd>(b.begin(), b.end())),
              tolerance)
        << table.name << " n=" << n << " k=" << k << " second qubit " << qubits[1];
  }
}

TEST_P(KernelTest, WideHighGatesAgreeWithScalar) {
  check_wide_high_gates<float>(GetParam(), 12, 2e-5);
  check_wide_high_gates<double>(GetParam(), 12, 1e-12);
  check_wide_high_gates<float>(GetParam(), 21, 2e-5);
}

INSTANTIATE_TEST_SUITE_P(Available, KernelTest, ::testing::ValuesIn(available_kernels()),
                         [](const ::testing::TestParamInfo<int32_t>& info) {
                           return std::string(kernel_table(info.param).name);
                         });

TEST(KernelSelection, ScalarAlwaysAvailableAndUnknownRejected) {
  EXPECT_TRUE(kernel_available(QDCNN_KERNEL_SCALAR));
  EXPECT_FALSE(kernel_available(42));
}

}  // namespace
}  // namespace qdcnn::test

namespace qdcnn::test {
namespace {

// QDCNN_KERNEL forces a kernel; an unknown or unavailable name fails instead of falling back.
class KernelEnvironment : public ::testing::Test {
 protected:
  void TearDown() override { unsetenv("QDCNN_KERNEL"); }
};

TEST_F(KernelEnvironment, ForcedScalarIsUsed) {
  setenv("QDCNN_KERNEL", "scalar", 1);
  int32_t kernel = -1;
  ASSERT_EQ(qdcnn_kernel_default(&kernel), QDCNN_OK);
  EXPECT_EQ(kernel, QDCNN_KERNEL_SCALAR);
  SimulatorPtr sim;
  ASSERT_EQ(qdcnn_simulator_create(QDCNN_PRECISION_COMPLEX64, sim.out()), QDCNN_OK);
  ASSERT_EQ(qdcnn_simulator_get_kernel(sim.get(), &kernel), QDCNN_OK);
  EXPECT_EQ(kernel, QDCNN_KERNEL_SCALAR);
}

TEST_F(KernelEnvironment, UnknownNameIsUnsupported) {
  setenv("QDCNN_KERNEL", "sse9", 1);
  int32_t kernel = -1;
  EXPECT_EQ(qdcnn_kernel_default(&kernel), QDCNN_ERROR_UNSUPPORTED);
  EXPECT_NE(last_error().find("QDCNN_KERNEL = 'sse9'"), std::string::npos) << last_error();
  qdcnn_simulator* sim = nullptr;
  EXPECT_EQ(qdcnn_simulator_create(QDCNN_PRECISION_COMPLEX64, &sim), QDCNN_ERROR_UNSUPPORTED);
  EXPECT_EQ(sim, nullptr);
}

TEST_F(KernelEnvironment, UnavailableNameIsUnsupported) {
  for (const char* name : {"avx2", "avx512"}) {
    const int32_t kind = std::string(name) == "avx2" ? QDCNN_KERNEL_AVX2 : QDCNN_KERNEL_AVX512;
    if (kernel_available(kind)) continue;
    setenv("QDCNN_KERNEL", name, 1);
    int32_t kernel = -1;
    EXPECT_EQ(qdcnn_kernel_default(&kernel), QDCNN_ERROR_UNSUPPORTED);
  }
}

}  // namespace
}  // namespace qdcnn::test
