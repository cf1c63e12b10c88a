// MySQL (>= 8.0) and MariaDB (>= 10.5): backquotes, AUTO_INCREMENT, inline ENUM, no
// transactional DDL, backslashes escaped in literals; MODIFY/CHANGE with the whole column
// from the schema model; constraints dropped by kind (MariaDB drops a CHECK as a CONSTRAINT).
#include <array>

#include <fmt/compile.h>
#include <fmt/format.h>

#include "dialects/dialect.hpp"

namespace retort::dialects {

namespace {

#include "dialects/mysql_words.inc"

using namespace schema;

void column_type(std::string& out, Dialect const& d, Column const& c, bool) {
  using K = ast::TypeKind;
  auto const& t = *c.type;
  auto sized = [&](char const* name) {
    if (!t.length) throw Unsupported{fmt::format(FMT_COMPILE("column '{}'"), c.name), fmt::format(FMT_COMPILE("a {} needs a length"), name)};
    return fmt::format(FMT_COMPILE("{}({})"), name, *t.length);
  };
  switch (t.kind) {
    case K::integer: out += "INTEGER"; return;
    case K::smallint: out += "SMALLINT"; return;
    case K::bigint: out += "BIGINT"; return;
    case K::boolean: out += "BOOL"; return;
    case K::float_: out += "FLOAT"; return;
    case K::numeric: append_numeric_type(out, t); return;
    case K::string:
    case K::unicode: out += sized("VARCHAR"); return;
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
    case K::enum_: {
      std::string values;
      for (auto const& v : t.values()) values += (values.empty() ? "" : ",") + string_literal(d, v);
      ((out += "ENUM(") += values) += ')';
      return;
    }
    case K::native: out += t.native(); return;
  }
}

// SQLAlchemy's MySQL column: name type [NOT NULL] [COMMENT] [AUTO_INCREMENT | DEFAULT] [CHECK].
void column_attributes(std::string& out, Dialect const& d, Column const& c) {
  if (!c.nullable) out += " NOT NULL";
  if (auto const comment = c.comment()) (out += " COMMENT ") += string_literal(d, *comment);
  if (c.autoincrement) out += " AUTO_INCREMENT";
  else if (c.default_value) (out += " DEFAULT ") += default_sql(d, *c.default_value);
}

void table_options(Dialect const& d, Table const& t, std::string& sql) {
  if (t.comment) sql += "COMMENT=" + string_literal(d, *t.comment);
}

// Alembic's _mysql_colspec: type NULL|NOT NULL [AUTO_INCREMENT] [DEFAULT] [COMMENT], appended.
void append_modify_spec(std::string& out, Dialect const& d, Column const& c) {
  column_type(out, d, c, false);
  out += c.nullable ? " NULL" : " NOT NULL";
  if (c.autoincrement) out += " AUTO_INCREMENT";
  if (c.default_value) (out += " DEFAULT ") += default_sql(d, *c.default_value);
  if (auto const comment = c.comment()) (out += " COMMENT ") += string_literal(d, *comment);
}

// `ALTER TABLE t MODIFY column spec` or `... CHANGE old column spec`, written in place.
void modify(Dialect const& d, Op const& op, Column const* old, Statements& out) {
  auto& sql = alter_table(out.sql(), d, *op.table);
  if (old) append_quoted(sql += " CHANGE ", d, old->name);
  append_quoted(sql += old ? " " : " MODIFY ", d, op.column->name);
  append_modify_spec(sql += ' ', d, *op.column);
  out.end();
}

bool only_default_changes(ast::AlterColumn const& a) {
  return std::all_of(a.changes.begin(), a.changes.end(), [](ast::Change const& c) {
    auto const* f = ast::get_if<ast::FlagChange>(c);
    return ast::get_if<ast::SetDefault>(c) || (f && f->flag == ast::ChangeFlag::drop_default);
  });
}

std::vector<ast::Text> index_columns(Index const& i) {
  std::vector<ast::Text> cols;
  for (auto const& e : i.elements)
    if (auto const* c = ast::get_if<ast::IndexColumn>(e)) cols.push_back(c->name.text);
    else break;  // an expression ends the usable prefix
  return cols;
}

bool serves(std::vector<ast::Text> const& index, std::vector<ast::Text> const& fk) {
  return index.size() >= fk.size() && std::equal(fk.begin(), fk.end(), index.begin());
}

// The foreign key that only the index being dropped serves, if any ("'name'" or "(cols)").
std::string fk_needing(Op const& op) {
  auto const& t = *op.table;
  for (auto const& fk : *t.constraints) {
    if (fk.kind != Constraint::foreign_key || !serves(index_columns(*op.index), fk.columns)) continue;
    bool other = std::any_of(op.indexes.begin(), op.indexes.end(), [&](auto const& i) { return serves(index_columns(*i), fk.columns); }) ||
                 std::any_of(t.constraints->begin(), t.constraints->end(), [&](Constraint const& k) {
                   return (k.kind == Constraint::primary_key || k.kind == Constraint::unique) && serves(k.columns, fk.columns);
                 });
    if (!other) {
      if (fk.name.empty()) return fmt::format("({})", fmt::join(fk.columns, ", "));
      return fmt::format("'{}'", fk.name);
    }
  }
  return {};
}

bool render_override(Dialect const& d, Op const& op, Statements& out) {
  auto const& s = op.statement->get();
  if (auto const* ci = ast::get_if<ast::CreateIndex>(s)) {
    auto const what = [&] { return fmt::format("create index {}", ci->name.text); };  // only when refused
    if (ci->where) throw Unsupported{what(), "MySQL has no partial indexes"};
    if (ci->method) refuse_index_method(*ci, "a MySQL");
    bool expression = std::any_of(ci->elements.begin(), ci->elements.end(),
                                  [](ast::IndexElement const& e) { return ast::get_if<ast::RawSql>(e) != nullptr; });
    if (expression && d.name == "mariadb")
      throw Unsupported{what(), "MariaDB has no expression indexes (index a generated column)"};
    return false;
  }
  if (auto const* di = ast::get_if<ast::DropIndex>(s)) {
    if (op.table)
      if (auto fk = fk_needing(op); !fk.empty())
        throw Unsupported{fmt::format("drop index {}", di->name.text),
                          "foreign key " + fk + " needs it (InnoDB keeps an index for every foreign key): drop the key first, "
                          "or drop the table, which takes its indexes"};
    out.add(fmt::format(FMT_COMPILE("DROP INDEX {} ON {}"), quote(d, di->name.text), quote_table(d, op.index->schema, op.index->table)));
    return true;
  }
  if (ast::get_if<ast::DropConstraint>(s)) {
    auto const& c = *op.constraint;
    auto const t = table_name(d, *op.table);
    switch (c.kind) {
      case Constraint::foreign_key: out.add(fmt::format(FMT_COMPILE("ALTER TABLE {} DROP FOREIGN KEY {}"), t, quote(d, c.name))); break;
      case Constraint::unique: out.add(fmt::format(FMT_COMPILE("ALTER TABLE {} DROP INDEX {}"), t, quote(d, c.name))); break;
      case Constraint::primary_key: out.add(fmt::format(FMT_COMPILE("ALTER TABLE {} DROP PRIMARY KEY"), t)); break;
      case Constraint::check:
        out.add(fmt::format(FMT_COMPILE("ALTER TABLE {} DROP {} {}"), t, d.name == "mariadb" ? "CONSTRAINT" : "CHECK", quote(d, c.name)));
        break;
    }
    return true;
  }
  if (ast::get_if<ast::CommentOnTable>(s)) {
    out.add(fmt::format(FMT_COMPILE("ALTER TABLE {} COMMENT {}"), table_name(d, *op.table), string_literal(d, op.table->comment.value_or(""))));
    return true;
  }
  if (ast::get_if<ast::CommentOnColumn>(s)) {
    modify(d, op, nullptr, out);
    return true;
  }
  if (ast::get_if<ast::RenameColumn>(s)) {
    modify(d, op, &*op.old_column, out);
    return true;
  }
  if (auto const* a = ast::get_if<ast::AlterColumn>(s)) {
    if (only_default_changes(*a)) {
      auto const t = table_name(d, *op.table);
      auto const col = quote(d, op.column->name);
      out.add(op.column->default_value
                  ? fmt::format(FMT_COMPILE("ALTER TABLE {} ALTER COLUMN {} SET DEFAULT {}"), t, col, default_sql(d, *op.column->default_value))
                  : fmt::format(FMT_COMPILE("ALTER TABLE {} ALTER COLUMN {} DROP DEFAULT"), t, col));
    } else {
      modify(d, op, nullptr, out);
    }
    return true;
  }
  return false;
}

Dialect make(std::string_view name, std::span<std::string_view const> words) {
  Dialect d;
  d.name = name;
  d.transactional_ddl = false;
  d.reads_table_indexes = true;  // fk_needing()
  // render_override() and the generic renderer read an op's table by name, constraints and
  // comment (table_options() only CREATE TABLE's, whose op holds the whole table).
  d.reads_whole_tables = false;
  d.quote_open = '`';
  d.quote_close = '`';
  d.reserved_words = {words.begin(), words.end()};
  d.max_identifier_length = 64;
  d.name_problem = [](std::string_view name) -> char const* {
    if (name.ends_with(' ')) return "MySQL names cannot end with a space";
    for (char c : name)  // a 4-byte UTF-8 sequence: a character beyond the Basic Multilingual Plane
      if ((static_cast<unsigned char>(c) & 0xF8) == 0xF0) return "MySQL names hold only characters of the Basic Multilingual Plane";
    return nullptr;
  };
  d.escape_backslashes = true;
  d.column_type = column_type;
  d.column_attributes = column_attributes;
  d.table_options = table_options;
  d.render_override = render_override;
  return d;
}

}  // namespace

// Each built at its first use (see postgresql()).
Dialect const& mysql() {
  static Dialect const dialect = make("mysql", mysql_reserved);
  return dialect;
}
Dialect const& mariadb() {
  static Dialect const dialect = make("mariadb", mariadb_reserved);
  return dialect;
}

}  // namespace retort::dialects
