#pragma once
// The operations an API program is made of. Each reads its operands from the program, calls one
// area of the C ABI (one file per area) and checks what the header promises about the result.
#include "api/handle_pool.h"
#include "api/program_reader.h"

namespace qdcnn::fuzz {

using Operation = void (*)(ProgramReader& reader, HandlePool& pool);

// library_operations.cpp
void library_queries(ProgramReader& reader, HandlePool& pool);
void gate_matrix(ProgramReader& reader, HandlePool& pool);

// circuit_operations.cpp
void circuit_create(ProgramReader& reader, HandlePool& pool);
void circuit_create_large(ProgramReader& reader, HandlePool& pool);
void circuit_destroy(ProgramReader& reader, HandlePool& pool);
void circuit_add_gate(ProgramReader& reader, HandlePool& pool);
void circuit_add_unitary(ProgramReader& reader, HandlePool& pool);
void circuit_set_initial_basis(ProgramReader& reader, HandlePool& pool);
void circuit_set_initial_amplitudes(ProgramReader& reader, HandlePool& pool);
void circuit_declare(ProgramReader& reader, HandlePool& pool);
void circuit_info(ProgramReader& reader, HandlePool& pool);
void circuit_to_qasm(ProgramReader& reader, HandlePool& pool);

// observable_operations.cpp
void observable_create(ProgramReader& reader, HandlePool& pool);
void observable_destroy(ProgramReader& reader, HandlePool& pool);
void observable_add_z(ProgramReader& reader, HandlePool& pool);
void observable_add_term(ProgramReader& reader, HandlePool& pool);

// state_operations.cpp
void state_create(ProgramReader& reader, HandlePool& pool);
void state_destroy(ProgramReader& reader, HandlePool& pool);
void state_set_basis(ProgramReader& reader, HandlePool& pool);
void state_set_real_amplitudes(ProgramReader& reader, HandlePool& pool);
void state_set_amplitudes(ProgramReader& reader, HandlePool& pool);
void state_read(ProgramReader& reader, HandlePool& pool);
void state_expectation(ProgramReader& reader, HandlePool& pool);
void state_sample(ProgramReader& reader, HandlePool& pool);

// simulator_operations.cpp
void simulator_create(ProgramReader& reader, HandlePool& pool);
void simulator_destroy(ProgramReader& reader, HandlePool& pool);
void simulator_configure(ProgramReader& reader, HandlePool& pool);
void simulator_run(ProgramReader& reader, HandlePool& pool);

// batch_operations.cpp
void simulator_forward(ProgramReader& reader, HandlePool& pool);
void simulator_backward(ProgramReader& reader, HandlePool& pool);

// differential_operations.cpp
void compare_execution_settings(ProgramReader& reader, HandlePool& pool);

}  // namespace qdcnn::fuzz
