#pragma once
// The product-state start of a lane program (LaneProgram::prefix): every qubit's prefix ops
// applied to its bit of the initial basis state give one 2-vector per qubit and lane (a
// "factor"); the chunk's state is their tensor product, built in about two passes instead of one
// pass per prefix op. In the adjoint, the gradients of all prefix angles come from contracting
// the bra with the factors (about four read passes) instead of undoing each prefix op.
#include <vector>

#include "core/circuit.h"
#include "core/lane_program.h"

namespace qdcnn {

// factors[(q * L + l) * 2 + b]: entry b of qubit q's factor in lane l (L = kLanes<T>).
// With derivatives, also derivatives[((k * 3 + j) * L + l) * 2 + b]: the factor of prefix op
// k's qubit differentiated by its diffs[j]. rows[l]: lane l's inputs row (may be null when no
// prefix op depends on inputs).
template <typename T>
void lane_product_factors(const Circuit& circuit, const LaneProgram<T>& program,
                          const double* params, const double* const* rows, bool with_derivatives,
                          std::vector<cdouble>& factors, std::vector<cdouble>& derivatives);

// Writes the tensor product of the factors as the chunk's state (im unused when real).
template <typename T>
void lane_build_product_state(int n_qubits, const cdouble* factors, bool real, T* re, T* im);

// contracted[(q * L + l) * 2 + b] = sum over rows i with bit q = b of
// lambda_i * prod_{q' != q} conj(factor_q'[bit q' of i]), per lane. Then the derivative of
// Re <lambda|psi> through qubit q's factor f is Re sum_b f'[b] conj(contracted[b]).
// Destroys lre/lim. arena: 2^n * L values per plane (real: one plane, else two).
template <typename T>
void lane_contract_product(int n_qubits, const cdouble* factors, bool real, T* lre, T* lim,
                           T* arena, cdouble* contracted);

}  // namespace qdcnn
