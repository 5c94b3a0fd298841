#pragma once
// Tokens of OpenQASM 2.0 text, each tagged with its 1-based line. Comments (// to end of line)
// and whitespace are dropped.
#include <string>
#include <string_view>
#include <vector>

namespace qdcnn::io {

enum class TokenKind { Identifier, Integer, Real, String, Symbol, End };

struct Token {
  TokenKind kind;
  std::string text;  // identifier name, number lexeme, string contents, or the symbol ("->" too)
  int line;
};

// Splits the whole text into tokens; the last token is always End. Throws ParseError on a
// character that cannot start a token or an unterminated string.
std::vector<Token> tokenize_qasm(std::string_view text);

// Reading position in a token list (which always ends with an End token).
class TokenCursor {
 public:
  explicit TokenCursor(const std::vector<Token>& tokens) : tokens_(tokens) {}
  const Token& peek() const { return tokens_[position_]; }
  const Token& next() {
    const Token& token = tokens_[position_];
    if (token.kind != TokenKind::End) ++position_;
    return token;
  }
  // Line of the token consumed last (the first line before any).
  int previous_line() const { return position_ == 0 ? 1 : tokens_[position_ - 1].line; }
  bool at_symbol(std::string_view symbol) const {
    return peek().kind == TokenKind::Symbol && peek().text == symbol;
  }
  // Consumes the symbol if it is next; returns whether it was.
  bool accept(std::string_view symbol) {
    if (!at_symbol(symbol)) return false;
    next();
    return true;
  }
  // Consumes the symbol or throws ParseError "expected <symbol> <context>, found ...".
  const Token& expect(std::string_view symbol, const std::string& context);

 private:
  const std::vector<Token>& tokens_;
  size_t position_ = 0;
};

// Describes a token for error messages: "'cx'", "end of file".
std::string describe(const Token& token);

}  // namespace qdcnn::io
