#pragma once
// The one exception type the core throws; the C ABI maps it to a status and message.
#include <stdexcept>
#include <string>

#include "qdcnn/qdcnn.h"

namespace qdcnn {

class Error : public std::runtime_error {
 public:
  Error(qdcnn_status status, const std::string& message)
      : std::runtime_error(message), status_(status) {}
  qdcnn_status status() const noexcept { return status_; }

 private:
  qdcnn_status status_;
};

}  // namespace qdcnn
