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

std::string column_type(Dialect const& d, schema::Column const& c, bool) {
  using K = ast::TypeKind;
  auto const& t = *c.type;
  switch (t.kind) {
    case K::integer: return c.autoincrement ? "SERIAL" : "INTEGER";
    case K::smallint: return c.autoincrement ? "SMALLSERIAL" : "SMALLINT";
    case K::bigint: return c.autoincrement ? "BIGSERIAL" : "BIGINT";
    case K::boolean: return "BOOLEAN";
    case K::float_: return "FLOAT";
    case K::numeric: return numeric_type(t);
    case K::string:
    case K::unicode: return sized_type("VARCHAR", t);
    case K::char_: return sized_type("CHAR", t);
    case K::text:
    case K::unicode_text: return "TEXT";
    case K::date: return "DATE";
    case K::time: return "TIME WITHOUT TIME ZONE";
    case K::datetime: return t.timezone ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP WITHOUT TIME ZONE";
    case K::interval: return "INTERVAL";
    case K::binary: return "BYTEA";
    case K::json: return "JSON";
    case K::uuid: return "UUID";
    case K::enum_: return quote(d, t.name());
    case K::native: return std::string(t.native());
  }
  return {};
}

void create_enums(Dialect const& d, std::vector<schema::Enum> const& enums, Statements& out) {
  for (auto const& e : enums) {
    std::string values;
    for (auto const& v : e.values) values += (values.empty() ? "" : ", ") + string_literal(d, v);
    out.push_back(fmt::format(FMT_COMPILE("CREATE TYPE {} AS ENUM ({})"), quote(d, e.name), values));
  }
}

void drop_enums(Dialect const& d, std::vector<schema::Enum> const& enums, Statements& out) {
  for (auto const& e : enums) out.push_back("DROP TYPE " + quote(d, e.name));
}

}  // namespace

extern Dialect const postgresql;
Dialect const postgresql = [] {
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

}  // namespace retort::dialects
