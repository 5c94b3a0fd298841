#include "core/simulator.h"

#include <cmath>
#include <string>
#include <thread>

#include "core/lane_engine.h"
#include "core/measurement.h"

namespace qdcnn {
namespace {

// Below this many amplitude groups a gate is not worth splitting over threads.
constexpr uint64_t kMinParallelGroups = uint64_t{1} << 14;
// Registers up to this size run whole samples per thread.
constexpr int kMaxQubitsPerThreadSample = 16;
// Registers up to this size run batches in the lane layout: a chunk's states (psi and lambda,
// 2 * 2^n * 64 bytes each) then stay in L2.
constexpr int kMaxLaneQubits = 14;

}  // namespace

template <typename T>
Simulator<T>::Simulator() : kernels_(&kernel_table(QDCNN_KERNEL_AUTO)), pool_(new ThreadPool(1)) {
  scratch_.resize(1);
  lane_scratch_.resize(1);
}

template <typename T>
void Simulator<T>::set_kernel(int32_t kernel) {
  kernels_ = &kernel_table(kernel);
}

template <typename T>
void Simulator<T>::set_threads(int threads) {
  if (threads == 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (threads == pool_->threads()) return;
  pool_.reset(new ThreadPool(threads));
  scratch_.resize(static_cast<size_t>(threads));
  lane_scratch_.resize(static_cast<size_t>(threads));
}

template <typename T>
bool Simulator<T>::use_lanes(int n_qubits, uint64_t batch) const {
  return n_qubits <= kMaxLaneQubits && batch > 1;
}

template <typename T>
typename Simulator<T>::Scratch& Simulator<T>::scratch(int thread, int n_qubits,
                                                      bool with_lambda) {
  Scratch& s = scratch_[static_cast<size_t>(thread)];
  if (s.psi && s.psi->n_qubits() != n_qubits) {
    s.psi.reset();
    s.lambda.reset();
  }
  if (!s.psi) s.psi.reset(new StateVector<T>(n_qubits));
  if (with_lambda && !s.lambda) s.lambda.reset(new StateVector<T>(n_qubits));
  const size_t max_dim2 = size_t{1} << (2 * QDCNN_MAX_FUSED_QUBITS);
  s.matrix.resize(max_dim2);
  s.adjoint.resize(max_dim2);
  s.derivative.resize(max_dim2);
  s.matrix_f64.resize(max_dim2);
  return s;
}

template <typename T>
bool Simulator<T>::parallel_over_batch(int n_qubits, uint64_t batch) const {
  return pool_->threads() > 1 && batch > 1 && n_qubits <= kMaxQubitsPerThreadSample;
}

template <typename T>
void Simulator<T>::prepare(const Circuit& circuit, const double* inputs_row, uint64_t sample,
                           Amp* state) const {
  const uint64_t size = uint64_t{1} << circuit.n_qubits();
  switch (circuit.initial_state()) {
    case InitialState::kZero:
    case InitialState::kBasis:
      for (uint64_t i = 0; i < size; ++i) state[i] = Amp(0, 0);
      state[circuit.initial_state() == InitialState::kZero ? 0 : circuit.initial_basis()] = Amp(1, 0);
      return;
    case InitialState::kAmplitudes: {
      const double* x = inputs_row + circuit.amplitude_offset();
      const uint64_t length = static_cast<uint64_t>(circuit.amplitude_length());
      double norm2 = 0;
      for (uint64_t i = 0; i < length; ++i) norm2 += x[i] * x[i];
      if (!(norm2 > 0)) {
        throw Error(QDCNN_ERROR_ZERO_NORM,
                    "inputs of sample " + std::to_string(sample) + ": the amplitude slice [" +
                        std::to_string(circuit.amplitude_offset()) + ", " +
                        std::to_string(circuit.amplitude_offset() + circuit.amplitude_length()) +
                        ") is all zeros and cannot be normalised");
      }
      const double inv = 1.0 / std::sqrt(norm2);
      for (uint64_t i = 0; i < length; ++i) state[i] = Amp(static_cast<T>(x[i] * inv), 0);
      for (uint64_t i = length; i < size; ++i) state[i] = Amp(0, 0);
      return;
    }
  }
}

template <typename T>
void Simulator<T>::apply_matrix(Amp* state, int n_qubits, const int* qubits, int k,
                                const Amp* matrix, bool parallel) {
  const uint64_t groups = uint64_t{1} << (n_qubits - k);
  const ApplyMatrixFn<T> fn = kernels_->apply<T>();
  if (parallel && pool_->threads() > 1 && groups >= kMinParallelGroups) {
    pool_->parallel_for(groups, kGroupAlignment, [&](uint64_t begin, uint64_t end, int) {
      fn(state, n_qubits, qubits, k, matrix, begin, end);
    });
  } else {
    fn(state, n_qubits, qubits, k, matrix, 0, groups);
  }
}

template <typename T>
double Simulator<T>::real_inner(const Amp* bra, const Amp* ket, int n_qubits, const int* qubits,
                                int k, const Amp* matrix, bool parallel) {
  const uint64_t groups = uint64_t{1} << (n_qubits - k);
  const RealInnerFn<T> fn = kernels_->real_inner<T>();
  if (parallel && pool_->threads() > 1 && groups >= kMinParallelGroups) {
    std::vector<double> partial(static_cast<size_t>(pool_->threads()), 0.0);
    pool_->parallel_for(groups, kGroupAlignment, [&](uint64_t begin, uint64_t end, int thread) {
      partial[static_cast<size_t>(thread)] = fn(bra, ket, n_qubits, qubits, k, matrix, begin, end);
    });
    double total = 0;
    for (double p : partial) total += p;
    return total;
  }
  return fn(bra, ket, n_qubits, qubits, k, matrix, 0, groups);
}

template <typename T>
void Simulator<T>::apply_program(const Circuit& circuit, const Program<T>& program,
                                 const double* params, const double* inputs_row, Amp* state,
                                 int n_qubits, Scratch& scratch, bool parallel) {
  for (const Step<T>& step : program.steps) {
    const Amp* m = step.matrix.data();
    if (step.per_sample) {
      step_matrix(circuit, step, params, inputs_row, scratch.matrix.data());
      m = scratch.matrix.data();
    }
    apply_matrix(state, n_qubits, step.qubits, step.k, m, parallel);
  }
}

template <typename T>
void Simulator<T>::run(const Circuit& circuit, const double* params, const double* inputs,
                       StateVector<T>& state) {
  prepare(circuit, inputs, 0, state.data());
  apply(circuit, params, inputs, state);
}

template <typename T>
void Simulator<T>::apply(const Circuit& circuit, const double* params, const double* inputs,
                         StateVector<T>& state) {
  const Program<T> program = compile_program<T>(circuit, params, fusion_);
  Scratch& s = scratch_[0];
  const size_t max_dim2 = size_t{1} << (2 * QDCNN_MAX_FUSED_QUBITS);
  s.matrix.resize(max_dim2);
  apply_program(circuit, program, params, inputs, state.data(), circuit.n_qubits(), s, true);
}

template <typename T>
void Simulator<T>::forward(const Circuit& circuit, const Observable& observable,
                           const double* params, const double* inputs, uint64_t batch,
                           double* outputs) {
  const int n = circuit.n_qubits();
  if (use_lanes(n, batch)) {
    lane_forward(*this, circuit, observable, params, inputs, batch, outputs);
    return;
  }
  const Program<T> program = compile_program<T>(circuit, params, fusion_);
  const uint64_t n_inputs = static_cast<uint64_t>(circuit.n_inputs());
  const uint64_t n_outputs = static_cast<uint64_t>(observable.n_outputs());
  auto run_samples = [&](uint64_t begin, uint64_t end, int thread, bool parallel_gates) {
    Scratch& s = scratch(thread, n, false);
    for (uint64_t b = begin; b < end; ++b) {
      const double* row = inputs ? inputs + b * n_inputs : nullptr;
      Amp* psi = s.psi->data();
      prepare(circuit, row, b, psi);
      apply_program(circuit, program, params, row, psi, n, s, parallel_gates);
      expectations(psi, observable, outputs + b * n_outputs);
    }
  };
  if (parallel_over_batch(n, batch)) {
    for (int t = 0; t < pool_->threads(); ++t) scratch(t, n, false);  // allocate outside the workers
    pool_->parallel_for(batch, 1, [&](uint64_t begin, uint64_t end, int thread) {
      run_samples(begin, end, thread, false);
    });
  } else {
    run_samples(0, batch, 0, true);
  }
}

template class Simulator<float>;
template class Simulator<double>;

}  // namespace qdcnn
