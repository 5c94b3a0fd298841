// libFuzzer target: the input is a program of operations over the whole C ABI (see
// operations.h), run against a pool of at most four handles of each kind. After the program,
// every handle is destroyed and the live-handle count must be back where it started.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "api/handle_pool.h"
#include "api/operations.h"
#include "api/program_reader.h"
#include "common/live_handles.h"

namespace {

using qdcnn::fuzz::Operation;

// Opcode k (one byte, modulo the table size) runs kOperations[k]. Append only: the committed
// seed corpus encodes these positions.
constexpr Operation kOperations[] = {
    qdcnn::fuzz::library_queries,                 // 0
    qdcnn::fuzz::gate_matrix,                     // 1
    qdcnn::fuzz::circuit_create,                  // 2
    qdcnn::fuzz::circuit_create_large,            // 3
    qdcnn::fuzz::circuit_destroy,                 // 4
    qdcnn::fuzz::circuit_add_gate,                // 5
    qdcnn::fuzz::circuit_add_unitary,             // 6
    qdcnn::fuzz::circuit_set_initial_basis,       // 7
    qdcnn::fuzz::circuit_set_initial_amplitudes,  // 8
    qdcnn::fuzz::circuit_declare,                 // 9
    qdcnn::fuzz::circuit_info,                    // 10
    qdcnn::fuzz::circuit_to_qasm,                 // 11
    qdcnn::fuzz::observable_create,               // 12
    qdcnn::fuzz::observable_destroy,              // 13
    qdcnn::fuzz::observable_add_z,                // 14
    qdcnn::fuzz::observable_add_term,             // 15
    qdcnn::fuzz::state_create,                    // 16
    qdcnn::fuzz::state_destroy,                   // 17
    qdcnn::fuzz::state_set_basis,                 // 18
    qdcnn::fuzz::state_set_real_amplitudes,       // 19
    qdcnn::fuzz::state_set_amplitudes,            // 20
    qdcnn::fuzz::state_read,                      // 21
    qdcnn::fuzz::state_expectation,               // 22
    qdcnn::fuzz::state_sample,                    // 23
    qdcnn::fuzz::simulator_create,                // 24
    qdcnn::fuzz::simulator_destroy,               // 25
    qdcnn::fuzz::simulator_configure,             // 26
    qdcnn::fuzz::simulator_run,                   // 27
    qdcnn::fuzz::simulator_forward,               // 28
    qdcnn::fuzz::simulator_backward,              // 29
    qdcnn::fuzz::compare_execution_settings,      // 30
};
constexpr size_t kOperationCount = sizeof kOperations / sizeof kOperations[0];

// Longer programs add little coverage and slow every iteration down.
constexpr int kMaxOperations = 64;

// QDCNN_FUZZ_TRACE=1 prints each opcode as it runs (for reading a crash input).
const bool kTrace = std::getenv("QDCNN_FUZZ_TRACE") != nullptr;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  qdcnn::fuzz::LiveHandleBaseline baseline;
  qdcnn::fuzz::ProgramReader reader(data, size);
  qdcnn::fuzz::HandlePool pool;
  for (int step = 0; step < kMaxOperations && !reader.exhausted(); ++step) {
    const size_t opcode = reader.byte() % kOperationCount;
    if (kTrace) std::fprintf(stderr, "qdcnn fuzz: step %d: opcode %zu\n", step, opcode);
    kOperations[opcode](reader, pool);
  }
  pool.destroy_all();
  baseline.verify();
  return 0;
}
