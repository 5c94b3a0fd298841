#!/usr/bin/env python3
"""Writes the hand-written seed programs of api_sequence_fuzzer into api_sequence_fuzzer/.

Each program is spelled out with helpers that mirror how the harness reads its input
(api/program_reader.h and the operations in api/*_operations.cpp): one opcode byte (its index in
kOperations of api_sequence_fuzzer.cpp), then the operands in the order the operation reads them.
A byte < 176 as a buffer's mode means "exactly the length the call needs"; a double operand
(0, k) means k / 8. Rerun after changing the operand order of an operation:
    python3 tests/fuzz/corpus/make_api_seeds.py
"""
import os

OP = dict(library_queries=0, gate_matrix=1, circuit_create=2, circuit_create_large=3,
          circuit_destroy=4, add_gate=5, add_unitary=6, initial_basis=7, initial_amplitudes=8,
          declare=9, circuit_info=10, to_qasm=11, observable_create=12, observable_destroy=13,
          add_z=14, add_term=15, state_create=16, state_destroy=17, set_basis=18,
          set_real_amplitudes=19, set_amplitudes=20, state_read=21, expectation=22, sample=23,
          simulator_create=24, simulator_destroy=25, configure=26, run=27, forward=28,
          backward=29, differential=30)
EXACT = 0  # buffer mode: exact length


def real(eighths):
    """A small double operand: eighths / 8 (eighths in -128..127)."""
    return [0, eighths & 0xFF]


def circuit(n):
    return [OP["circuit_create"], n - 1]


def gate(g, qubits, angles=()):
    """add_gate on circuit 0; angles are (source, index, scale_eighths, offset_eighths)."""
    out = [OP["add_gate"], 0, g, 0] + list(qubits)
    if len(qubits) >= 2:
        out.append(0)  # no forced duplicate
    out.append(0)  # angle count as the gate takes
    for source, index, scale, offset in angles:
        out += [source, index] + real(scale) + real(offset)
    return out + [0]  # no NULL arrays


def values(count, eighths=4):
    return [EXACT] + real(eighths) * count


bell = (
    circuit(2)
    + gate(1, [0])                           # H q0
    + gate(15, [0, 1])                       # CNOT q0 -> q1
    + gate(11, [1], [(1, 0, 8, 0)])          # RY(params[0]) q1
    + [OP["observable_create"], 1, OP["add_z"], 0, 0, OP["add_z"], 0, 1]
    + [OP["simulator_create"], 0]            # complex128
    + [OP["forward"], 0, 0, 0, 0, 2] + values(1) + [EXACT, EXACT]
    + [OP["backward"], 0, 0, 0, 0, 2] + values(1) + [EXACT] + values(4, 8) + [EXACT, EXACT]
    + [OP["state_create"], 1, 0, 0]
    + [OP["run"], 0, 0, 0, 0] + values(1) + [EXACT]
    + [OP["state_read"], 0, EXACT, EXACT]
    + [OP["expectation"], 0, 0, EXACT]
    + [OP["sample"], 0, 1, 2, 3, 4, 5, 6, 7, 8, 16, EXACT]
    + [OP["to_qasm"], 0] + values(1) + [EXACT]
    + [OP["differential"], 0, 0, 1, 3, 5, 6, 7, 8, 0, 2, 1]
    + [OP["configure"], 0, 2, 3]             # fusion 4
    + [OP["forward"], 0, 0, 0, 0, 1] + values(1) + [EXACT, EXACT]
)

amplitudes = (
    circuit(3)
    + [OP["initial_amplitudes"], 0, 0, 7, 0]          # inputs[0..8) amplitude-encoded
    + gate(11, [2], [(2, 8, 8, 0)])                   # RY(inputs[8]) q2
    + gate(20, [0, 1], [(1, 0, 8, 1)])                # CRZ(params[0] + 1/8)
    + [OP["add_unitary"], 0, 0, 1, 0, 1, 2, 0, 10, 20, 30, 40, 50, 60, 70, 80, 1, 0, EXACT]
    + [OP["observable_create"], 2]
    + [OP["add_term"], 0, 0] + real(4) + [2, 1, 0, 3, 2, 0, 0]   # 0.5 X0 Z2
    + [OP["add_z"], 0, 1]
    + [OP["simulator_create"], 1]                     # complex64
    + [OP["forward"], 1, 0, 0, 0, 3] + values(1) + values(27, 3) + [EXACT]
    + [OP["backward"], 0, 0, 0, 0, 3] + values(1) + values(27, 5) + values(6, 8) + [EXACT, EXACT]
    + [OP["differential"], 0, 0, 0] + [9] * 12 + [1, 1, 0]
    + [OP["circuit_info"], 0, OP["declare"], 0, 4, 12, OP["circuit_info"], 0]
)

invalid = (
    [OP["circuit_create"], 224, 0]                     # 0 qubits
    + [OP["circuit_create"], 224, 1]                   # -1 qubits
    + [OP["add_gate"], 0, 1, 0, 0, 0, 0]               # NULL circuit
    + circuit(2)
    + [OP["add_gate"], 0, 230, 1, 0, 0, 0, 0]          # unknown gate kind
    + [OP["add_gate"], 0, 15, 0, 1, 1, 0, 0, 0]        # CNOT on q1, q1
    + [OP["add_gate"], 0, 10, 0, 0, 0, 1, 0, 200, 14, 0, 0, 0]  # RX scale NaN
    + [OP["add_unitary"], 0, 0, 0, 0, 1, 1, 2, 3, 4, 250, EXACT, 3] + real(100)  # not unitary
    + [OP["state_create"], 1, 1]                       # complex64, 2 qubits
    + [OP["state_create"], 1, 0, 255]                  # complex128 at QDCNN_MAX_QUBITS
    + [OP["set_real_amplitudes"], 0, 3, 240, EXACT]    # all zero
    + [OP["set_amplitudes"], 0, 179]                   # NULL with the right length
    + [OP["observable_create"], 1, OP["add_z"], 0, 230, 2]
    + [OP["simulator_create"], 0]
    + [OP["configure"], 0, 1, 6, OP["configure"], 0, 2, 4, OP["configure"], 0, 0, 3]
    + [OP["forward"], 0, 0, 0, 0, 240, 0] + [EXACT, EXACT, EXACT]  # SIZE_MAX batch
    + [OP["run"], 0, 0, 0, 0, 178, EXACT]              # params length off by one
    + [OP["gate_matrix"], 230, 0, EXACT, EXACT, OP["gate_matrix"], 12, 183, EXACT]
    + [OP["circuit_create_large"], OP["library_queries"], 1, 2, 3, 4, 5]
)

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "api_sequence_fuzzer")
os.makedirs(here, exist_ok=True)
for name, program in [("bell_forward_backward", bell), ("amplitude_encoding_unitary", amplitudes),
                      ("invalid_arguments", invalid)]:
    with open(os.path.join(here, name + ".bin"), "wb") as f:
        f.write(bytes(b & 0xFF for b in program))
