#pragma once
// Error plumbing of the C ABI: thread-local last error, and the catch-all wrapper every export
// runs its body in, so no exception crosses the boundary.
#include <new>
#include <string>

#include "core/errors.h"
#include "io/parsed_circuit.h"
#include "qdcnn/qdcnn.h"

namespace qdcnn::capi {

void set_last_error(const std::string& message);
void clear_last_error();

// Runs body(); maps exceptions to statuses and sets the last error prefixed with `function`.
template <typename Body>
qdcnn_status guarded(const char* function, Body&& body) noexcept {
  try {
    body();
    return QDCNN_OK;
  } catch (const Error& e) {
    set_last_error(std::string(function) + ": " + e.what());
    return e.status();
  } catch (const io::ParseError& e) {
    set_last_error(std::string(function) + ": " + e.what());
    return QDCNN_ERROR_PARSE;
  } catch (const std::bad_alloc&) {
    set_last_error(std::string(function) + ": out of memory");
    return QDCNN_ERROR_OUT_OF_MEMORY;
  } catch (const std::exception& e) {
    set_last_error(std::string(function) + ": internal error: " + e.what());
    return QDCNN_ERROR_INTERNAL;
  } catch (...) {
    set_last_error(std::string(function) + ": internal error: unknown exception");
    return QDCNN_ERROR_INTERNAL;
  }
}

}  // namespace qdcnn::capi
