// Circuit entry points: building, inspecting, reading and writing circuit files.
#include <cstring>
#include <memory>
#include <string>

#include "capi/circuit_builder.h"
#include "capi/handles.h"
#include "capi/status.h"
#include "capi/validate.h"
#include "io/parsed_circuit.h"

using namespace qdcnn;
using namespace qdcnn::capi;

namespace {

void require_circuit_qubits(int64_t n_qubits, const char* argument) {
  if (n_qubits < 1) {
    throw Error(QDCNN_ERROR_OUT_OF_RANGE,
                std::string(argument) + " = " + std::to_string(n_qubits) + " must be at least 1");
  }
  if (n_qubits > QDCNN_MAX_QUBITS) {
    throw Error(QDCNN_ERROR_TOO_MANY_QUBITS, std::string(argument) + " = " +
                                                 std::to_string(n_qubits) + " exceeds " +
                                                 std::to_string(QDCNN_MAX_QUBITS));
  }
}

std::unique_ptr<qdcnn_circuit> from_parsed(const io::ParsedCircuit& parsed) {
  require_circuit_qubits(parsed.n_qubits, "qubit count in the file");
  auto handle = std::make_unique<qdcnn_circuit>(parsed.n_qubits);
  for (size_t i = 0; i < parsed.ops.size(); ++i) {
    const io::ParsedOp& p = parsed.ops[i];
    handle->circuit.add(constant_operation(handle->circuit, p.gate, p.qubits.data(),
                                           p.qubits.size(), p.angles.data(), p.angles.size(),
                                           p.matrix.data(), p.matrix.size(),
                                           "operation " + std::to_string(i)));
  }
  return handle;
}

}  // namespace

