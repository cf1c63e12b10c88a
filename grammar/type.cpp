// Scanning a column type: `integer`, `string(50)`, `numeric(10, 2)`, `datetime(timezone)`,
// `enum name ('a', 'b')`, `native 'SQL'` (LANGUAGE.md, "Types").
#include <algorithm>
#include <type_traits>

#include "grammar/lexer.hpp"

namespace retort::lex {
namespace {

using ast::TypeKind;

enum class Args { none, length, precision_scale, timezone, enum_values, native };

struct TypeWord {
  KeywordKey key;
  TypeKind kind;
  Args args;
};

constexpr TypeWord type_words[] = {
    {KeywordKey("integer"), TypeKind::integer, Args::none}, {KeywordKey("smallint"), TypeKind::smallint, Args::none},
    {KeywordKey("bigint"), TypeKind::bigint, Args::none}, {KeywordKey("boolean"), TypeKind::boolean, Args::none},
    {KeywordKey("float"), TypeKind::float_, Args::none}, {KeywordKey("numeric"), TypeKind::numeric, Args::precision_scale},
    {KeywordKey("string"), TypeKind::string, Args::length}, {KeywordKey("char"), TypeKind::char_, Args::length},
    {KeywordKey("text"), TypeKind::text, Args::none}, {KeywordKey("unicode"), TypeKind::unicode, Args::length},
    {KeywordKey("unicode_text"), TypeKind::unicode_text, Args::none}, {KeywordKey("date"), TypeKind::date, Args::none},
    {KeywordKey("time"), TypeKind::time, Args::none}, {KeywordKey("datetime"), TypeKind::datetime, Args::timezone},
    {KeywordKey("interval"), TypeKind::interval, Args::none}, {KeywordKey("binary"), TypeKind::binary, Args::none},
    {KeywordKey("json"), TypeKind::json, Args::none}, {KeywordKey("uuid"), TypeKind::uuid, Args::none},
    {KeywordKey("enum"), TypeKind::enum_, Args::enum_values}, {KeywordKey("native"), TypeKind::native, Args::native},
};

char const* expect_char(Scanner const& s, char const* p, char c, char const* what) {
  p = skip_blanks(s, p);
  if (p == s.end || *p != c) fail(p, DiagKind::expected, what);
  return p + 1;
}

// `what` names the number expected; a callable builds it, only when it is missing.
template <typename What>
char const* scan_uint(Scanner const& s, char const* p, std::uint32_t& value, What const& what) {
  p = skip_blanks(s, p);
  auto const* e = p;
  std::uint64_t v = 0;  // (no longer added to once too large: it cannot overflow)
  for (; e != s.end && *e >= '0' && *e <= '9'; ++e)
    if (v <= 0x7FFFFFFF) v = v * 10 + static_cast<unsigned>(*e - '0');
  if (e == p) {
    if constexpr (std::is_invocable_v<What>)
      fail(p, DiagKind::expected, what());
    else
      fail(p, DiagKind::expected, what);
  }
  if (v > 0x7FFFFFFF) fail(p, DiagKind::number_too_large, std::string(p, e));
  value = static_cast<std::uint32_t>(v);
  return e;
}

bool next_is(Scanner const& s, char const* p, char c) {
  p = skip_blanks(s, p);
  return p != s.end && *p == c;
}

char const* scan_length(Scanner const& s, char const* p, std::string_view word, ast::Type& out) {
  if (!next_is(s, p, '(')) return p;
  std::uint32_t n;
  p = scan_uint(s, expect_char(s, p, '(', "'('"), n, [&] { return fmt::format("a length after '{}('", word); });
  out.length = n;
  return expect_char(s, p, ')', "')' after the length");
}

char const* scan_precision(Scanner const& s, char const* p, ast::Type& out) {
  if (!next_is(s, p, '(')) return p;
  std::uint32_t n;
  p = scan_uint(s, expect_char(s, p, '(', "'('"), n, "a precision after 'numeric('");
  out.length = n;
  if (next_is(s, p, ',')) {
    p = scan_uint(s, expect_char(s, p, ',', "','"), n, "a scale after the precision");
    out.scale = n;
  }
  return expect_char(s, p, ')', "')' after the precision and scale");
}

char const* scan_timezone(Scanner const& s, char const* p, ast::Type& out) {
  if (!next_is(s, p, '(')) return p;
  p = skip_blanks(s, expect_char(s, p, '(', "'('"));
  static constexpr KeywordKey timezone("timezone");
  auto const* e = match_keyword(s, p, timezone);
  if (!e) fail(p, DiagKind::expected, "'timezone' after 'datetime('");
  out.timezone = true;
  return expect_char(s, e, ')', "')' after 'timezone'");
}

char const* scan_enum(Scanner const& s, char const* p, ast::Type& out) {
  p = skip_blanks(s, p);
  ast::Name name;
  auto const* e = scan_name(s, p, name);
  if (!e) fail(p, DiagKind::expected, "the enum type's name after 'enum'");
  auto& names = out.names.emplace();
  names.name = name.text;
  p = expect_char(s, e, '(', "'(' and the enum's values after its name");
  do {
    p = skip_blanks(s, p);
    ast::StringLit value;
    auto const* after = scan_string(s, p, value);
    if (!after) fail(p, DiagKind::expected, "an enum value (a 'quoted string')");
    if (std::find(names.values.begin(), names.values.end(), value.value) != names.values.end())
      fail(p, DiagKind::duplicate_enum_value, value.value);
    names.values.push_back(value.value);
    p = skip_blanks(s, after);
  } while (p != s.end && *p == ',' && ++p);
  return expect_char(s, p, ')', "',' or ')' after the enum value");
}

char const* scan_native(Scanner const& s, char const* p, ast::Type& out) {
  p = skip_blanks(s, p);
  ast::StringLit sql;
  auto const* e = scan_string(s, p, sql);
  if (!e || sql.value.empty()) fail(p, DiagKind::expected, "the SQL type as a 'quoted string' after 'native'");
  out.names.emplace().native = sql.value;
  return e;
}

}  // namespace

char const* scan_type(Scanner const& s, char const* p, ast::Type& out) {
  auto const* e = scan_word(s, p);
  if (e == p) return nullptr;
  std::string_view const written(p, static_cast<std::size_t>(e - p));
  auto const* entry = std::find_if(std::begin(type_words), std::end(type_words),
                                   [&](TypeWord const& t) { return scanned_word_is(s, e, t.key); });
  if (entry == std::end(type_words)) {
    std::string word(written);
    std::transform(word.begin(), word.end(), word.begin(), ascii_lower);
    // Other SQL spellings of a type, suggested by name.
    static constexpr std::pair<std::string_view, std::string_view> aliases[] = {
        {"int", "integer"},     {"int4", "integer"},  {"int2", "smallint"},   {"int8", "bigint"},
        {"serial", "integer"},  {"bigserial", "bigint"}, {"bool", "boolean"}, {"varchar", "string"},
        {"nvarchar", "unicode"}, {"character", "char"}, {"decimal", "numeric"}, {"double", "float"},
        {"real", "float"},      {"timestamp", "datetime"}, {"timestamptz", "datetime(timezone)"},
        {"bytea", "binary"},    {"blob", "binary"},   {"varbinary", "binary"}, {"jsonb", "json"},
        {"clob", "text"},       {"tinyint", "smallint"}};
    for (auto [alias, type] : aliases)
      if (alias == word) fail(p, DiagKind::unknown_type_suggestion, std::string(p, e), type);
    std::vector<std::string_view> names;
    for (auto const& t : type_words) names.push_back(t.key.word);
    auto guess = suggest(word, names);
    if (guess.empty()) fail(p, DiagKind::unknown_type, std::string(p, e));
    fail(p, DiagKind::unknown_type_suggestion, std::string(p, e), guess);
  }
  out = ast::Type{};
  out.kind = entry->kind;
  switch (entry->args) {
    case Args::none:
      if (next_is(s, e, '(')) fail(skip_blanks(s, e), DiagKind::type_takes_no_arguments, entry->key.word);
      break;
    case Args::length: e = scan_length(s, e, entry->key.word, out); break;
    case Args::precision_scale: e = scan_precision(s, e, out); break;
    case Args::timezone: e = scan_timezone(s, e, out); break;
    case Args::enum_values: e = scan_enum(s, e, out); break;
    case Args::native: e = scan_native(s, e, out); break;
  }
  out.loc = s.loc(p, e);
  return e;
}

}  // namespace retort::lex
