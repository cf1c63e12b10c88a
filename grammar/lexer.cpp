// The lexical scanners of the .mig language (see lexer.hpp).
#include "grammar/lexer.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace retort::lex {

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

// `/* ... */` at p (not nested); throws when it does not end.
static char const* skip_block_comment(Scanner const& s, char const* p) {
  auto const* close = std::search(p + 2, s.end, "*/", "*/" + 2);
  if (close == s.end) fail(p, DiagKind::unterminated_comment);
  return close + 2;
}

// The comment at p, skipped and recorded: its end, or p where none starts there. Apart from
// the loop over blanks, which then keeps its few registers (most runs hold no comment).
[[gnu::noinline]] static char const* skip_comment(Scanner const& s, char const* p) {
  if (s.end - p < 2) return p;
  char const* end;
  if (p[0] == '-' && p[1] == '-')
    end = std::find(p, s.end, '\n');
  else if (p[0] == '/' && p[1] == '*')
    end = skip_block_comment(s, p);
  else
    return p;
  if (s.comments) s.comments->push_back(s.loc(p, end));
  return end;
}

// The blanks from p on, comments among them (skip_blanks_scan's rest, once one may begin).
[[gnu::noinline]] static char const* skip_blanks_and_comments(Scanner const& s, char const* from, char const* p) {
  for (;;) {
    if (auto const* after = skip_comment(s, p); after != p) {
      p = after;
    } else {
      // Remembered only here: an unterminated comment throws again when retried.
      s.blanks_from = from;
      return s.blanks_to = p;
    }
    while (is_space(*p)) ++p;  // (the NUL at the end is not a space)
  }
}

char const* skip_blanks_scan(Scanner const& s, char const* p) {
  auto const* from = p;
  while (is_space(*p)) {  // (the NUL at the end is not a space)
    if (*p++ != '\n') continue;
    // The next line's indent: its spaces eight at a time, then those left by where the first
    // other byte of the next eight is.
    for (std::uint64_t eight; s.end - p >= 8;) {
      std::memcpy(&eight, p, 8);
      if (auto const other = eight ^ 0x2020202020202020; other != 0) {
        p += (std::endian::native == std::endian::little ? std::countr_zero(other) : std::countl_zero(other)) / 8;
        break;
      }
      p += 8;
    }
  }
  if (*p == '-' || *p == '/') return skip_blanks_and_comments(s, from, p);
  s.blanks_from = from;
  return s.blanks_to = p;
}

char const* scan_word_at(Scanner const& s, char const* p) {
  s.word_from = p;
  if (!is_word_start(*p)) {  // (nor a word's character: no word here, as before ',' or ')')
    s.word_key = 0;
    return s.word_to = p;
  }
  auto const* e = p;
  while (is_word_char(*++e)) {
  }
  // The key from one load of eight bytes where the text has them (its NUL included), masked
  // to the word's length.
  static constexpr auto masks = [] {
    std::array<std::uint64_t, 9> m{};
    for (std::size_t n = 0; n < 8; ++n) m[n] = (std::uint64_t{1} << (8 * n)) - 1;
    m[8] = ~std::uint64_t{0};
    return m;
  }();
  auto const n = std::min<std::size_t>(static_cast<std::size_t>(e - p), 8);
  std::uint64_t bytes = 0;
  if (s.end + 1 - p >= 8)
    std::memcpy(&bytes, p, 8);
  else
    std::memcpy(&bytes, p, n);
  s.word_key = (bytes | case_bits) & masks[n];
  return s.word_to = e;
}

// The text quoted at p by the character there (doubled inside for itself), into `text`,
// unescaped (kept by the file where a quote was doubled): the end after the closing quote, or
// nullptr where none closes it. `each(q)` is shown every other character inside (it may throw).
template <typename Each>
static char const* scan_doubled(Scanner const& s, char const* p, ast::Text& text, Each const& each) {
  char const quote = *p;
  std::string value;
  bool doubled = false;
  for (auto const* q = p + 1; q != s.end; ++q) {
    if (*q != quote) {
      each(q);
      if (doubled) value += *q;
    } else if (q + 1 != s.end && q[1] == quote) {
      if (!doubled) value.assign(p + 1, q), doubled = true;
      value += quote;
      ++q;
    } else {
      text = doubled ? s.keep(std::move(value)) : ast::Text(p + 1, q);
      return q + 1;
    }
  }
  return nullptr;
}

char const* scan_quoted_name(Scanner const& s, char const* p, ast::Name& out) {
  ast::Text text;
  auto const* e = scan_doubled(s, p, text, [&](char const* q) {
    if (*q == '\n' || *q == '\r')
      // A name ends on its line: one with a line break could put a `GO` or `/` line
      // into the script, and an unclosed quote is found here rather than at the file's end.
      fail(p, DiagKind::unterminated_name);
    if (static_cast<unsigned char>(*q) < 0x20 || *q == 0x7f)
      fail(q, DiagKind::control_in_name, fmt::format("U+{:04X}", static_cast<unsigned char>(*q)));
  });
  if (!e) fail(p, DiagKind::unterminated_name);
  if (e == p + 2) fail(p, DiagKind::empty_name);
  out = {s.loc(p, e), text};
  return e;
}

