#pragma once
// Runs a circuit on a fresh complex128 state and checks the numeric invariant every successful
// run must keep: the state stays normalised.
#include <cstddef>
#include <vector>

#include "qdcnn/qdcnn.h"

namespace qdcnn::fuzz {

// Largest register the fuzzers ever allocate (keeps each run to milliseconds and kilobytes).
constexpr int kMaxSimulatedQubits = 12;

// Runs `circuit` from its initial-state rule; on success fills `amplitudes` with the 2^n
// interleaved (re, im) amplitudes and returns true. Returns false when the library refuses the
// run (the status is checked) or the circuit is larger than kMaxSimulatedQubits.
// Traps when a successful run leaves a state whose squared norm is not 1 within 1e-6.
bool simulate_amplitudes(const qdcnn_circuit* circuit, const double* params, size_t n_params,
                         const double* inputs, size_t n_inputs, std::vector<double>& amplitudes);

// |<a|b>|^2 / (<a|a> <b|b>) for interleaved amplitude vectors of equal length: 1 when the states
// are equal up to a global phase.
double fidelity(const std::vector<double>& a, const std::vector<double>& b);

}  // namespace qdcnn::fuzz
