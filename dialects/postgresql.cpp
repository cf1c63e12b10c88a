// PostgreSQL (>= 12): SQLAlchemy's type names, SERIAL keys, enum types created before
// their first use and dropped after their last, and the words PostgreSQL reserves.
#include <array>

#include <fmt/compile.h>
#include <fmt/format.h>

#include "dialects/dialect.hpp"

namespace retort::dialects {

namespace {

// SQLAlchemy's RESERVED_WORDS for PostgreSQL, and what PostgreSQL 15 reserves besides
// (pg_get_keywords() categories R and T: lateral, collation, concurrently, tablesample).
constexpr std::array<std::string_view, 106> reserved = {
    "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "between",
    "binary", "both", "case", "cast", "check", "collate", "collation", "column", "concurrently", "constraint",
    "create", "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
    "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except",
    "false", "fetch", "for", "foreign", "freeze", "from", "full", "grant", "group", "having", "ilike", "in",
    "initially", "inner", "intersect", "into", "is", "isnull", "join", "lateral", "leading", "left", "like", "limit",
    "localtime", "localtimestamp", "natural", "new", "not", "notnull", "null", "of", "off", "offset", "old", "on",
    "only", "or", "order", "outer", "over", "overlaps", "placing", "primary", "references", "returning", "right",
    "select", "session_user", "similar", "some", "symmetric", "table", "tablesample", "then", "to", "trailing",
    "true", "union", "unique", "user", "using", "variadic", "verbose", "when", "where", "window", "with"};

void column_type(std::string& out, Dialect const& d, schema::Column const& c, bool) {
  using K = ast::TypeKind;
  auto const& t = *c.type;
  switch (t.kind) {
    case K::integer: out += c.autoincrement ? "SERIAL" : "INTEGER"; return;
    case K::smallint: out += c.autoincrement ? "SMALLSERIAL" : "SMALLINT"; return;
    case K::bigint: out += c.autoincrement ? "BIGSERIAL" : "BIGINT"; return;
    case K::boolean: out += "BOOLEAN"; return;
    case K::float_: out += "FLOAT"; return;
    case K::numeric: append_numeric_type(out, t); return;
    case K::string:
    case K::unicode: append_sized_type(out, "VARCHAR", t); return;
    case K::char_: append_sized_type(out, "CHAR", t); return;
    case K::text:
    case K::unicode_text: out += "TEXT"; return;
    case K::date: out += "DATE"; return;
    case K::time: out += "TIME WITHOUT TIME ZONE"; return;
    case K::datetime: out += t.timezone ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP WITHOUT TIME ZONE"; return;
    case K::interval: out += "INTERVAL"; return;
    case K::binary: out += "BYTEA"; return;
    case K::json: out += "JSON"; return;
    case K::uuid: out += "UUID"; return;
    case K::enum_: append_quoted(out, d, t.name()); return;
    case K::native: out += t.native(); return;
  }
}

void create_enums(Dialect const& d, std::vector<schema::Enum> const& enums, Statements& out) {
  for (auto const& e : enums) {
    std::string values;
    for (auto const& v : e.values) values += (values.empty() ? "" : ", ") + string_literal(d, v);
    out.add(fmt::format(FMT_COMPILE("CREATE TYPE {} AS ENUM ({})"), quote(d, e.name), values));
  }
}

void drop_enums(Dialect const& d, std::vector<schema::Enum> const& enums, Statements& out) {
  for (auto const& e : enums) out.add("DROP TYPE " + quote(d, e.name));
}

}  // namespace

// Built at its first use: a run builds the one dialect it writes, not all six at startup.
Dialect const& postgresql() {
  static Dialect const dialect = [] {
    Dialect d;
    d.name = "postgresql";
    d.version_insert_returning = true;
    d.concurrent_indexes = true;
    d.reserved_words = {reserved.begin(), reserved.end()};
    d.max_identifier_length = 63;
    d.column_type = column_type;
    d.create_enums = create_enums;
    d.drop_enums = drop_enums;
    d.reads_whole_tables = false;  // the generic renderer: an op's table by name, constraints and comment
    return d;
  }();
  return dialect;
}

}  // namespace retort::dialects