char const* scan_id(Scanner const& s, char const* p, ast::Name& out) {
  auto const* e = p;
  while (e != s.end && (is_word_start(*e) || is_digit(*e))) ++e;
  if (e == p || (e != s.end && *e == '$')) return nullptr;
  // The header's and the blocks' keywords are never ids: `revision` alone on its line
  // must not take the next line's `revises` as its id.
  using namespace std::string_view_literals;  // (lengths known here: a keyword of another length is no match)
  static constexpr std::string_view keywords[] = {"revision"sv, "revises"sv,    "message"sv, "created"sv,
                                                  "branch_labels"sv, "depends_on"sv, "upgrade"sv, "downgrade"sv};
  std::string_view const id(p, static_cast<std::size_t>(e - p));
  for (auto keyword : keywords)
    if (same_word(id, keyword)) return nullptr;
  out = {s.loc(p, e), ast::Text(p, e)};
  return e;
}

char const* scan_path(Scanner const& s, char const* p, std::size_t min, std::span<ast::Text* const> parts) {
  std::array<ast::Name, 4> names;  // one more than any path: a name too many is still read (and checked)
  std::size_t n = 0;
  auto const* e = scan_name(s, p, names[0]);
  if (!e) return nullptr;
  for (n = 1; e != s.end && *e == '.'; ++n) {
    auto const* next = scan_name(s, e + 1, names[std::min(n, names.size() - 1)]);
    if (!next) return nullptr;
    e = next;
  }
  if (n < min || n > parts.size()) return nullptr;
  auto const skip = parts.size() - n;
  for (std::size_t i = 0; i < parts.size(); ++i)
    *parts[i] = i < skip ? ast::Text() : names[i - skip].text;
  return e;
}

char const* scan_string(Scanner const& s, char const* p, ast::StringLit& out) {
  if (p == s.end || *p != '\'') return nullptr;
  ast::Text value;
  auto const* e = scan_doubled(s, p, value, [](char const*) {});
  if (!e) fail(p, DiagKind::unterminated_string);
  out = {s.loc(p, e), value};
  return e;
}

// The `$tag$` opening at p: returns its end, or nullptr when p does not open one.
static char const* dollar_open(Scanner const& s, char const* p) {
  if (p == s.end || *p != '$') return nullptr;
  auto const* q = p + 1;
  if (q != s.end && is_word_start(*q))
    while (q != s.end && (is_word_start(*q) || is_digit(*q))) ++q;
  return q != s.end && *q == '$' ? q + 1 : nullptr;
}

// Skips a quoted run ('...' or "...", the quote doubled inside) that starts at p.
static char const* skip_quoted(Scanner const& s, char const* p) {
  char const quote = *p;
  for (auto const* q = p + 1; q != s.end; ++q) {
    if (*q != quote) continue;
    if (q + 1 != s.end && q[1] == quote) {
      ++q;
      continue;
    }
    return q + 1;
  }
  fail(p, quote == '\'' ? DiagKind::unterminated_string : DiagKind::unterminated_name);
}

// One token inside balanced parentheses that may hide a parenthesis: a string, a quoted
// name, a comment or a dollar-quoted string (not after a word character: `a$b$c` is a
// name, as in PostgreSQL). Returns p when there is none at p.
static char const* skip_sql_token(Scanner const& s, char const* p) {
  if (*p == '\'' || *p == '"') return skip_quoted(s, p);
  if (s.end - p >= 2 && p[0] == '-' && p[1] == '-') return std::find(p, s.end, '\n');
  if (s.end - p >= 2 && p[0] == '/' && p[1] == '*') return skip_block_comment(s, p);
  if (p != s.begin && is_word_char(p[-1])) return p;
  if (auto const* open = dollar_open(s, p)) {
    std::string_view tag(p, open - p);
    auto const* close = std::search(open, s.end, tag.begin(), tag.end());
    if (close == s.end) fail(p, DiagKind::unterminated_raw_sql, tag);
    return close + tag.size();
  }
  return p;
}

// `( ... )` with nesting counted iteratively, so depth costs no stack.
static char const* scan_balanced(Scanner const& s, char const* p, ast::RawSql& out) {
  std::size_t depth = 0;
  for (auto const* q = p; q != s.end;) {
    if (auto const* after = skip_sql_token(s, q); after != q) {
      q = after;
      continue;
    }
    if (*q == '(') ++depth;
    if (*q == ')' && --depth == 0) {
      out = {s.loc(p, q + 1), ast::Text(p + 1, q), false, {}};
      return q + 1;
    }
    ++q;
  }
  fail(p, DiagKind::unclosed_parenthesis);
}