extern "C" {

QDCNN_API qdcnn_status qdcnn_circuit_create(int32_t n_qubits, qdcnn_circuit** circuit) {
  return guarded(__func__, [&] {
    require_non_null(circuit, "circuit");
    require_circuit_qubits(n_qubits, "n_qubits");
    *circuit = new qdcnn_circuit(n_qubits);
  });
}

QDCNN_API qdcnn_status qdcnn_circuit_destroy(qdcnn_circuit* circuit) {
  return guarded(__func__, [&] { delete circuit; });
}

QDCNN_API qdcnn_status qdcnn_circuit_add_gate(qdcnn_circuit* circuit, int32_t gate,
                                              const int32_t* qubits, size_t n_qubits,
                                              const int32_t* sources, const int32_t* indices,
                                              const double* scales, const double* offsets,
                                              size_t n_angles) {
  return guarded(__func__, [&] {
    require_non_null(circuit, "circuit");
    const GateInfo* info = find_gate(gate);
    if (!info) {
      throw Error(QDCNN_ERROR_UNKNOWN_GATE, "gate = " + std::to_string(gate) + " is not a qdcnn_gate");
    }
    if (gate == QDCNN_GATE_UNITARY1 || gate == QDCNN_GATE_UNITARY2) {
      throw Error(QDCNN_ERROR_UNKNOWN_GATE, std::string("gate = ") + info->name +
                                                " is not allowed here; use qdcnn_circuit_add_unitary");
    }
    const Circuit& c = circuit->circuit;
    check_gate_qubits(c, qubits, n_qubits, info->n_qubits, "qubits");
    require_length(n_angles, static_cast<uint64_t>(info->n_angles), "n_angles");
    Operation op;
    op.gate = gate;
    op.n_qubits = info->n_qubits;
    for (int j = 0; j < info->n_qubits; ++j) op.qubits[j] = qubits[j];
    op.n_angles = info->n_angles;
    if (n_angles > 0) {
      require_non_null(sources, "sources");
      require_non_null(indices, "indices");
      require_non_null(scales, "scales");
      require_non_null(offsets, "offsets");
    }
    for (size_t j = 0; j < n_angles; ++j) {
      const std::string at = "[" + std::to_string(j) + "]";
      AngleBinding& b = op.angles[j];
      b.source = sources[j];
      if (b.source != QDCNN_ANGLE_CONSTANT && b.source != QDCNN_ANGLE_PARAMETER &&
          b.source != QDCNN_ANGLE_INPUT) {
        throw Error(QDCNN_ERROR_INVALID_ARGUMENT, "sources" + at + " = " +
                                                      std::to_string(b.source) +
                                                      " is not a qdcnn_angle_source");
      }
      b.index = b.source == QDCNN_ANGLE_CONSTANT ? 0 : indices[j];
      // INT32_MAX is excluded so that the inferred count (index + 1) still fits in int32.
      if (b.source != QDCNN_ANGLE_CONSTANT && (indices[j] < 0 || indices[j] == INT32_MAX)) {
        throw Error(QDCNN_ERROR_OUT_OF_RANGE, "indices" + at + " = " +
                                                  std::to_string(indices[j]) +
                                                  " must be in 0..INT32_MAX-1");
      }
      b.scale = b.source == QDCNN_ANGLE_CONSTANT ? 1.0 : scales[j];
      b.offset = offsets[j];
      if (b.source != QDCNN_ANGLE_CONSTANT) require_finite(scales[j], "scales" + at);
      require_finite(offsets[j], "offsets" + at);
    }
    circuit->circuit.add(op);
  });
}

QDCNN_API qdcnn_status qdcnn_circuit_add_unitary(qdcnn_circuit* circuit, const int32_t* qubits,
                                                 size_t n_qubits, const double* matrix,
                                                 size_t matrix_length) {
  return guarded(__func__, [&] {
    require_non_null(circuit, "circuit");
    if (n_qubits != 1 && n_qubits != 2) {
      throw Error(QDCNN_ERROR_BUFFER_LENGTH,
                  "n_qubits = " + std::to_string(n_qubits) + " but must be 1 or 2");
    }
    const Circuit& c = circuit->circuit;
    check_gate_qubits(c, qubits, n_qubits, static_cast<int>(n_qubits), "qubits");
    const uint64_t dim2 = uint64_t{1} << (2 * n_qubits);
    require_buffer(matrix, matrix_length, 2 * dim2, "matrix", "matrix_length");
    require_all_finite(matrix, matrix_length, "matrix");
    std::vector<cdouble> m(dim2);
    for (uint64_t i = 0; i < dim2; ++i) m[i] = {matrix[2 * i], matrix[2 * i + 1]};
    check_unitary(m.data(), static_cast<int>(n_qubits), "matrix");
    Operation op;
    op.gate = n_qubits == 1 ? QDCNN_GATE_UNITARY1 : QDCNN_GATE_UNITARY2;
    op.n_qubits = static_cast<int>(n_qubits);
    for (size_t j = 0; j < n_qubits; ++j) op.qubits[j] = qubits[j];
    op.matrix = std::move(m);
    circuit->circuit.add(op);
  });
}

QDCNN_API qdcnn_status qdcnn_circuit_set_initial_basis(qdcnn_circuit* circuit, uint64_t index) {
  return guarded(__func__, [&] {
    require_non_null(circuit, "circuit");
    const int n = circuit->circuit.n_qubits();
    if (index >= (uint64_t{1} << n)) {
      throw Error(QDCNN_ERROR_OUT_OF_RANGE, "index = " + std::to_string(index) +
                                                " is out of range for a " + std::to_string(n) +
                                                "-qubit circuit");
    }
    circuit->circuit.set_initial_basis(index);
  });
}

QDCNN_API qdcnn_status qdcnn_circuit_set_initial_amplitudes(qdcnn_circuit* circuit,
                                                            int32_t input_offset, int32_t length) {
  return guarded(__func__, [&] {
    require_non_null(circuit, "circuit");
    const int n = circuit->circuit.n_qubits();
    if (input_offset < 0) {
      throw Error(QDCNN_ERROR_OUT_OF_RANGE,
                  "input_offset = " + std::to_string(input_offset) + " must be >= 0");
    }
    if (length < 1 || static_cast<uint64_t>(length) > (uint64_t{1} << n)) {
      throw Error(QDCNN_ERROR_OUT_OF_RANGE, "length = " + std::to_string(length) +
                                                " must be in 1.." +
                                                std::to_string(uint64_t{1} << n));
    }
    if (int64_t{input_offset} + length > INT32_MAX) {
      throw Error(QDCNN_ERROR_OUT_OF_RANGE, "input_offset + length overflows int32");
    }
    circuit->circuit.set_initial_amplitudes(input_offset, length);
  });
}

QDCNN_API qdcnn_status qdcnn_circuit_declare(qdcnn_circuit* circuit, int32_t n_params,
                                             int32_t n_inputs) {
  return guarded(__func__, [&] {
    require_non_null(circuit, "circuit");
    if (n_params < 0) {
      throw Error(QDCNN_ERROR_OUT_OF_RANGE, "n_params = " + std::to_string(n_params) + " must be >= 0");
    }
    if (n_inputs < 0) {
      throw Error(QDCNN_ERROR_OUT_OF_RANGE, "n_inputs = " + std::to_string(n_inputs) + " must be >= 0");
    }
    circuit->circuit.declare(n_params, n_inputs);
  });
}

QDCNN_API qdcnn_status qdcnn_circuit_info(const qdcnn_circuit* circuit, int32_t* n_qubits,
                                          int64_t* n_gates, int32_t* n_params,
                                          int32_t* n_inputs) {
  return guarded(__func__, [&] {
    require_non_null(circuit, "circuit");
    const Circuit& c = circuit->circuit;
    if (n_qubits) *n_qubits = c.n_qubits();
    if (n_gates) *n_gates = static_cast<int64_t>(c.operations().size());
    if (n_params) *n_params = c.n_params();
    if (n_inputs) *n_inputs = c.n_inputs();
  });
}

QDCNN_API qdcnn_status qdcnn_circuit_from_qasm(const char* text, size_t length,
                                               qdcnn_circuit** circuit) {
  return guarded(__func__, [&] {
    require_non_null(circuit, "circuit");
    if (length > 0) require_non_null(text, "text");
    const io::ParsedCircuit parsed = io::parse_qasm(std::string_view(text ? text : "", length));
    *circuit = from_parsed(parsed).release();
  });
}

QDCNN_API qdcnn_status qdcnn_circuit_from_qsim(const char* text, size_t length,
                                               qdcnn_circuit** circuit) {
  return guarded(__func__, [&] {
    require_non_null(circuit, "circuit");
    if (length > 0) require_non_null(text, "text");
    const io::ParsedCircuit parsed = io::parse_qsim(std::string_view(text ? text : "", length));
    *circuit = from_parsed(parsed).release();
  });
}

QDCNN_API qdcnn_status qdcnn_circuit_to_qasm(const qdcnn_circuit* circuit, const double* params,
                                             size_t n_params, const double* inputs,
                                             size_t n_inputs, char* buffer, size_t capacity,
                                             size_t* required) {
  return guarded(__func__, [&] {
    require_non_null(circuit, "circuit");
    require_non_null(required, "required");
    if (capacity > 0) require_non_null(buffer, "buffer");
    const Circuit& c = circuit->circuit;
    require_buffer(params, n_params, static_cast<uint64_t>(c.n_params()), "params", "n_params");
    require_buffer(inputs, n_inputs, static_cast<uint64_t>(c.n_inputs()), "inputs", "n_inputs");
    require_all_finite(params, n_params, "params");
    require_all_finite(inputs, n_inputs, "inputs");
    if (c.initial_state() == InitialState::kAmplitudes) {
      throw Error(QDCNN_ERROR_UNSUPPORTED,
                  "circuit starts from an amplitude encoding, which OpenQASM 2.0 cannot express");
    }
    io::ParsedCircuit parsed;
    parsed.n_qubits = c.n_qubits();
    if (c.initial_state() == InitialState::kBasis) {
      for (int q = 0; q < c.n_qubits(); ++q) {
        if ((c.initial_basis() >> q) & 1) parsed.ops.push_back({QDCNN_GATE_X, {q}, {}, {}});
      }
    }
    for (const Operation& op : c.operations()) {
      io::ParsedOp p;
      p.gate = op.gate;
      p.qubits.assign(op.qubits, op.qubits + op.n_qubits);
      for (int a = 0; a < op.n_angles; ++a) p.angles.push_back(op.angles[a].value(params, inputs));
      p.matrix = op.matrix;
      parsed.ops.push_back(std::move(p));
    }
    std::string text;
    try {
      text = io::write_qasm(parsed);
    } catch (const std::invalid_argument& e) {
      throw Error(QDCNN_ERROR_UNSUPPORTED, e.what());
    }
    if (capacity > text.size()) {
      std::memcpy(buffer, text.data(), text.size());
      buffer[text.size()] = '\0';
    }
    *required = text.size();
  });
}

}  // extern "C"
