#pragma once
// Adjoint differentiation on the batch-major (lane) path: the method of adjoint.h applied to a
// chunk of kLanes<T> samples at once, every gate, adjoint and <lambda| dU |psi> one lane-kernel
// call for the whole chunk; chunks spread over the simulator's threads.
#include <cstdint>

#include "core/observable.h"
#include "core/simulator.h"

namespace qdcnn {

// Same contract as adjoint_backward; used when simulator.use_lanes(n_qubits, batch).
template <typename T>
void lane_adjoint_backward(Simulator<T>& simulator, const Circuit& circuit,
                           const Observable& observable, const double* params,
                           const double* inputs, uint64_t batch, const double* grad_outputs,
                           double* grad_inputs, double* grad_params);

}  // namespace qdcnn
