#include "capi/status.h"

#include "capi/handles.h"

namespace qdcnn::capi {
namespace {
thread_local std::string last_error;
}  // namespace

void set_last_error(const std::string& message) {
  try {
    last_error = message;
  } catch (...) {
    last_error.clear();
  }
}

void clear_last_error() { last_error.clear(); }

const char* last_error_text() { return last_error.c_str(); }

std::atomic<int64_t>& live_handle_count() {
  static std::atomic<int64_t> count{0};
  return count;
}

}  // namespace qdcnn::capi
