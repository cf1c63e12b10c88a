// SQL Server (>= 2017): [quoted] names, IDENTITY, BIT booleans with 1/0, the (max) types,
// BEGIN TRANSACTION and a GO line after every statement, ALTER COLUMN with type and
// nullability, sp_rename, extended properties for comments, and the T-SQL lookups of
// Alembic's mssql_drop_default/_check/_foreign_key before a column or default is dropped.
#include <array>

#include <fmt/compile.h>
#include <fmt/format.h>

#include "dialects/dialect.hpp"

namespace retort::dialects {

namespace {

#include "dialects/mssql_words.inc"

using namespace schema;

void column_type(std::string& out, Dialect const&, Column const& c, bool) {
  using K = ast::TypeKind;
  auto const& t = *c.type;
  auto sized = [&](char const* name, char const* otherwise) {
    return t.length ? fmt::format(FMT_COMPILE("{}({})"), name, *t.length) : std::string(otherwise);
  };
  switch (t.kind) {
    case K::integer: out += "INTEGER"; return;
    case K::smallint: out += "SMALLINT"; return;
    case K::bigint: out += "BIGINT"; return;
    case K::boolean: out += "BIT"; return;
    case K::float_: out += "FLOAT"; return;
    case K::numeric: append_numeric_type(out, t); return;
    case K::string: out += sized("VARCHAR", "VARCHAR(max)"); return;
    case K::unicode: out += sized("NVARCHAR", "NVARCHAR(max)"); return;
    case K::char_: append_sized_type(out, "CHAR", t); return;
    case K::text: out += "VARCHAR(max)"; return;
    case K::unicode_text:
    case K::json: out += "NVARCHAR(max)"; return;
    case K::date: out += "DATE"; return;
    case K::time: out += "TIME"; return;
    case K::datetime: out += t.timezone ? "DATETIMEOFFSET" : "DATETIME"; return;
    case K::interval: out += "DATETIME"; return;
    case K::binary: out += "VARBINARY(max)"; return;
    case K::uuid: out += "UNIQUEIDENTIFIER"; return;
    case K::enum_: out += fmt::format(FMT_COMPILE("VARCHAR({})"), longest_value(t)); return;
    case K::native: out += t.native(); return;
  }
}

// SQLAlchemy's SQL Server column: name type NULL|NOT NULL [IDENTITY | DEFAULT x] [CHECK].
void column_attributes(std::string& out, Dialect const& d, Column const& c) {
  out += c.nullable ? " NULL" : " NOT NULL";
  if (c.autoincrement) out += " IDENTITY";
  else if (c.default_value) (out += " DEFAULT ") += default_sql(d, *c.default_value);
}

// Alembic's lookup of the system-named constraint of a column in a catalog view. Names go
// into its string literals quoted and escaped, so that none can end a literal.
// `from` is what follows FROM (" view" on the line, or "\n" and a join); `of` qualifies the
// parent columns ("fkc." in the join).
std::string drop_lookup(Dialect const& d, Table const& t, std::string_view column, std::string_view from,
                        std::string_view of = "") {
  return fmt::format("declare @const_name varchar(256)\nselect @const_name = [name] from{}\nwhere {}parent_object_id = "
                     "object_id({})\nand col_name({}parent_object_id, {}parent_column_id) = {}\nexec({} + @const_name)",
                     from, of, string_literal(d, table_name(d, t)), of, of, string_literal(d, column),
                     string_literal(d, fmt::format(FMT_COMPILE("alter table {} drop constraint "), table_name(d, t))));
}

std::string drop_fk_lookup(Dialect const& d, Table const& t, std::string_view column) {
  return drop_lookup(d, t, column,
                     "\nsys.foreign_keys fk join sys.foreign_key_columns fkc\non fk.object_id=fkc.constraint_object_id",
                     "fkc.");
}

// sp_addextendedproperty / sp_updateextendedproperty / sp_dropextendedproperty for MS_Description.
std::string description(Dialect const& d, Table const& t, std::optional<std::string_view> column,
                        std::optional<ast::Text> const& before, std::optional<ast::Text> const& after) {
  auto const level = fmt::format(FMT_COMPILE("'schema', N{}, 'table', N{}{}"), string_literal(d, t.schema.empty() ? "dbo" : t.schema),
                                 string_literal(d, t.name),
                                 column ? fmt::format(FMT_COMPILE(", 'column', N{}"), string_literal(d, *column)) : std::string());
  if (!after) return fmt::format(FMT_COMPILE("EXEC sp_dropextendedproperty 'MS_Description', {}"), level);
  return fmt::format(FMT_COMPILE("EXEC {} 'MS_Description', N{}, {}"), before ? "sp_updateextendedproperty" : "sp_addextendedproperty",
                     string_literal(d, *after), level);
}

bool render_override(Dialect const& d, Op const& op, Statements& out) {
  auto const& s = op.statement->get();
  if (ast::get_if<ast::CreateTable>(s)) {
    auto const& t = *op.table;
    create_table_sql(d, t, t.name, out);  // (without the COMMENT ON lines this engine lacks)
    if (t.comment) out.add(description(d, t, std::nullopt, std::nullopt, t.comment));
    for (auto const& c : t.columns)
      if (c.comment()) out.add(description(d, t, c.name, std::nullopt, c.comment()));
    return true;
  }
  if (ast::get_if<ast::AddColumn>(s)) {
    add_column_sql(d, op, out);
    if (op.column->comment()) out.add(description(d, *op.table, op.column->name, std::nullopt, op.column->comment()));
    return true;
  }
  if (ast::get_if<ast::DropColumn>(s)) {
    auto const& before = *op.table_before;
    auto const& c = *op.column;
    if (c.default_value) out.add(drop_lookup(d, before, c.name, " sys.default_constraints"));
    if (c.check() && !c.check_name().empty())
      out.add(fmt::format(FMT_COMPILE("ALTER TABLE {} DROP CONSTRAINT {}"), table_name(d, before), quote(d, c.check_name())));
    else if (c.check())
      out.add(drop_lookup(d, before, c.name, " sys.check_constraints"));
    for (auto const& k : *before.constraints)
      if (k.kind == Constraint::foreign_key && k.columns.size() == 1 && k.columns.front() == c.name) {
        out.add(k.name.empty() ? drop_fk_lookup(d, before, c.name)
                               : fmt::format(FMT_COMPILE("ALTER TABLE {} DROP CONSTRAINT {}"), table_name(d, before), quote(d, k.name)));
      } else if (k.kind == Constraint::unique && k.columns.size() == 1 && k.columns.front() == c.name && !k.name.empty()) {
        out.add(fmt::format(FMT_COMPILE("ALTER TABLE {} DROP CONSTRAINT {}"), table_name(d, before), quote(d, k.name)));
      } else if (k.kind == Constraint::unique && k.columns.size() == 1 && k.columns.front() == c.name) {
        throw Unsupported{"drop column " + std::string(c.name), "its unnamed unique constraint has a name SQL Server chose; name it"};
      }
    append_quoted(alter_table(out.sql(), d, before) += " DROP COLUMN ", d, c.name);
    out.end();
    return true;
  }
  if (ast::get_if<ast::RenameColumn>(s)) {
    auto target = table_name(d, *op.table);
    append_quoted(target += '.', d, op.old_column->name);
    auto& sql = out.sql();
    (sql += "EXEC sp_rename ") += string_literal(d, target);
    append_quoted(sql += ", ", d, op.column->name);
    sql += ", 'COLUMN'";
    out.end();
    return true;
  }
  if (auto const* rt = ast::get_if<ast::RenameTable>(s)) {
    out.add(fmt::format(FMT_COMPILE("EXEC sp_rename {}, {}"), string_literal(d, quote_table(d, rt->table.schema, rt->table.name)),
                        quote(d, rt->new_name.text)));
    return true;
  }
  if (ast::get_if<ast::DropIndex>(s)) {
    out.add(fmt::format(FMT_COMPILE("DROP INDEX {} ON {}"), quote(d, op.index->name), quote_table(d, op.index->schema, op.index->table)));
    return true;
  }
  if (ast::get_if<ast::CommentOnTable>(s)) {
    out.add(description(d, *op.table, std::nullopt, op.table_before ? op.table_before->comment : std::nullopt, op.table->comment));
    return true;
  }
  if (ast::get_if<ast::CommentOnColumn>(s)) {
    out.add(description(d, *op.table, op.column->name, op.old_column->comment(), op.column->comment()));
    return true;
  }
  if (auto const* a = ast::get_if<ast::AlterColumn>(s)) {
    auto const& t = *op.table;
    auto const& before = *op.old_column;
    auto const& after = *op.column;
    auto const col = quote(d, after.name);
    bool type_or_null = !(before.type == after.type) || before.nullable != after.nullable;
    if (type_or_null) {
      auto& sql = alter_table(out.sql(), d, t);
      (sql += " ALTER COLUMN ") += col;
      d.column_type(sql += ' ', d, after, false);
      sql += after.nullable ? " NULL" : " NOT NULL";
      out.end();
    }
    bool default_change = std::any_of(a->changes.begin(), a->changes.end(), [](ast::Change const& c) {
      auto const* f = ast::get_if<ast::FlagChange>(c);
      return ast::get_if<ast::SetDefault>(c) || (f && f->flag == ast::ChangeFlag::drop_default);
    });
    if (default_change) {
      out.add(drop_lookup(d, t, after.name, " sys.default_constraints"));
      if (after.default_value)
        out.add(fmt::format(FMT_COMPILE("ALTER TABLE {} ADD DEFAULT {} FOR {}"), table_name(d, t), default_sql(d, *after.default_value), col));
    }
    if (before.comment() != after.comment()) out.add(description(d, t, after.name, before.comment(), after.comment()));
    return true;
  }
  if (auto const* in = ast::get_if<ast::Insert>(s)) {
    bool identity = false;
    for (auto const& c : in->columns)
      if (auto const* col = op.table->column(c.text); col && col->autoincrement) identity = true;
    if (identity) out.add("SET IDENTITY_INSERT " + table_name(d, *op.table) + " ON");
    render_generic(d, op, out);
    if (identity) out.add("SET IDENTITY_INSERT " + table_name(d, *op.table) + " OFF");
    return true;
  }
  if (auto const* ci = ast::get_if<ast::CreateIndex>(s); ci && ci->method)
    refuse_index_method(*ci, "a SQL Server");
  return false;
}

}  // namespace

// Built at its first use: a run builds the one dialect it writes, not all six at startup.
Dialect const& mssql() {
  static Dialect const dialect = [] {
    Dialect d;
    d.name = "mssql";
    d.line_break_hazard = "sqlcmd would read a 'GO' line inside it as the end of the batch (write CHAR(10) in raw SQL)";
    d.begin = "BEGIN TRANSACTION";
    d.separator = "GO";
    d.quote_open = '[';
    d.quote_close = ']';
    d.reserved_words = {mssql_reserved.begin(), mssql_reserved.end()};
    d.max_identifier_length = 128;
    d.now_function = "CURRENT_TIMESTAMP";
    d.integer_booleans = true;
    d.add_column = "ADD";
    d.version_insert_output = true;
    d.column_type = column_type;
    d.column_attributes = column_attributes;
    d.render_override = render_override;
    return d;
  }();
  return dialect;
}

}  // namespace retort::dialects
