#include "io/qasm_lexer.h"

#include <cctype>

#include "io/parsed_circuit.h"

namespace qdcnn::io {
namespace {

bool is_identifier_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_identifier_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

}  // namespace

std::vector<Token> tokenize_qasm(std::string_view text) {
  std::vector<Token> tokens;
  int line = 1;
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\n') {
      ++line;
      ++i;
    } else if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (is_identifier_start(c)) {
      const size_t start = i;
      while (i < text.size() && is_identifier_char(text[i])) ++i;
      tokens.push_back({TokenKind::Identifier, std::string(text.substr(start, i - start)), line});
    } else if (is_digit(c) || (c == '.' && i + 1 < text.size() && is_digit(text[i + 1]))) {
      // integer: digits; real: digits [. digits] [e [+-] digits] with a '.' or an exponent.
      const size_t start = i;
      bool real = false;
      while (i < text.size() && is_digit(text[i])) ++i;
      if (i < text.size() && text[i] == '.') {
        real = true;
        ++i;
        while (i < text.size() && is_digit(text[i])) ++i;
      }
      if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        size_t j = i + 1;
        if (j < text.size() && (text[j] == '+' || text[j] == '-')) ++j;
        if (j < text.size() && is_digit(text[j])) {
          real = true;
          i = j;
          while (i < text.size() && is_digit(text[i])) ++i;
        } else {
          throw ParseError(line, "malformed number '" +
                                     std::string(text.substr(start, j - start)) +
                                     "': exponent needs digits");
        }
      }
      if (i < text.size() && is_identifier_start(text[i])) {
        throw ParseError(line, "malformed number '" +
                                   std::string(text.substr(start, i - start + 1)) + "'");
      }
      tokens.push_back({real ? TokenKind::Real : TokenKind::Integer,
                        std::string(text.substr(start, i - start)), line});
    } else if (c == '"') {
      const size_t start = ++i;
      while (i < text.size() && text[i] != '"' && text[i] != '\n') ++i;
      if (i >= text.size() || text[i] != '"') throw ParseError(line, "unterminated string");
      tokens.push_back({TokenKind::String, std::string(text.substr(start, i - start)), line});
      ++i;
    } else if (c == '-' && i + 1 < text.size() && text[i + 1] == '>') {
      tokens.push_back({TokenKind::Symbol, "->", line});
      i += 2;
    } else if (std::string_view(";,()[]{}+-*/^").find(c) != std::string_view::npos) {
      tokens.push_back({TokenKind::Symbol, std::string(1, c), line});
      ++i;
    } else {
      const unsigned char u = static_cast<unsigned char>(c);
      std::string shown = std::isprint(u) ? std::string(1, c) : "\\x" + std::string(1, "0123456789abcdef"[u >> 4]) + std::string(1, "0123456789abcdef"[u & 15]);
      throw ParseError(line, "unexpected character '" + shown + "'");
    }
  }
  tokens.push_back({TokenKind::End, "", line});
  return tokens;
}

const Token& TokenCursor::expect(std::string_view symbol, const std::string& context) {
  if (!at_symbol(symbol)) {
    const Token& found = peek();
    if (symbol == ";") {
      // A missing ';' is noticed at the next token, often on the following line: blame the
      // line where the unterminated statement ends.
      throw ParseError(previous_line(), "missing semicolon " + context + " (found " +
                                            describe(found) + ")");
    }
    throw ParseError(found.line, "expected '" + std::string(symbol) + "' " + context +
                                     ", found " + describe(found));
  }
  return next();
}

std::string describe(const Token& token) {
  switch (token.kind) {
    case TokenKind::End:
      return "end of file";
    case TokenKind::String:
      return "string \"" + token.text + "\"";
    default:
      return "'" + token.text + "'";
  }
}

}  // namespace qdcnn::io