char const* scan_raw_sql(Scanner const& s, char const* p, ast::RawSql& out) {
  if (p == s.end) return nullptr;
  if (*p == '(') return scan_balanced(s, p, out);
  auto const* open = dollar_open(s, p);
  if (!open) return nullptr;
  std::string_view tag(p, open - p);
  auto const* close = std::search(open, s.end, tag.begin(), tag.end());
  if (close == s.end) fail(p, DiagKind::unterminated_raw_sql, tag);
  out = {s.loc(p, close + tag.size()), ast::Text(open, close), true, tag.substr(1, tag.size() - 2)};
  return close + tag.size();
}

char const* scan_number(Scanner const& s, char const* p, ast::Text& out) {
  auto const* q = p;
  if (q != s.end && *q == '-') ++q;
  auto const* digits = q;
  while (q != s.end && is_digit(*q)) ++q;
  if (q == digits) return nullptr;
  if (q != s.end && *q == '.' && q + 1 != s.end && is_digit(q[1])) {
    ++q;
    while (q != s.end && is_digit(*q)) ++q;
  }
  if (q != s.end && is_word_char(*q)) return nullptr;
  out = ast::Text(p, q);
  return q;
}

char const* scan_literal(Scanner const& s, char const* p, ast::Literal& out) {
  ast::Text text;
  if (auto const* e = scan_number(s, p, text)) {
    out = {s.loc(p, e), ast::LiteralKind::number, text};
    return e;
  }
  ast::StringLit str;
  if (auto const* e = scan_string(s, p, str)) {
    out = {str.loc, ast::LiteralKind::string, str.value};
    return e;
  }
  static constexpr std::pair<KeywordKey, ast::LiteralKind> words[] = {{KeywordKey("true"), ast::LiteralKind::true_},
                                                                      {KeywordKey("false"), ast::LiteralKind::false_},
                                                                      {KeywordKey("null"), ast::LiteralKind::null}};
  for (auto [word, kind] : words)
    if (auto const* e = match_keyword(s, p, word)) {
      out = {s.loc(p, e), kind, {}};
      return e;
    }
  return nullptr;
}

// Reads exactly n digits at p into value.
static char const* digits(Scanner const& s, char const* p, int n, int& value) {
  value = 0;
  for (int i = 0; i < n; ++i, ++p) {
    if (p == s.end || !is_digit(*p)) return nullptr;
    value = value * 10 + (*p - '0');
  }
  return p;
}

static bool valid_date(int y, int m, int d) {
  static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || d > days[m - 1]) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

// Reads `HH:MM:SS[.ffffff]` at p.
static char const* scan_time(Scanner const& s, char const* p, int& h, int& mi, int& sec) {
  auto const* e = digits(s, p, 2, h);
  if (!e || e == s.end || *e != ':' || !(e = digits(s, e + 1, 2, mi)) || e == s.end || *e != ':' ||
      !(e = digits(s, e + 1, 2, sec)))
    return nullptr;
  if (e != s.end && *e == '.' && e + 1 != s.end && is_digit(e[1]))
    for (++e; e != s.end && is_digit(*e);) ++e;
  return e;
}

char const* scan_timestamp(Scanner const& s, char const* p, ast::Name& out) {
  int y, mo, d, h = 0, mi = 0, sec = 0;
  auto const* q = digits(s, p, 4, y);
  if (!q || q == s.end || *q != '-' || !(q = digits(s, q + 1, 2, mo)) || q == s.end || *q != '-' ||
      !(q = digits(s, q + 1, 2, d)))
    return nullptr;
  auto const* t = q;
  char separator = ' ';
  if (t != s.end && *t == 'T')
    separator = 'T', ++t;
  else
    while (t != s.end && (*t == ' ' || *t == '\t')) ++t;
  if (t == q || t == s.end || !is_digit(*t))  // the time is required
    fail(p, DiagKind::invalid_timestamp, std::string(p, std::find_if(q, s.end, is_space)));
  auto const* e = scan_time(s, t, h, mi, sec);
  if (!e) fail(p, DiagKind::invalid_timestamp, std::string(p, std::find_if(t, s.end, is_space)));
  auto const* date_end = q;
  q = e;
  if ((q != s.end && is_word_char(*q)) || !valid_date(y, mo, d) || h > 23 || mi > 59 || sec > 59)
    fail(p, DiagKind::invalid_timestamp, std::string(p, std::find_if(q, s.end, is_space)));
  // As written, unless the date and time are apart by more than one space (or by a tab).
  if (t == date_end + 1 && *date_end == separator) {
    out = {s.loc(p, q), ast::Text(p, q)};
  } else {
    std::string text(p, date_end);
    text += separator;
    text.append(t, e);
    out = {s.loc(p, q), s.keep(std::move(text))};
  }
  return q;
}

static std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (ascii_lower(a[i - 1]) == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string suggest(std::string_view word, std::vector<std::string_view> const& candidates) {
  if (word.size() > 64) return {};
  std::size_t best = (word.size() <= 3 ? 1 : 2) + 1;  // accept up to this distance, minus one
  std::string_view choice;
  for (auto c : candidates) {
    auto d = edit_distance(word, c);
    if (d < best) best = d, choice = c;
  }
  return std::string(choice);
}

}  // namespace retort::lex
