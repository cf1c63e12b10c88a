// SQLite (>= 3.35): what its ALTER TABLE can do (add, rename and drop a column, rename a
// table) directly; everything else as a table rebuild from the schema model (Alembic's
// batch "move and copy"). No comments; BEGIN/COMMIT around the script (its DDL is
// transactional; Alembic leaves them out).
#include <array>

#include <fmt/compile.h>
#include <fmt/format.h>

#include "dialects/dialect.hpp"

namespace retort::dialects {

namespace {

#include "dialects/sqlite_words.inc"

using namespace schema;

void column_type(std::string& out, Dialect const&, Column const& c, bool) {
  using K = ast::TypeKind;
  auto const& t = *c.type;
  switch (t.kind) {
    case K::integer: out += "INTEGER"; return;
    case K::smallint: out += "SMALLINT"; return;
    case K::bigint: out += "BIGINT"; return;
    case K::boolean: out += "BOOLEAN"; return;
    case K::float_: out += "FLOAT"; return;
    case K::numeric: append_numeric_type(out, t); return;
    case K::string:
    case K::unicode: append_sized_type(out, "VARCHAR", t); return;
    case K::char_: append_sized_type(out, "CHAR", t); return;
    case K::text:
    case K::unicode_text: out += "TEXT"; return;
    case K::date: out += "DATE"; return;
    case K::time: out += "TIME"; return;
    case K::datetime:
    case K::interval: out += "DATETIME"; return;
    case K::binary: out += "BLOB"; return;
    case K::json: out += "JSON"; return;
    case K::uuid: out += "CHAR(32)"; return;
    case K::enum_: out += fmt::format(FMT_COMPILE("VARCHAR({})"), longest_value(t)); return;
    case K::native: out += t.native(); return;
  }
}

bool constant(ast::DefaultExpr const& d) { return ast::get_if<ast::Literal>(d) != nullptr; }

// SQLite's ADD COLUMN refuses what it cannot apply to existing rows: PRIMARY KEY, UNIQUE,
// NOT NULL without a default, a default that is not a constant, a foreign key with a default.
bool add_column_rebuilds(Op const& op) {
  auto const& c = *op.column;
  if (!c.nullable && (!c.default_value || !constant(*c.default_value))) return true;
  if (c.default_value && !constant(*c.default_value)) return true;
  for (auto const& k : *op.table->constraints)
    if (k.from_column && k.columns.size() == 1 && k.columns.front() == c.name &&
        (k.kind != Constraint::foreign_key || c.default_value))
      return true;
  return false;
}

// DROP COLUMN refuses a column in a key, an index, a check or a foreign key.
bool drop_column_rebuilds(Op const& op) {
  auto const& c = *op.column;
  if (c.check()) return true;
  for (auto const& k : *op.table_before->constraints)
    if (std::find(k.columns.begin(), k.columns.end(), c.name) != k.columns.end()) return true;
  return false;
}

bool needs_rebuild(Dialect const&, Op const& op) {
  auto const& s = op.statement->get();
  if (!op.table_before) return false;
  if (auto const* a = ast::get_if<ast::AlterColumn>(s))  // a comment alone changes nothing here
    return !std::all_of(a->changes.begin(), a->changes.end(),
                        [](ast::Change const& c) { return ast::get_if<ast::CommentChange>(c) != nullptr; });
  if (ast::get_if<ast::AddConstraint>(s) || ast::get_if<ast::DropConstraint>(s)) return true;
  if (ast::get_if<ast::AddColumn>(s)) return add_column_rebuilds(op);
  if (ast::get_if<ast::DropColumn>(s)) return drop_column_rebuilds(op);
  return false;
}

bool render_override(Dialect const&, Op const& op, Statements&) {
  auto const& s = op.statement->get();
  if (ast::get_if<ast::CommentOnTable>(s) || ast::get_if<ast::CommentOnColumn>(s) || ast::get_if<ast::AlterColumn>(s))
    return true;  // SQLite keeps no comments (the model does)
  if (auto const* ci = ast::get_if<ast::CreateIndex>(s); ci && ci->method)
    refuse_index_method(*ci, "an SQLite");
  return false;
}

void table_options(Dialect const&, Table const&, std::string&) {}  // no COMMENT= either

}  // namespace

// Built at its first use: a run builds the one dialect it writes, not all six at startup.
Dialect const& sqlite() {
  static Dialect const dialect = [] {
    Dialect d;
    d.name = "sqlite";
    d.reserved_words = {sqlite_reserved.begin(), sqlite_reserved.end()};
    d.max_identifier_length = std::size_t(-1);  // SQLite sets no limit on names
    d.column_type = column_type;
    d.table_options = table_options;  // comments: none in CREATE TABLE, none after it
    d.render_override = render_override;
    d.needs_rebuild = needs_rebuild;
    d.reads_table_indexes = true;
    d.parenthesize_default_sql = true;
    d.now_function = "CURRENT_TIMESTAMP";
    return d;
  }();
  return dialect;
}

}  // namespace retort::dialects
