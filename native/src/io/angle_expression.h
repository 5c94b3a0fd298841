#pragma once
// Constant angle expressions of OpenQASM 2.0: numbers (with exponents), pi, unary + and -,
// binary + - * / ^ (power, right-associative, binding tighter than unary minus), parentheses,
// and the functions sin cos tan exp ln sqrt.
#include "io/qasm_lexer.h"

namespace qdcnn::io {

// Parses one expression at the cursor and returns its value. Throws ParseError (naming the
// line) on a syntax error, an unknown identifier or a result that is NaN or infinite.
double parse_angle_expression(TokenCursor& cursor);

}  // namespace qdcnn::io
