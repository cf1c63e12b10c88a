// The generic renderer: every op as SQLAlchemy 1.4 and Alembic 1.8 write it, consulting the
// dialect's table and hooks for what differs.
#include <algorithm>

#include <fmt/compile.h>
#include <fmt/format.h>

#include "dialects/dialect.hpp"

namespace retort::dialects {

using namespace schema;


namespace {

bool needs_quotes(Dialect const& d, std::string_view name) {
  if (name.empty()) return true;
  if ((name[0] >= '0' && name[0] <= '9') || name[0] == '$') return true;
  // Quoted unless lower case, legal characters only, and not reserved (checked last: the
  // name is then its own lower case).
  bool plain = std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
  });
  return !plain || d.reserved_words.contains(name);
}

std::string names(Dialect const& d, std::vector<ast::Text> const& list) {
  std::string out;
  for (auto const& n : list) {
    if (!out.empty()) out += ", ";
    out += quote(d, n);
  }
  return out;
}

std::string fk_tail(Dialect const& d, Constraint const& c) {
  static constexpr char const* rules[] = {"CASCADE", "RESTRICT", "SET NULL", "SET DEFAULT", "NO ACTION"};
  std::string out = fmt::format(FMT_COMPILE(" REFERENCES {} ({})"), quote_table(d, c.ref_schema, c.ref_table), names(d, c.ref_columns));
  for (auto event : {ast::FkEvent::on_delete, ast::FkEvent::on_update})
    for (auto const& a : c.actions)
      if (a.event == event)
        out += fmt::format(FMT_COMPILE(" {} {}"), event == ast::FkEvent::on_delete ? "ON DELETE" : "ON UPDATE", rules[static_cast<int>(a.rule)]);
  switch (c.deferral) {
    case ast::Deferral::not_deferrable: break;
    case ast::Deferral::deferrable: out += " DEFERRABLE"; break;
    case ast::Deferral::initially_deferred: out += " DEFERRABLE INITIALLY DEFERRED"; break;
    case ast::Deferral::initially_immediate: out += " DEFERRABLE INITIALLY IMMEDIATE"; break;
  }
  return out;
}

}  // namespace

