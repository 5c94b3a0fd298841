#pragma once
// Adjoint differentiation (as PennyLane-Lightning does it): one forward pass per sample, the
// upstream gradient folded into a single observable that gives the bra lambda = sum_o g_o O_o psi,
// then a backward sweep that undoes one gate at a time on both bra and ket and accumulates
// 2 Re <lambda| dU/dtheta |psi_before> for every non-constant angle. Two state vectors per sample.
#include <cstdint>

#include "core/simulator.h"

namespace qdcnn {

// grad_inputs (batch x n_inputs) and grad_params (n_params, summed over the batch) may be null;
// they are written only when the whole batch succeeds. grad_outputs is batch x n_outputs.
// Preconditions as Simulator::forward.
template <typename T>
void adjoint_backward(Simulator<T>& simulator, const Circuit& circuit,
                      const Observable& observable, const double* params, const double* inputs,
                      uint64_t batch, const double* grad_outputs, double* grad_inputs,
                      double* grad_params);

}  // namespace qdcnn
