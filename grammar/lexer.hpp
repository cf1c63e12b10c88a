// The lexical layer of the .mig grammar, as plain functions over `char const*`: blanks
// and comments, words, quoted names, strings, raw SQL, numbers, literals and types.
// They hold no X3 (grammar/tokens.hpp wraps them as X3 primitive parsers), so they are
// cheap to compile and test. Malformed tokens throw SyntaxError at the token's start.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/ast.hpp"
#include "src/diagnostics.hpp"
#include "src/source.hpp"

namespace retort::lex {

// A syntax error found while scanning; parse() turns it into a Diagnostic.
struct SyntaxError {
  char const* where;
  DiagKind kind;
  std::string message;
};

// Throws SyntaxError with the kind's message formatted from args.
template <typename... Args>
[[noreturn]] void fail(char const* where, DiagKind kind, Args const&... args) {
  throw SyntaxError{where, kind, fmt::format(fmt::runtime(diag_format(kind)), args...)};
}

// What the scanners need to know of the whole file.
struct Scanner {
  char const* begin;                     // the start of the file's text
  char const* end;                       // its end, where a NUL is (the std::string's terminator, and no
                                         // scanner's character): the hottest loops need not test for it
  std::vector<ast::Loc>* comments;       // where comments are recorded (may repeat; see parse())
  SourceFile const* file;                // keeps the spellings that are not in the text as written
  ast::Text keep(std::string&& spelling) const { return file->keep(std::move(spelling)); }
  ast::Loc loc(char const* from, char const* to) const;
  // The last blank run and word scanned: X3 tries alternatives from the same position, and
  // each would skip the same blanks and scan the same word again.
  mutable char const* blanks_from = nullptr;
  mutable char const* blanks_to = nullptr;
  mutable char const* word_from = nullptr;
  mutable char const* word_to = nullptr;
};

// Skips white space and comments; returns the first position after them. Inline where it
// is the run just skipped (most calls: every parser skips before it tries).
char const* skip_blanks_scan(Scanner const& s, char const* p);
inline char const* skip_blanks(Scanner const& s, char const* p) {
  if (p == s.blanks_from || p == s.blanks_to) return s.blanks_to;  // the end of a run is not blank
  // Most calls stand before a token or one space before it: no blank, no comment can start
  // at a printable character other than `-` and `/` (the bytes from 0x80 take the scan).
  auto const printable = [](char c) { return c > ' ' && c != '-' && c != '/'; };
  if (s.end - p >= 2) {
    if (printable(p[0])) return p;
    if (p[0] == ' ' && printable(p[1])) return p + 1;
  }
  return skip_blanks_scan(s, p);
}

// Character classes by table: the scanners' inner loops test one byte per character.
enum CharClass : unsigned char { word_start = 1, word_char = 2, space = 4 };
inline constexpr auto char_classes = [] {
  std::array<unsigned char, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = t[c - 'a' + 'A'] = word_start | word_char;
  t['_'] = word_start | word_char;
  for (int c = '0'; c <= '9'; ++c) t[c] = word_char;
  t['$'] = word_char;
  for (unsigned char c : {' ', '\t', '\n', '\r', '\f', '\v'}) t[c] = space;
  return t;
}();
inline bool is_word_start(char c) { return char_classes[static_cast<unsigned char>(c)] & word_start; }
inline bool is_word_char(char c) { return char_classes[static_cast<unsigned char>(c)] & word_char; }
inline bool is_space(char c) { return char_classes[static_cast<unsigned char>(c)] & space; }

// `[A-Za-z_][A-Za-z0-9_$]*`: returns the end of the word at p, or p if there is none
// (inline where it is the word just scanned: alternatives look at the same word in turn).
char const* scan_word_at(Scanner const& s, char const* p);
inline char const* scan_word(Scanner const& s, char const* p) { return p == s.word_from ? s.word_to : scan_word_at(s, p); }
inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
// Whether a scanned word is `keyword` (lower case), ASCII case-insensitively.
inline bool same_word(std::string_view word, std::string_view keyword) {
  if (word.size() != keyword.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (ascii_lower(word[i]) != keyword[i]) return false;
  return true;
}
// Whether the word at p is `keyword` (ASCII case-insensitive, followed by a word boundary).
char const* match_keyword(Scanner const& s, char const* p, std::string_view keyword);
// A bare identifier or a "quoted ""name""".
char const* scan_name(Scanner const& s, char const* p, ast::Name& out);
// `[A-Za-z0-9_]+`: a revision id or branch label.
char const* scan_id(Scanner const& s, char const* p, ast::Name& out);
// Names separated by `.`, at least `min` and at most parts.size() (<= 3) of them, into the
// last of `parts` (those before are emptied: `t.c` into {schema, table, column}).
char const* scan_path(Scanner const& s, char const* p, std::size_t min, std::span<ast::Text* const> parts);
// 'text' with '' for a quote.
char const* scan_string(Scanner const& s, char const* p, ast::StringLit& out);
// $tag$ ... $tag$ or a balanced ( ... ).
char const* scan_raw_sql(Scanner const& s, char const* p, ast::RawSql& out);
// -?[0-9]+(.[0-9]+)?
char const* scan_number(Scanner const& s, char const* p, ast::Text& out);
// A number, a string, true, false or null.
char const* scan_literal(Scanner const& s, char const* p, ast::Literal& out);
// `2024-01-15 10:30:00` or `2024-01-15T10:30:00[.ffffff]`.
char const* scan_timestamp(Scanner const& s, char const* p, ast::Name& out);
// A type of LANGUAGE.md (in grammar/type.cpp).
char const* scan_type(Scanner const& s, char const* p, ast::Type& out);

// The closest of `candidates` to `word` within a small edit distance, or empty.
std::string suggest(std::string_view word, std::vector<std::string_view> const& candidates);

}  // namespace retort::lex