std::string trim(std::string_view s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

std::string sized_type(std::string_view name, ast::Type const& t) {
  return t.length ? fmt::format(FMT_COMPILE("{}({})"), name, *t.length) : std::string(name);
}

std::string numeric_type(ast::Type const& t) {
  return t.scale ? fmt::format(FMT_COMPILE("NUMERIC({}, {})"), *t.length, *t.scale) : sized_type("NUMERIC", t);
}

std::size_t longest_value(ast::Type const& t) {
  std::size_t longest = 0;
  for (auto const& v : t.values()) longest = std::max(longest, v.size());
  return longest;
}

// A table constraint as CREATE TABLE and ADD CONSTRAINT write it.
std::string constraint_sql(Dialect const& d, Constraint const& c) {
  std::string out = c.name.empty() ? "" : "CONSTRAINT " + quote(d, c.name) + " ";
  switch (c.kind) {
    case Constraint::primary_key: return out + fmt::format(FMT_COMPILE("PRIMARY KEY ({})"), names(d, c.columns));
    case Constraint::unique: return out + fmt::format(FMT_COMPILE("UNIQUE ({})"), names(d, c.columns));
    case Constraint::foreign_key: return out + fmt::format(FMT_COMPILE("FOREIGN KEY({})"), names(d, c.columns)) + fk_tail(d, c);
    case Constraint::check: return out + fmt::format(FMT_COMPILE("CHECK ({})"), trim(c.sql->text));
  }
  return out;
}

void refuse_index_method(ast::CreateIndex const& ci, std::string_view engine) {
  throw Unsupported{fmt::format(FMT_COMPILE("create index {}"), ci.name.text),
                    fmt::format(FMT_COMPILE("'using {}' is not {} index method"), ci.method ? ci.method->text : "", engine)};
}

std::string table_name(Dialect const& d, Table const& t) { return quote_table(d, t.schema, t.name); }

std::string literal_sql(Dialect const& d, ast::Literal const& l) {
  switch (l.kind) {
    case ast::LiteralKind::number: return std::string(l.text);
    case ast::LiteralKind::string: return string_literal(d, l.text);
    case ast::LiteralKind::true_: return d.integer_booleans ? "1" : "true";
    case ast::LiteralKind::false_: return d.integer_booleans ? "0" : "false";
    case ast::LiteralKind::null: return "NULL";
  }
  return {};
}

namespace {

std::string comment_literal(Dialect const& d, std::optional<ast::Text> const& text) {
  return text ? string_literal(d, *text) : "NULL";
}


std::string index_elements(Dialect const& d, Index const& i) {
  std::string out;
  for (auto const& e : i.elements) {
    if (!out.empty()) out += ", ";
    if (auto const* c = boost::get<ast::IndexColumn>(&e.get()))
      out += quote(d, c->name.text) + (c->order == ast::SortOrder::asc ? " ASC" : c->order == ast::SortOrder::desc ? " DESC" : "");
    else
      out += "(" + trim(boost::get<ast::RawSql>(e.get()).text) + ")";
  }
  return out;
}

void create_table(Dialect const& d, Op const& op, Statements& out) {
  auto const& t = *op.table;
  std::string sql = "CREATE TABLE " + table_name(d, t) + " (\n";
  bool first = true;
  auto const line = [&](std::string const& text) {
    sql += first ? "    " : ", \n    ";
    sql += text;
    first = false;
  };
  for (auto const& c : t.columns) line(column_spec(d, c, true));
  for (auto const& c : *t.constraints) line(constraint_sql(d, c));
  sql += first ? ")" : "\n)";
  if (d.table_options) {  // the comment is a table option there
    d.table_options(d, t, sql);
    out.push_back(sql);
    return;
  }
  out.push_back(sql);
  if (t.comment) out.push_back(fmt::format(FMT_COMPILE("COMMENT ON TABLE {} IS {}"), table_name(d, t), string_literal(d, *t.comment)));
  for (auto const& c : t.columns)
    if (c.comment)
      out.push_back(fmt::format(FMT_COMPILE("COMMENT ON COLUMN {}.{} IS {}"), table_name(d, t), quote(d, c.name), string_literal(d, *c.comment)));
}

void add_column(Dialect const& d, Op const& op, Statements& out) {
  out = add_column_sql(d, op);
  auto const& c = *op.column;
  if (c.comment && !d.table_options)  // a comment is inline where table options carry them
    out.push_back(fmt::format(FMT_COMPILE("COMMENT ON COLUMN {}.{} IS {}"), table_name(d, *op.table), quote(d, c.name),
                              string_literal(d, *c.comment)));
}

void insert(Dialect const& d, Op const& op, ast::Insert const& s, Statements& out) {
  std::vector<ast::Text> cols;
  for (auto const& c : s.columns) cols.push_back(c.text);
  for (auto const& row : s.rows) {
    std::string values;
    for (auto const& v : row) values += (values.empty() ? "" : ", ") + literal_sql(d, v);
    out.push_back(fmt::format(FMT_COMPILE("INSERT INTO {} ({}) VALUES ({})"), table_name(d, *op.table), names(d, cols), values));
  }
}

// ALTER COLUMN as Alembic's PostgreSQL implementation orders it: type, nullability, default, comment.
void generic_alter_column(Dialect const& d, Op const& op, Statements& out) {
  auto const& s = boost::get<ast::AlterColumn>(op.statement->get());
  auto const prefix = fmt::format(FMT_COMPILE("ALTER TABLE {} ALTER COLUMN {}"), table_name(d, *op.table), quote(d, op.column->name));
  auto const find = [&](auto pred) { return std::find_if(s.changes.begin(), s.changes.end(), pred); };
  if (auto it = find([](auto const& c) { return boost::get<ast::TypeChange>(&c.get()); }); it != s.changes.end()) {
    auto const& tc = boost::get<ast::TypeChange>(it->get());
    auto sql = prefix + " TYPE " + d.column_type(d, *op.column, false);
    if (tc.using_) sql += " USING " + trim(tc.using_->text);
    out.push_back(sql);
  }
  for (auto const& c : s.changes)
    if (auto const* f = boost::get<ast::FlagChange>(&c.get()); f && f->flag != ast::ChangeFlag::drop_default)
      out.push_back(prefix + (f->flag == ast::ChangeFlag::set_not_null ? " SET NOT NULL" : " DROP NOT NULL"));
  for (auto const& c : s.changes) {
    if (auto const* sd = boost::get<ast::SetDefault>(&c.get())) out.push_back(prefix + " SET DEFAULT " + default_sql(d, sd->value));
    if (auto const* f = boost::get<ast::FlagChange>(&c.get()); f && f->flag == ast::ChangeFlag::drop_default)
      out.push_back(prefix + " DROP DEFAULT");
  }
  for (auto const& c : s.changes)
    if (boost::get<ast::CommentChange>(&c.get()))
      out.push_back(fmt::format(FMT_COMPILE("COMMENT ON COLUMN {}.{} IS {}"), table_name(d, *op.table), quote(d, op.column->name),
                                comment_literal(d, op.column->comment)));
}

}  // namespace

std::string quote(Dialect const& d, std::string_view name) {
  if (name.size() > d.max_identifier_length)  // engines truncate or refuse: never write it
    throw Unsupported{fmt::format(FMT_COMPILE("name '{}'"), name),
                      fmt::format(FMT_COMPILE("it is {} bytes, longer than the {} bytes {} allows"), name.size(), d.max_identifier_length, d.name)};
  if (auto const* why = d.name_problem ? d.name_problem(name) : nullptr) throw Unsupported{fmt::format(FMT_COMPILE("name '{}'"), name), why};
  if (!needs_quotes(d, name)) return std::string(name);
  std::string out(1, d.quote_open);
  for (char c : name) {
    out += c;
    if (c == d.quote_close) out += c;
  }
  return out + d.quote_close;
}

std::string quote_table(Dialect const& d, std::string_view schema, std::string_view name) {
  return schema.empty() ? quote(d, name) : quote(d, schema) + "." + quote(d, name);
}

std::string string_literal(Dialect const& d, std::string_view value) {
  if (d.line_break_hazard && value.find_first_of("\r\n") != std::string_view::npos)
    throw Unsupported{fmt::format(FMT_COMPILE("string '{}...'"), value.substr(0, value.find_first_of("\r\n"))), d.line_break_hazard};
  std::string out = "'";
  for (char c : value) {
    out += c;
    if (c == '\'' || (c == '\\' && d.escape_backslashes)) out += c;
  }
  return out + "'";
}

std::string default_sql(Dialect const& d, ast::DefaultExpr const& value) {
  if (auto const* l = boost::get<ast::Literal>(&value.get())) return literal_sql(d, *l);
  if (auto const* k = boost::get<ast::SqlKeyword>(&value.get()))
    return *k == ast::SqlKeyword::current_timestamp ? "CURRENT_TIMESTAMP"
           : *k == ast::SqlKeyword::current_date    ? "CURRENT_DATE"
                                                    : "CURRENT_TIME";
  if (auto const* f = boost::get<ast::FunctionCall>(&value.get())) {
    if (f->name.text == "now") return std::string(d.now_function);
    if (d.parenthesize_default_sql) return fmt::format(FMT_COMPILE("({}())"), f->name.text);
    return fmt::format(FMT_COMPILE("{}()"), f->name.text);
  }
  auto sql = trim(boost::get<ast::RawSql>(value.get()).text);
  return d.parenthesize_default_sql ? "(" + sql + ")" : sql;
}

std::string column_spec(Dialect const& d, Column const& c, bool in_create_table) {
  if (d.column_spec) return d.column_spec(d, c, in_create_table);
  std::string out = quote(d, c.name);
  out += ' ';
  out += d.column_type(d, c, in_create_table);
  if (c.default_value) {
    out += " DEFAULT ";
    out += default_sql(d, *c.default_value);
  }
  if (!c.nullable) out += " NOT NULL";
  append_column_check(d, c, out);
  return out;
}

void append_column_check(Dialect const& d, Column const& c, std::string& out) {
  if (!c.check) return;
  if (c.check_name) (out += " CONSTRAINT ") += quote(d, *c.check_name);
  ((out += " CHECK (") += trim(c.check->text)) += ')';
}

namespace {
Statements render_op(Dialect const& d, Op const& op);
Statements rebuild_sql(Dialect const& d, Table const& before, Op const& last);

// An op the dialect cannot express, reported at its statement.
void report(Dialect const& d, Op const& op, Unsupported const& u, SourceFile const* file, DiagnosticSink& diags) {
  auto loc = boost::apply_visitor([](auto const& s) -> ast::Loc {
    if constexpr (requires { ast::unboxed(s).loc; }) return ast::unboxed(s).loc; else return {};
  }, op.statement->get());
  if (file) diags.error(*file, loc.offset, DiagKind::unsupported, u.what, d.name, u.why);
  else diags.error(DiagKind::unsupported, u.what, d.name, u.why);
}

std::string create_index_sql(Dialect const& d, Index const& i, bool concurrently) {
  return fmt::format(FMT_COMPILE("CREATE {}INDEX {}{} ON {} {}({}){}"), i.unique ? "UNIQUE " : "",
                     concurrently && d.concurrent_indexes ? "CONCURRENTLY " : "", quote(d, i.name),
                     quote_table(d, i.schema, i.table), i.method ? fmt::format(FMT_COMPILE("USING {} "), *i.method) : "", index_elements(d, i),
                     i.where ? " WHERE " + trim(i.where->text) : "");
}
}  // namespace

Statements rebuild(Dialect const& d, Table const& before, Op const& last, SourceFile const* file, DiagnosticSink& diags) {
  try {
    return rebuild_sql(d, before, last);
  } catch (Unsupported const& u) {
    report(d, last, u, file, diags);
    return {};
  }
}

namespace {
Statements rebuild_sql(Dialect const& d, Table const& before, Op const& last) {
  Statements out;
  Table shape = *last.table;
  auto const temp = fmt::format(FMT_COMPILE("_alembic_tmp_{}"), shape.name);
  shape.name = temp;
  Op create;
  create.table = std::make_shared<Table const>(shape);
  create_table(d, create, out);
  out.resize(1);  // the comments SQLite cannot keep
  std::vector<std::string> columns, values;
  for (auto const& c : last.table->columns) {
    auto const* old = before.column(c.name);
    if (!old) continue;
    columns.push_back(quote(d, c.name));
    values.push_back(old->type == c.type ? quote_table(d, "", before.name) + "." + quote(d, c.name)
                                          : fmt::format(FMT_COMPILE("CAST({}.{} AS {})"), quote(d, before.name), quote(d, c.name),
                                                        d.column_type(d, c, false)));
  }
  auto join = [](std::vector<std::string> const& v) {
    std::string s;
    for (auto const& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
  };
  out.push_back(fmt::format(FMT_COMPILE("INSERT INTO {} ({}) SELECT {} FROM {}"), quote_table(d, shape.schema, temp), join(columns),
                            join(values), table_name(d, before)));
  out.push_back("DROP TABLE " + table_name(d, before));
  out.push_back(fmt::format(FMT_COMPILE("ALTER TABLE {} RENAME TO {}"), quote_table(d, shape.schema, temp), quote(d, last.table->name)));
  for (auto const& i : last.indexes) out.push_back(create_index_sql(d, *i, false));
  return out;
}
}  // namespace

Statements render(Dialect const& d, Op const& op, SourceFile const* file, DiagnosticSink& diags) {
  try {
    return render_op(d, op);
  } catch (Unsupported const& u) {
    report(d, op, u, file, diags);
    return {};
  }
}

namespace {
Statements render_op(Dialect const& d, Op const& op) {
  Statements out;
  if (d.render_override && d.render_override(d, op, out)) return out;
  return render_generic(d, op);
}
}  // namespace

Statements add_column_sql(Dialect const& d, Op const& op) {
  auto const& t = *op.table;
  auto const& c = *op.column;
  Statements out{fmt::format(FMT_COMPILE("ALTER TABLE {} {} {}"), table_name(d, t), d.add_column, column_spec(d, c, false))};
  for (auto const& k : *t.constraints)  // the constraints the column's own options made
    if (k.from_column && k.kind != Constraint::primary_key && k.columns.size() == 1 && k.columns.front() == c.name)
      out.push_back(fmt::format(FMT_COMPILE("ALTER TABLE {} ADD {}"), table_name(d, t), constraint_sql(d, k)));
  return out;
}

Statements render_generic(Dialect const& d, Op const& op) {
  Statements out;
  auto const& s = op.statement->get();
  auto enums_first = [&] {
    if (!op.create_enums.empty() && d.create_enums) d.create_enums(d, op.create_enums, out);
  };
  auto enums_after = [&] {
    if (!op.drop_enums.empty() && d.drop_enums) d.drop_enums(d, op.drop_enums, out);
  };
  if (boost::get<ast::CreateTable>(&s)) {
    enums_first();
    create_table(d, op, out);
  } else if (boost::get<ast::DropTable>(&s)) {
    out.push_back("DROP TABLE " + table_name(d, *op.table));
    enums_after();
  } else if (auto const* rt = boost::get<ast::RenameTable>(&s)) {
    out.push_back(fmt::format(FMT_COMPILE("ALTER TABLE {} RENAME TO {}"), quote_table(d, rt->table.schema, rt->table.name),
                              quote(d, rt->new_name.text)));
  } else if (boost::get<ast::AddColumn>(&s)) {
    enums_first();
    add_column(d, op, out);
  } else if (boost::get<ast::DropColumn>(&s)) {
    out.push_back(fmt::format(FMT_COMPILE("ALTER TABLE {} DROP COLUMN {}"), table_name(d, *op.table), quote(d, op.column->name)));
    enums_after();
  } else if (boost::get<ast::RenameColumn>(&s)) {
    out.push_back(fmt::format(FMT_COMPILE("ALTER TABLE {} RENAME {} TO {}"), table_name(d, *op.table), quote(d, op.old_column->name),
                              quote(d, op.column->name)));
  } else if (boost::get<ast::AlterColumn>(&s)) {
    enums_first();
    (d.alter_column ? d.alter_column : generic_alter_column)(d, op, out);
    enums_after();
  } else if (auto const* ci = ast::get_if<ast::CreateIndex>(s)) {
    out.push_back(create_index_sql(d, *op.index, ci->concurrently));
  } else if (auto const* di = boost::get<ast::DropIndex>(&s)) {
    out.push_back(fmt::format(FMT_COMPILE("DROP INDEX {}{}"), di->concurrently && d.concurrent_indexes ? "CONCURRENTLY " : "",
                              quote_table(d, op.index->schema, op.index->name)));
  } else if (ast::get_if<ast::AddConstraint>(s)) {
    out.push_back(fmt::format(FMT_COMPILE("ALTER TABLE {} ADD {}"), table_name(d, *op.table), constraint_sql(d, *op.constraint)));
  } else if (boost::get<ast::DropConstraint>(&s)) {
    out.push_back(fmt::format(FMT_COMPILE("ALTER TABLE {} DROP CONSTRAINT {}"), table_name(d, *op.table), quote(d, op.constraint->name)));
  } else if (boost::get<ast::CommentOnTable>(&s)) {
    out.push_back(fmt::format(FMT_COMPILE("COMMENT ON TABLE {} IS {}"), table_name(d, *op.table), comment_literal(d, op.table->comment)));
  } else if (boost::get<ast::CommentOnColumn>(&s)) {
    out.push_back(fmt::format(FMT_COMPILE("COMMENT ON COLUMN {}.{} IS {}"), table_name(d, *op.table), quote(d, op.column->name),
                              comment_literal(d, op.column->comment)));
  } else if (auto const* in = boost::get<ast::Insert>(&s)) {
    insert(d, op, *in, out);
  } else if (auto const* ex = boost::get<ast::Execute>(&s)) {
    bool mine = ex->dialects.empty() ||
                std::any_of(ex->dialects.begin(), ex->dialects.end(), [&](auto const& n) { return n.text == d.name; });
    if (mine) out.push_back(trim(ex->sql.text));
  }
  return out;
}

}  // namespace retort::dialects
