#include "io/angle_expression.h"

#include <cmath>
#include <cstdlib>
#include <string>

#include "io/parsed_circuit.h"

namespace qdcnn::io {
namespace {

constexpr double kPi = 3.14159265358979323846;

// Nesting limit (parentheses, unary signs, powers): bounded recursion on hostile input.
constexpr int kMaxDepth = 200;

// Counts the nesting of the recursive descent; throws past kMaxDepth.
class DepthGuard {
 public:
  DepthGuard(int& depth, int line) : depth_(depth) {
    if (++depth_ > kMaxDepth) {
      --depth_;
      throw ParseError(line, "angle expression nested more than " + std::to_string(kMaxDepth) +
                                 " levels deep");
    }
  }
  ~DepthGuard() { --depth_; }
  DepthGuard(const DepthGuard&) = delete;
  DepthGuard& operator=(const DepthGuard&) = delete;

 private:
  int& depth_;
};

thread_local int expression_depth = 0;

double parse_sum(TokenCursor& cursor);

double parse_primary(TokenCursor& cursor) {
  const Token& token = cursor.next();
  if (token.kind == TokenKind::Integer || token.kind == TokenKind::Real) {
    return std::strtod(token.text.c_str(), nullptr);
  }
  if (token.kind == TokenKind::Identifier) {
    if (token.text == "pi") return kPi;
    double (*function)(double) = nullptr;
    if (token.text == "sin") function = [](double x) { return std::sin(x); };
    if (token.text == "cos") function = [](double x) { return std::cos(x); };
    if (token.text == "tan") function = [](double x) { return std::tan(x); };
    if (token.text == "exp") function = [](double x) { return std::exp(x); };
    if (token.text == "ln") function = [](double x) { return std::log(x); };
    if (token.text == "sqrt") function = [](double x) { return std::sqrt(x); };
    if (function == nullptr) {
      throw ParseError(token.line, "unknown identifier '" + token.text +
                                       "' in angle expression (only pi and sin cos tan exp "
                                       "ln sqrt are known)");
    }
    cursor.expect("(", "after function '" + token.text + "'");
    const double argument = parse_sum(cursor);
    cursor.expect(")", "closing the argument of '" + token.text + "'");
    return function(argument);
  }
  if (token.kind == TokenKind::Symbol && token.text == "(") {
    const double value = parse_sum(cursor);
    cursor.expect(")", "closing the parenthesis");
    return value;
  }
  throw ParseError(token.line, "expected a number, pi or '(' in angle expression, found " +
                                   describe(token));
}

double parse_unary(TokenCursor& cursor);

// power := primary ['^' unary]   (right-associative: 2^-1 and 2^3^2 = 2^9 work)
double parse_power(TokenCursor& cursor) {
  const double base = parse_primary(cursor);
  if (cursor.accept("^")) return std::pow(base, parse_unary(cursor));
  return base;
}

double parse_unary(TokenCursor& cursor) {
  DepthGuard guard(expression_depth, cursor.peek().line);
  if (cursor.accept("-")) return -parse_unary(cursor);
  if (cursor.accept("+")) return parse_unary(cursor);
  return parse_power(cursor);
}

double parse_product(TokenCursor& cursor) {
  double value = parse_unary(cursor);
  while (true) {
    if (cursor.accept("*")) {
      value *= parse_unary(cursor);
    } else if (cursor.accept("/")) {
      value /= parse_unary(cursor);
    } else {
      return value;
    }
  }
}

double parse_sum(TokenCursor& cursor) {
  double value = parse_product(cursor);
  while (true) {
    if (cursor.accept("+")) {
      value += parse_product(cursor);
    } else if (cursor.accept("-")) {
      value -= parse_product(cursor);
    } else {
      return value;
    }
  }
}

}  // namespace

double parse_angle_expression(TokenCursor& cursor) {
  const int line = cursor.peek().line;
  const double value = parse_sum(cursor);
  if (!std::isfinite(value)) {
    throw ParseError(line, "angle expression is not finite (division by zero or overflow?)");
  }
  return value;
}

}  // namespace qdcnn::io
