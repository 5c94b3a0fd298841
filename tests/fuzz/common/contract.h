#pragma once
// Checks of the C ABI's general contract (qdcnn.h, "Conventions"), shared by every fuzzer.
// A violation is a bug in the library: it is printed and turned into a crash (__builtin_trap)
// so that libFuzzer records the input.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "qdcnn/qdcnn.h"

namespace qdcnn::fuzz {

// Prints the violated rule and crashes. Never returns.
[[noreturn]] inline void contract_violation(const char* call, const char* rule) {
  std::fprintf(stderr, "\nqdcnn fuzz: contract violation in %s: %s\n", call, rule);
  std::fflush(stderr);
  __builtin_trap();
}

// QDCNN_FUZZ_TRACE set: every checked call and its status is printed (for reading a crash input).
inline bool trace_enabled() {
  static const bool enabled = std::getenv("QDCNN_FUZZ_TRACE") != nullptr;
  return enabled;
}

inline bool is_known_status(int32_t status) {
  return (status >= QDCNN_OK && status <= QDCNN_ERROR_ZERO_NORM) || status == QDCNN_ERROR_INTERNAL;
}

// Every returned status must be a known code; every failure must leave a non-empty, named
// last-error message; QDCNN_ERROR_INTERNAL is a library bug by definition. Returns `status`.
inline qdcnn_status check_status(qdcnn_status status, const char* call) {
  if (trace_enabled()) std::fprintf(stderr, "qdcnn fuzz:   %s -> %d\n", call, static_cast<int>(status));
  if (!is_known_status(status)) contract_violation(call, "returned an unknown status code");
  if (status == QDCNN_OK) return status;
  const char* message = nullptr;
  if (qdcnn_error_message(&message) != QDCNN_OK || message == nullptr || message[0] == '\0') {
    contract_violation(call, "failed without a last-error message");
  }
  if (status == QDCNN_ERROR_INTERNAL) {
    std::fprintf(stderr, "qdcnn fuzz: %s: %s\n", call, message);
    contract_violation(call, "returned QDCNN_ERROR_INTERNAL (a library bug by definition)");
  }
  const char* name = nullptr;
  if (qdcnn_status_name(status, &name) != QDCNN_OK || name == nullptr || name[0] == '\0') {
    contract_violation(call, "qdcnn_status_name has no name for a status the library returned");
  }
  return status;
}

// For calls whose arguments are invalid by the header's own rules: they must not succeed.
inline void expect_rejected(qdcnn_status status, const char* call, const char* why) {
  if (status == QDCNN_OK) contract_violation(call, why);
}

// For calls whose arguments are valid by the header's own rules: they must succeed.
inline void expect_ok(qdcnn_status status, const char* call, const char* why) {
  if (status != QDCNN_OK) {
    const char* message = "";
    qdcnn_error_message(&message);
    std::fprintf(stderr, "qdcnn fuzz: %s failed: %s\n", call, message ? message : "(null)");
    contract_violation(call, why);
  }
}

}  // namespace qdcnn::fuzz
