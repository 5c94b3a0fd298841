#include "core/lane_product_state.h"

#include <algorithm>

#include "kernels/kernel_table.h"

namespace qdcnn {
namespace {

inline void mat_vec(const cdouble* m, const cdouble* v, cdouble* out) {
  const cdouble a = m[0] * v[0] + m[1] * v[1];
  const cdouble b = m[2] * v[0] + m[3] * v[1];
  out[0] = a;
  out[1] = b;
}

// A lane-form complex array over m qubits: rows of L values, re and im planes (im unused when
// real).
template <typename T>
struct LaneArray {
  T* re;
  T* im;
};

// dst <- src with qubit j (of m) summed out against conj(f): dst[hi, lo] = sum_b src[hi, b, lo] *
// conj(f_lane[b]). dst may be src (each output row lies at or before the rows it reads).
template <typename T>
void contract_qubit(LaneArray<T> src, LaneArray<T> dst, int m, int j, const cdouble* factor,
                    bool real) {
  constexpr int L = kLanes<T>;
  T f0r[L], f0i[L], f1r[L], f1i[L];
  for (int l = 0; l < L; ++l) {
    f0r[l] = static_cast<T>(factor[l * 2].real());
    f0i[l] = static_cast<T>(-factor[l * 2].imag());
    f1r[l] = static_cast<T>(factor[l * 2 + 1].real());
    f1i[l] = static_cast<T>(-factor[l * 2 + 1].imag());
  }
  const uint64_t low = uint64_t{1} << j, highs = uint64_t{1} << (m - 1 - j);
  for (uint64_t hi = 0; hi < highs; ++hi) {
    for (uint64_t lo = 0; lo < low; ++lo) {
      const uint64_t out = (hi * low + lo) * L, in0 = (hi * 2 * low + lo) * L, in1 = in0 + low * L;
      if (real) {
        for (int l = 0; l < L; ++l) {
          dst.re[out + l] = src.re[in0 + l] * f0r[l] + src.re[in1 + l] * f1r[l];
        }
      } else {
        for (int l = 0; l < L; ++l) {
          const T ar = src.re[in0 + l], ai = src.im[in0 + l];
          const T br = src.re[in1 + l], bi = src.im[in1 + l];
          dst.re[out + l] = ar * f0r[l] - ai * f0i[l] + br * f1r[l] - bi * f1i[l];
          dst.im[out + l] = ar * f0i[l] + ai * f0r[l] + br * f1i[l] + bi * f1r[l];
        }
      }
    }
  }
}

// For x over the qubits ids[0..m) (position p of a row index = qubit ids[p]), writes every
// qubit's leave-one-out contraction. Splits the qubits in two halves and contracts each half
// away from x, so the work is a few passes over x, not one per qubit. Destroys x; arena: 2^m
// rows per plane.
template <typename T>
void leave_one_out(LaneArray<T> x, int m, const int* ids, const cdouble* factors, bool real,
                   LaneArray<T> arena, cdouble* contracted) {
  constexpr int L = kLanes<T>;
  if (m == 1) {
    const int q = ids[0];
    for (int l = 0; l < L; ++l) {
      for (int b = 0; b < 2; ++b) {
        const T r = x.re[b * L + l];
        const T i = real ? T(0) : x.im[b * L + l];
        contracted[(q * L + l) * 2 + b] = cdouble(r, i);
      }
    }
    return;
  }
  const int a = m / 2;  // positions [0, a) stay in the first half
  const uint64_t half_rows = (uint64_t{1} << (m - 1)) * L;
  LaneArray<T> t = arena;
  LaneArray<T> rest = {arena.re + half_rows, real ? arena.im : arena.im + half_rows};
  // Sum out positions m-1 .. a (highest first, so lower positions keep their place).
  contract_qubit(x, t, m, m - 1, factors + static_cast<size_t>(ids[m - 1]) * L * 2, real);
  for (int p = m - 2; p >= a; --p) {
    contract_qubit(t, t, p + 1, p, factors + static_cast<size_t>(ids[p]) * L * 2, real);
  }
  leave_one_out(t, a, ids, factors, real, rest, contracted);
  // Sum out positions 0 .. a-1 of x in place (each time the lowest remaining one).
  for (int p = 0; p < a; ++p) {
    contract_qubit(x, x, m - p, 0, factors + static_cast<size_t>(ids[p]) * L * 2, real);
  }
  leave_one_out(x, m - a, ids + a, factors, real, arena, contracted);
}

}  // namespace

template <typename T>
void lane_product_factors(const Circuit& circuit, const LaneProgram<T>& program,
                          const double* params, const double* const* rows, bool with_derivatives,
                          std::vector<cdouble>& factors, std::vector<cdouble>& derivatives) {
  constexpr int L = kLanes<T>;
  const int n = program.n_qubits;
  const auto& ops = circuit.operations();
  const size_t k_ops = program.prefix.size();
  factors.assign(static_cast<size_t>(n) * L * 2, cdouble(0));
  if (with_derivatives) derivatives.assign(k_ops * 3 * L * 2, cdouble(0));
  std::vector<cdouble> matrices(k_ops * 4);      // this lane's matrix of each prefix op
  std::vector<cdouble> before(k_ops * 2);        // its qubit's factor before the op
  std::vector<cdouble> dmats(with_derivatives ? k_ops * 3 * 4 : 0);
  for (int l = 0; l < L; ++l) {
    cdouble* f = factors.data() + static_cast<size_t>(l) * 2;  // + q * L * 2
    for (int q = 0; q < n; ++q) {
      f[q * L * 2 + ((program.initial_basis >> q) & 1)] = 1.0;
    }
    for (size_t k = 0; k < k_ops; ++k) {
      const LanePrefixOp& p = program.prefix[k];
      cdouble* m = matrices.data() + k * 4;
      cdouble(*dm)[4] = with_derivatives
                            ? reinterpret_cast<cdouble(*)[4]>(dmats.data() + k * 12)
                            : nullptr;
      if (p.per_sample) {
        single_qubit_matrix(ops[static_cast<size_t>(p.op_index)], params, rows[l], m, dm);
      } else {
        std::copy(p.matrix, p.matrix + 4, m);
        if (dm) std::copy(&p.derivative[0][0], &p.derivative[0][0] + 12, &dm[0][0]);
      }
      cdouble* v = f + p.qubit * L * 2;
      before[k * 2] = v[0], before[k * 2 + 1] = v[1];
      mat_vec(m, v, v);
    }
    if (!with_derivatives) continue;
    for (size_t k = 0; k < k_ops; ++k) {
      const LanePrefixOp& p = program.prefix[k];
      for (size_t j = 0; j < p.diffs.size(); ++j) {
        cdouble w[2];
        mat_vec(dmats.data() + k * 12 + static_cast<size_t>(p.diffs[j].angle) * 4,
                before.data() + k * 2, w);
        for (size_t later = k + 1; later < k_ops; ++later) {
          if (program.prefix[later].qubit == p.qubit) mat_vec(matrices.data() + later * 4, w, w);
        }
        cdouble* out = derivatives.data() + ((k * 3 + j) * L + static_cast<size_t>(l)) * 2;
        out[0] = w[0], out[1] = w[1];
      }
    }
  }
}

template <typename T>
void lane_build_product_state(int n, const cdouble* factors, bool real, T* re, T* im) {
  constexpr int L = kLanes<T>;
  for (int l = 0; l < L; ++l) {
    re[l] = T(1);
    if (!real) im[l] = T(0);
  }
  // Doubling: rows [h, 2h) <- rows [0, h) * f_q[1], then rows [0, h) *= f_q[0] (h = 2^q).
  for (int q = 0; q < n; ++q) {
    T f0r[L], f0i[L], f1r[L], f1i[L];
    for (int l = 0; l < L; ++l) {
      const cdouble* f = factors + (static_cast<size_t>(q) * L + l) * 2;
      f0r[l] = static_cast<T>(f[0].real()), f0i[l] = static_cast<T>(f[0].imag());
      f1r[l] = static_cast<T>(f[1].real()), f1i[l] = static_cast<T>(f[1].imag());
    }
    const uint64_t values = (uint64_t{1} << q) * L;
    T* __restrict a = re;
    T* __restrict b = re + values;
    if (real) {
      for (uint64_t i = 0; i < values; i += L) {
        for (int k = 0; k < L; ++k) {
          const T x = a[i + k];
          b[i + k] = x * f1r[k];
          a[i + k] = x * f0r[k];
        }
      }
      continue;
    }
    T* __restrict ai = im;
    T* __restrict bi = im + values;
    for (uint64_t i = 0; i < values; i += L) {
      for (int k = 0; k < L; ++k) {
        const T xr = a[i + k], xi = ai[i + k];
        b[i + k] = xr * f1r[k] - xi * f1i[k];
        bi[i + k] = xr * f1i[k] + xi * f1r[k];
        a[i + k] = xr * f0r[k] - xi * f0i[k];
        ai[i + k] = xr * f0i[k] + xi * f0r[k];
      }
    }
  }
}

template <typename T>
void lane_contract_product(int n, const cdouble* factors, bool real, T* lre, T* lim, T* arena,
                           cdouble* contracted) {
  const uint64_t plane = (uint64_t{1} << n) * static_cast<uint64_t>(kLanes<T>);
  std::vector<int> ids(static_cast<size_t>(n));
  for (int q = 0; q < n; ++q) ids[static_cast<size_t>(q)] = q;
  leave_one_out<T>({lre, lim}, n, ids.data(), factors, real,
                   {arena, real ? arena : arena + plane}, contracted);
}

#define QDCNN_INSTANTIATE(T)                                                                   \
  template void lane_product_factors<T>(const Circuit&, const LaneProgram<T>&, const double*,  \
                                        const double* const*, bool, std::vector<cdouble>&,     \
                                        std::vector<cdouble>&);                                \
  template void lane_build_product_state<T>(int, const cdouble*, bool, T*, T*);                \
  template void lane_contract_product<T>(int, const cdouble*, bool, T*, T*, T*, cdouble*);
QDCNN_INSTANTIATE(float)
QDCNN_INSTANTIATE(double)
#undef QDCNN_INSTANTIATE

}  // namespace qdcnn
