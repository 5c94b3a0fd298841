#include "io/parsed_circuit.h"

namespace qdcnn::io {

ParseError::ParseError(int line, const std::string& message)
    : std::runtime_error("line " + std::to_string(line) + ": " + message), line_(line) {}

int ParseError::line() const noexcept { return line_; }

}  // namespace qdcnn::io
