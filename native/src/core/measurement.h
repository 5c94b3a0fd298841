#pragma once
// Reading a state: norms, probabilities, Pauli expectations, folded observables, sampling.
#include <complex>
#include <cstdint>

#include "core/observable.h"

namespace qdcnn {

template <typename T>
double norm_squared(const std::complex<T>* state, uint64_t size);

template <typename T>
void probabilities(const std::complex<T>* state, uint64_t size, double* out);

// <state| term |state> (real: every Pauli string is Hermitian).
template <typename T>
double expectation(const std::complex<T>* state, int n_qubits, const PauliTerm& term);

// One value per output; out holds observable.n_outputs() values.
template <typename T>
void expectations(const std::complex<T>* state, const Observable& observable, double* out);

// out = sum_o weights[o] * O_o |state>: the upstream gradient folded into one observable.
// Precondition: out does not alias state.
template <typename T>
void apply_weighted_observable(const std::complex<T>* state, const Observable& observable,
                               const double* weights, std::complex<T>* out);

// Draws `shots` indices from |state|^2 (normalised by the state's own norm).
template <typename T>
void sample(const std::complex<T>* state, uint64_t size, uint64_t seed, uint64_t shots,
            uint64_t* out);

}  // namespace qdcnn
