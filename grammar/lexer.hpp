// The lexical layer of the .mig grammar, as plain functions over `char const*`: blanks
// and comments, words, quoted names, strings, raw SQL, numbers, literals and types.
// They hold no X3 (grammar/tokens.hpp wraps them as X3 primitive parsers), so they are
// cheap to compile and test. Malformed tokens throw SyntaxError at the token's start.
#pragma once

#include <array>
#include <bit>
#include <cstdint>
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
  ast::Loc loc(char const* from, char const* to) const {
    return {static_cast<std::uint32_t>(from - begin), static_cast<std::uint32_t>(to - from)};
  }
  // The last blank run and word scanned: X3 tries alternatives from the same position, and
  // each would skip the same blanks and scan the same word again.
  mutable char const* blanks_from = nullptr;
  mutable char const* blanks_to = nullptr;
  mutable char const* word_from = nullptr;
  mutable char const* word_to = nullptr;
  mutable std::uint64_t word_key = 0;  // the key of its first eight bytes (see case_bits)
};

// Character classes by table: the scanners' inner loops test one byte per character.
// `token_start`: printable ASCII other than `-` and `/`, where no blank or comment starts.
enum CharClass : unsigned char { word_start = 1, word_char = 2, space = 4, token_start = 8 };
inline constexpr auto char_classes = [] {
  std::array<unsigned char, 256> t{};
  for (int c = '!'; c <= '~'; ++c)
    if (c != '-' && c != '/') t[c] = token_start;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = t[c - 'a' + 'A'] = word_start | word_char | token_start;
  t['_'] = word_start | word_char | token_start;
  for (int c = '0'; c <= '9'; ++c) t[c] = word_char | token_start;
  t['$'] = word_char | token_start;
  for (unsigned char c : {' ', '\t', '\n', '\r', '\f', '\v'}) t[c] = space;
  return t;
}();
inline bool is_word_start(char c) { return char_classes[static_cast<unsigned char>(c)] & word_start; }
inline bool is_word_char(char c) { return char_classes[static_cast<unsigned char>(c)] & word_char; }
inline bool is_space(char c) { return char_classes[static_cast<unsigned char>(c)] & space; }
inline bool is_token_start(char c) { return char_classes[static_cast<unsigned char>(c)] & token_start; }

// Skips white space and comments; returns the first position after them. Inline where no
// blank is there or one space is (most calls: every parser skips before it tries, and most
// stand before a token or one space before it), or where it is the run just skipped. A
// byte is read at p, and after a space at p + 1: the text ends with a NUL, which is neither.
char const* skip_blanks_scan(Scanner const& s, char const* p);
inline char const* skip_blanks(Scanner const& s, char const* p) {
  if (is_token_start(p[0])) return p;
  if (p[0] == ' ' && is_token_start(p[1])) return p + 1;
  if (p == s.blanks_from || p == s.blanks_to) return s.blanks_to;  // the end of a run is not blank
  return skip_blanks_scan(s, p);
}

// `[A-Za-z_][A-Za-z0-9_$]*`: returns the end of the word at p, or p if there is none
// (inline where it is the word just scanned: alternatives look at the same word in turn).
char const* scan_word_at(Scanner const& s, char const* p);
inline char const* scan_word(Scanner const& s, char const* p) { return p == s.word_from ? s.word_to : scan_word_at(s, p); }
inline constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
inline constexpr auto lower_case = [] {
  std::array<unsigned char, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = static_cast<unsigned char>(ascii_lower(static_cast<char>(c)));
  return t;
}();
// Whether a scanned word is `keyword` (lower case), ASCII case-insensitively.
inline bool same_word(std::string_view word, std::string_view keyword) {
  if (word.size() != keyword.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (lower_case[static_cast<unsigned char>(word[i])] != static_cast<unsigned char>(keyword[i])) return false;
  return true;
}

// The first eight bytes of a word, each with its 0x20 bit set, packed into a number (byte i
// at bits 8i): between a word's characters, that bit tells only a capital letter from its
// small one (a digit and `$` have it, and `_` alone becomes 0x7F), so two words' numbers are
// equal where their first eight bytes are, ASCII case-insensitively.
inline constexpr std::uint64_t case_bits = 0x2020202020202020;
static_assert(std::endian::native == std::endian::little, "word keys are packed as little-endian loads");

// A keyword (lower case) with its key: the parsers ask whether the word is one keyword after
// another, and compare two lengths and two numbers where they compared the bytes one by one.
struct KeywordKey {
  std::string_view word;
  std::uint64_t key = 0;
  constexpr explicit KeywordKey(std::string_view w) : word(w) {
    for (std::size_t i = 0; i < w.size() && i < 8; ++i)
      key |= (std::uint64_t{static_cast<unsigned char>(w[i])} | 0x20) << (8 * i);
  }
};
// Whether the word scan_word scanned last, which ends at e, is `k`.
inline bool scanned_word_is(Scanner const& s, char const* e, KeywordKey const& k) {
  auto const n = static_cast<std::size_t>(e - s.word_from);
  return n == k.word.size() && s.word_key == k.key &&
         (n <= 8 || same_word(std::string_view(s.word_from + 8, n - 8), k.word.substr(8)));
}
// The end of the word at p if it is `k` (followed by a word boundary), else nullptr.
inline char const* match_keyword(Scanner const& s, char const* p, KeywordKey const& k) {
  auto const* e = scan_word(s, p);
  return scanned_word_is(s, e, k) ? e : nullptr;
}
// A "quoted ""name""" at p (scan_name's rarer part).
char const* scan_quoted_name(Scanner const& s, char const* p, ast::Name& out);
// A bare identifier or a "quoted ""name""" (inline where bare: most names are).
inline char const* scan_name(Scanner const& s, char const* p, ast::Name& out) {
  if (*p == '"') return scan_quoted_name(s, p, out);  // (the text's NUL is not a quote)
  auto const* e = scan_word(s, p);
  if (e == p) return nullptr;
  out = {s.loc(p, e), ast::Text(p, e)};
  return e;
}
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
