#pragma once
// Leak check per fuzz input: the live-handle count must be back where it started once the
// harness has destroyed everything it created.
#include <cstdint>

#include "common/contract.h"
#include "qdcnn/qdcnn.h"

namespace qdcnn::fuzz {

inline int64_t live_handles() {
  int64_t count = -1;
  if (qdcnn_debug_live_handles(&count) != QDCNN_OK || count < 0) {
    contract_violation("qdcnn_debug_live_handles", "could not read the live-handle count");
  }
  return count;
}

// Remembers the count at construction; verify() traps if it differs.
class LiveHandleBaseline {
 public:
  LiveHandleBaseline() : start_(live_handles()) {}
  void verify() const {
    if (live_handles() != start_) {
      contract_violation("qdcnn_debug_live_handles",
                         "the live-handle count differs after destroying every handle");
    }
  }

 private:
  int64_t start_;
};

}  // namespace qdcnn::fuzz
