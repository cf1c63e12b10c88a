// The generic renderer: every op as SQLAlchemy 1.4 and Alembic 1.8 write it, consulting the
// dialect's table and hooks for what differs.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include <fmt/compile.h>
#include <fmt/format.h>

#include "dialects/dialect.hpp"

namespace retort::dialects {

using namespace schema;


namespace {

// The bytes a name may hold unquoted: lower-case ASCII letters, digits, `_` and `$` (1), of
// which the digits and `$` may not start it (2).
constexpr auto name_bytes = [] {
  std::array<unsigned char, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = 1;
  t['_'] = 1;
  for (int c = '0'; c <= '9'; ++c) t[c] = 1 | 2;
  t['$'] = 1 | 2;
  return t;
}();

// Whether the name is written as it is unless reserved: lower-case ASCII letters, digits, `_`
// and `$`, not starting with a digit or `$` (every engine holds such a name, quoted or not).
bool plain(std::string_view name) {
  if (name.empty() || name_bytes[static_cast<unsigned char>(name[0])] & 2) return false;
  unsigned all = 1;
  for (char c : name) all &= name_bytes[static_cast<unsigned char>(c)];
  return all;
}

// A name the engine would truncate or refuse: never written (apart, so that quoting the
// names that are fine sets up no more than it needs).
[[noreturn, gnu::noinline, gnu::cold]] void refuse_name(Dialect const& d, std::string_view name, char const* why) {
  if (!why)
    throw Unsupported{fmt::format(FMT_COMPILE("name '{}'"), name),
                      fmt::format(FMT_COMPILE("it is {} bytes, longer than the {} bytes {} allows"), name.size(),
                                  d.max_identifier_length, d.name)};
  throw Unsupported{fmt::format(FMT_COMPILE("name '{}'"), name), why};
}

// The names, quoted, separated by ", ".
void append_names(std::string& out, Dialect const& d, std::vector<ast::Text> const& list) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i) out += ", ";
    append_quoted(out, d, list[i]);
  }
}

std::string names(Dialect const& d, std::vector<ast::Text> const& list) {
  std::string out;
  append_names(out, d, list);
  return out;
}

void append_fk_tail(std::string& out, Dialect const& d, Constraint const& c) {
  static constexpr std::string_view rules[] = {"CASCADE", "RESTRICT", "SET NULL", "SET DEFAULT", "NO ACTION"};
  out += " REFERENCES ";
  append_quoted_table(out, d, c.ref_schema, c.ref_table);
  out += " (";
  append_names(out, d, c.ref_columns);
  out += ')';
  for (auto event : {ast::FkEvent::on_delete, ast::FkEvent::on_update})
    for (auto const& a : c.actions)
      if (a.event == event) {
        out += event == ast::FkEvent::on_delete ? " ON DELETE " : " ON UPDATE ";
        out += rules[static_cast<int>(a.rule)];
      }
  switch (c.deferral) {
    case ast::Deferral::not_deferrable: break;
    case ast::Deferral::deferrable: out += " DEFERRABLE"; break;
    case ast::Deferral::initially_deferred: out += " DEFERRABLE INITIALLY DEFERRED"; break;
    case ast::Deferral::initially_immediate: out += " DEFERRABLE INITIALLY IMMEDIATE"; break;
  }
}

}  // namespace

// A count as decimal digits, without a format string to interpret (types write many).
void append_count(std::string& out, std::uint32_t n) {
  fmt::format_int digits(n);
  out.append(digits.data(), digits.size());
}

std::string_view trimmed(std::string_view s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::string trim(std::string_view s) { return std::string(trimmed(s)); }

void append_sized_type(std::string& out, std::string_view name, ast::Type const& t) {
  out += name;
  if (t.length) {
    out += '(';
    append_count(out, *t.length);
    out += ')';
  }
}

void append_numeric_type(std::string& out, ast::Type const& t) {
  if (!t.scale) return append_sized_type(out, "NUMERIC", t);
  out += "NUMERIC(";
  append_count(out, *t.length);
  out += ", ";
  append_count(out, *t.scale);
  out += ')';
}

std::size_t longest_value(ast::Type const& t) {
  std::size_t longest = 0;
  for (auto const& v : t.values()) longest = std::max(longest, v.size());
  return longest;
}

// A table constraint as CREATE TABLE and ADD CONSTRAINT write it.
void append_constraint_sql(std::string& out, Dialect const& d, Constraint const& c) {
  if (!c.name.empty()) {
    out += "CONSTRAINT ";
    append_quoted(out, d, c.name);
    out += ' ';
  }
  static constexpr std::string_view opening[] = {"PRIMARY KEY (", "UNIQUE (", "FOREIGN KEY(", "CHECK ("};
  out += opening[c.kind];
  if (c.kind == Constraint::check) out += trimmed(c.sql->text);
  else append_names(out, d, c.columns);
  out += ')';
  if (c.kind == Constraint::foreign_key) append_fk_tail(out, d, c);
}

std::string constraint_sql(Dialect const& d, Constraint const& c) {
  std::string out;
  append_constraint_sql(out, d, c);
  return out;
}

void refuse_index_method(ast::CreateIndex const& ci, std::string_view engine) {
  throw Unsupported{fmt::format(FMT_COMPILE("create index {}"), ci.name.text),
                    fmt::format(FMT_COMPILE("'using {}' is not {} index method"), ci.method ? ci.method->text : "", engine)};
}

std::string table_name(Dialect const& d, Table const& t) { return quote_table(d, t.schema, t.name); }
void append_table_name(std::string& out, Dialect const& d, Table const& t) { append_quoted_table(out, d, t.schema, t.name); }

std::string& alter_table(std::string& sql, Dialect const& d, Table const& t) {
  sql += "ALTER TABLE ";
  append_table_name(sql, d, t);
  return sql;
}

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


void append_index_elements(std::string& out, Dialect const& d, Index const& i) {
  for (std::size_t k = 0; k < i.elements.size(); ++k) {
    if (k) out += ", ";
    auto const& e = i.elements[k].get();
    if (auto const* c = ast::get_if<ast::IndexColumn>(e)) {
      append_quoted(out, d, c->name.text);
      out += c->order == ast::SortOrder::asc ? " ASC" : c->order == ast::SortOrder::desc ? " DESC" : "";
    } else {
      ((out += '(') += trimmed(boost::get<ast::RawSql>(e).text)) += ')';
    }
  }
}

}  // namespace

void create_table_sql(Dialect const& d, Table const& t, std::string_view name, Statements& out) {
  auto& sql = out.sql();
  sql += "CREATE TABLE ";
  append_quoted_table(sql, d, t.schema, name);
  sql += " (\n";
  bool first = true;
  auto const line = [&] {
    sql += first ? "    " : ", \n    ";
    first = false;
  };
  for (auto const& c : t.columns) line(), append_column_spec(sql, d, c, true);
  for (auto const& c : *t.constraints) line(), append_constraint_sql(sql, d, c);
  sql += first ? ")" : "\n)";
  if (d.table_options) d.table_options(d, t, sql);  // the comment is a table option there
  out.end();
}

namespace {

void create_table(Dialect const& d, Op const& op, Statements& out) {
  auto const& t = *op.table;
  create_table_sql(d, t, t.name, out);
  if (d.table_options) return;
  if (t.comment) out.add(fmt::format(FMT_COMPILE("COMMENT ON TABLE {} IS {}"), table_name(d, t), string_literal(d, *t.comment)));
  for (auto const& c : t.columns)
    if (auto const comment = c.comment())
      out.add(fmt::format(FMT_COMPILE("COMMENT ON COLUMN {}.{} IS {}"), table_name(d, t), quote(d, c.name), string_literal(d, *comment)));
}

void add_column(Dialect const& d, Op const& op, Statements& out) {
  add_column_sql(d, op, out);
  auto const& c = *op.column;
  if (auto const comment = c.comment(); comment && !d.table_options)  // a comment is inline where table options carry them
    out.add(fmt::format(FMT_COMPILE("COMMENT ON COLUMN {}.{} IS {}"), table_name(d, *op.table), quote(d, c.name),
                        string_literal(d, *comment)));
}

void insert(Dialect const& d, Op const& op, ast::Insert const& s, Statements& out) {
  std::vector<ast::Text> cols;
  for (auto const& c : s.columns) cols.push_back(c.text);
  for (auto const& row : s.rows) {
    std::string values;
    for (auto const& v : row) values += (values.empty() ? "" : ", ") + literal_sql(d, v);
    out.add(fmt::format(FMT_COMPILE("INSERT INTO {} ({}) VALUES ({})"), table_name(d, *op.table), names(d, cols), values));
  }
}

// ALTER COLUMN as Alembic's PostgreSQL implementation orders it: type, nullability, default, comment.
void generic_alter_column(Dialect const& d, Op const& op, Statements& out) {
  auto const& s = boost::get<ast::AlterColumn>(op.statement->get());
  std::string prefix;
  alter_table(prefix, d, *op.table) += " ALTER COLUMN ";
  append_quoted(prefix, d, op.column->name);
  auto const find = [&](auto pred) { return std::find_if(s.changes.begin(), s.changes.end(), pred); };
  if (auto it = find([](auto const& c) { return ast::get_if<ast::TypeChange>(c); }); it != s.changes.end()) {
    auto const& tc = boost::get<ast::TypeChange>(it->get());
    auto& sql = out.sql();
    (sql += prefix) += " TYPE ";
    d.column_type(sql, d, *op.column, false);
    if (tc.using_) (sql += " USING ") += trimmed(tc.using_->text);
    out.end();
  }
  for (auto const& c : s.changes)
    if (auto const* f = ast::get_if<ast::FlagChange>(c); f && f->flag != ast::ChangeFlag::drop_default)
      out.add(prefix + (f->flag == ast::ChangeFlag::set_not_null ? " SET NOT NULL" : " DROP NOT NULL"));
  for (auto const& c : s.changes) {
    if (auto const* sd = ast::get_if<ast::SetDefault>(c)) out.add(prefix + " SET DEFAULT " + default_sql(d, sd->value));
    if (auto const* f = ast::get_if<ast::FlagChange>(c); f && f->flag == ast::ChangeFlag::drop_default)
      out.add(prefix + " DROP DEFAULT");
  }
  for (auto const& c : s.changes)
    if (ast::get_if<ast::CommentChange>(c))
      out.add(fmt::format(FMT_COMPILE("COMMENT ON COLUMN {}.{} IS {}"), table_name(d, *op.table), quote(d, op.column->name),
                          comment_literal(d, op.column->comment())));
}

}  // namespace

namespace {

// The names of 16 bytes or fewer this thread has written as they are, for the dialect it
// wrote each for (known by its address: the dialects live as long as the process). A name
// comes again and again (a table's columns in each statement on the table, a SQLite
// rebuild's in four), and one found here is written without its bytes being checked one by
// one and looked up among the reserved words again. A name is held as its size and two
// words that, given the size, are its bytes (its first 8 and last 8, or for fewer, first 4
// and last 4, or first, middle and last): a name found is the name held.
class PlainNames {
 public:
  bool contains(Dialect const& d, std::string_view name) const {
    Key k;
    if (!key(name, k)) return false;
    auto const& s = slots_[slot(k)];
    return s.dialect == &d && s.key == k;
  }
  void add(Dialect const& d, std::string_view name) {
    Key k;
    if (key(name, k)) slots_[slot(k)] = {&d, k};
  }

 private:
  struct Key {
    std::uint64_t first = 0, last = 0;
    std::size_t size = 0;
    bool operator==(Key const&) const = default;
  };
  static bool key(std::string_view n, Key& k) {
    auto const size = n.size();
    if (size == 0 || size > 16) return false;
    k.size = size;
    auto const* p = n.data();
    if (size >= 8) {
      std::memcpy(&k.first, p, 8);
      std::memcpy(&k.last, p + size - 8, 8);
    } else if (size >= 4) {
      std::uint32_t a, b;
      std::memcpy(&a, p, 4);
      std::memcpy(&b, p + size - 4, 4);
      k.first = a;
      k.last = b;
    } else {
      k.first = static_cast<unsigned char>(p[0]) | static_cast<unsigned char>(p[size / 2]) << 8 |
                static_cast<unsigned char>(p[size - 1]) << 16;
    }
    return true;
  }
  static std::size_t slot(Key const& k) {
    return static_cast<std::size_t>(((k.first * 0x9E3779B97F4A7C15u) ^ (k.last * 0xC2B2AE3D27D4EB4Fu) ^ k.size) >> 56);
  }
  struct Slot {
    Dialect const* dialect = nullptr;
    Key key;
  };
  std::array<Slot, 256> slots_{};
};

thread_local PlainNames plain_names;

}  // namespace

// Quoted unless plain and not reserved (checked last: a plain name is its own lower case).
void append_quoted(std::string& out, Dialect const& d, std::string_view name) {
  auto& known = plain_names;
  if (known.contains(d, name)) {
    out += name;
    return;
  }
  if (name.size() > d.max_identifier_length) refuse_name(d, name, nullptr);  // engines truncate or refuse
  if (plain(name)) {  // (no engine's name_problem: most names, and the dialect is not asked)
    if (!d.reserved_words.contains(name)) {
      known.add(d, name);
      out += name;
      return;
    }
  } else if (d.name_problem) {
    if (auto const* why = d.name_problem(name)) refuse_name(d, name, why);
  }
  out += d.quote_open;
  for (char c : name) {
    out += c;
    if (c == d.quote_close) out += c;
  }
  out += d.quote_close;
}

std::string quote(Dialect const& d, std::string_view name) {
  std::string out;
  append_quoted(out, d, name);
  return out;
}

void append_quoted_table(std::string& out, Dialect const& d, std::string_view schema, std::string_view name) {
  if (!schema.empty()) {
    append_quoted(out, d, schema);
    out += '.';
  }
  append_quoted(out, d, name);
}

std::string quote_table(Dialect const& d, std::string_view schema, std::string_view name) {
  std::string out;
  append_quoted_table(out, d, schema, name);
  return out;
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
  if (auto const* l = ast::get_if<ast::Literal>(value)) return literal_sql(d, *l);
  if (auto const* k = ast::get_if<ast::SqlKeyword>(value))
    return *k == ast::SqlKeyword::current_timestamp ? "CURRENT_TIMESTAMP"
           : *k == ast::SqlKeyword::current_date    ? "CURRENT_DATE"
                                                    : "CURRENT_TIME";
  if (auto const* f = ast::get_if<ast::FunctionCall>(value)) {
    if (f->name.text == "now") return std::string(d.now_function);
    if (d.parenthesize_default_sql) return fmt::format(FMT_COMPILE("({}())"), f->name.text);
    return fmt::format(FMT_COMPILE("{}()"), f->name.text);
  }
  auto sql = trim(boost::get<ast::RawSql>(value.get()).text);
  return d.parenthesize_default_sql ? "(" + sql + ")" : sql;
}

void append_column_spec(std::string& out, Dialect const& d, Column const& c, bool in_create_table) {
  append_quoted(out, d, c.name);
  out += ' ';
  d.column_type(out, d, c, in_create_table);
  if (d.column_attributes) {
    d.column_attributes(out, d, c);
  } else {
    if (c.default_value) (out += " DEFAULT ") += default_sql(d, *c.default_value);
    if (!c.nullable) out += " NOT NULL";
  }
  append_column_check(d, c, out);
}

void append_column_check(Dialect const& d, Column const& c, std::string& out) {
  auto const check = c.check();
  if (!check) return;
  if (auto const name = c.check_name(); !name.empty()) {
    out += " CONSTRAINT ";
    append_quoted(out, d, name);
  }
  ((out += " CHECK (") += trimmed(check->text)) += ')';
}

namespace {
void render_op(Dialect const& d, Op const& op, Statements& out);
void rebuild_sql(Dialect const& d, Table const& before, Op const& last, Statements& out);

// An op the dialect cannot express, reported at its statement.
void report(Dialect const& d, Op const& op, Unsupported const& u, SourceFile const* file, DiagnosticSink& diags) {
  auto loc = boost::apply_visitor([](auto const& s) -> ast::Loc {
    if constexpr (requires { ast::unboxed(s).loc; }) return ast::unboxed(s).loc; else return {};
  }, op.statement->get());
  if (file) diags.error(*file, loc.offset, DiagKind::unsupported, u.what, d.name, u.why);
  else diags.error(DiagKind::unsupported, u.what, d.name, u.why);
}

// Runs `write`, which writes the statements of `op`; where the op turns out to be one the
// dialect cannot express, what it wrote is taken back and the op is reported at its statement.
template <typename Write>
void written_or_reported(Dialect const& d, Op const& op, SourceFile const* file, DiagnosticSink& diags, Statements& out,
                         Write const& write) {
  try {
    write();
  } catch (Unsupported const& u) {
    out.take_back();
    report(d, op, u, file, diags);
  }
}

void create_index_sql(Dialect const& d, Index const& i, bool concurrently, Statements& statements) {
  auto& out = statements.sql();
  out += i.unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ";
  if (concurrently && d.concurrent_indexes) out += "CONCURRENTLY ";
  append_quoted(out, d, i.name);
  out += " ON ";
  append_quoted_table(out, d, i.schema, i.table);
  out += ' ';
  if (i.method) ((out += "USING ") += *i.method) += ' ';
  out += '(';
  append_index_elements(out, d, i);
  out += ')';
  if (i.where) (out += " WHERE ") += trimmed(i.where->text);
  statements.end();
}
}  // namespace

void rebuild(Dialect const& d, Table const& before, Op const& last, SourceFile const* file, DiagnosticSink& diags,
             Statements& out) {
  written_or_reported(d, last, file, diags, out, [&] { rebuild_sql(d, before, last, out); });
}

namespace {
// The table rebuilt as Alembic's batch mode does: a temporary table of the new shape, the
// rows copied into it (a column whose type changed cast), the old table dropped and the new
// one renamed, its indexes made again. Each statement is written into the script in place.
void rebuild_sql(Dialect const& d, Table const& before, Op const& last, Statements& out) {
  auto const& t = *last.table;
  std::string temp = "_alembic_tmp_";
  temp += t.name;
  create_table_sql(d, t, temp, out);  // without the comments, which SQLite cannot keep
  auto& insert = out.sql();
  insert += "INSERT INTO ";
  append_quoted_table(insert, d, t.schema, temp);
  insert += " (";
  // Each column's name is quoted once, into the INSERT's list, and copied from there into
  // the SELECT's after the old table's name, itself quoted once.
  std::string qualifier;
  append_quoted(qualifier, d, before.name);
  qualifier += '.';
  std::string values;
  values.reserve(24 * t.columns.size());
  std::size_t next = 0;  // the old column after the last one found: most keep their order
  for (auto const& c : t.columns) {
    auto const* old = next < before.columns.size() && same_text(before.columns[next].name, c.name)
                          ? &before.columns[next]
                          : before.column(c.name);
    if (!old) continue;
    next = static_cast<std::size_t>(old - before.columns.data()) + 1;
    if (!values.empty()) {
      insert += ", ";
      values += ", ";
    }
    auto const quoted_at = insert.size();
    append_quoted(insert, d, c.name);
    bool const cast = !(old->type == c.type);
    if (cast) values += "CAST(";
    (values += qualifier).append(insert, quoted_at);
    if (cast) {
      values += " AS ";
      d.column_type(values, d, c, false);
      values += ')';
    }
  }
  ((insert += ") SELECT ") += values) += " FROM ";
  append_table_name(insert, d, before);
  out.end();
  auto& drop = out.sql();
  drop += "DROP TABLE ";
  append_table_name(drop, d, before);
  out.end();
  auto& rename = out.sql();
  rename += "ALTER TABLE ";
  append_quoted_table(rename, d, t.schema, temp);
  rename += " RENAME TO ";
  append_quoted(rename, d, t.name);
  out.end();
  for (auto const& i : last.indexes) create_index_sql(d, *i, false, out);
}
}  // namespace

void render(Dialect const& d, Op const& op, SourceFile const* file, DiagnosticSink& diags, Statements& out) {
  written_or_reported(d, op, file, diags, out, [&] { render_op(d, op, out); });
}

namespace {
void render_op(Dialect const& d, Op const& op, Statements& out) {
  if (!d.render_override || !d.render_override(d, op, out)) render_generic(d, op, out);
}
}  // namespace

void add_column_sql(Dialect const& d, Op const& op, Statements& out) {
  auto const& t = *op.table;
  auto const& c = *op.column;
  auto& sql = out.sql();
  (alter_table(sql, d, t) += ' ') += d.add_column;
  sql += ' ';
  append_column_spec(sql, d, c, false);
  out.end();
  for (auto const& k : *t.constraints)  // the constraints the column's own options made
    if (k.from_column && k.kind != Constraint::primary_key && k.columns.size() == 1 && k.columns.front() == c.name)
      out.add(fmt::format(FMT_COMPILE("ALTER TABLE {} ADD {}"), table_name(d, t), constraint_sql(d, k)));
}

void render_generic(Dialect const& d, Op const& op, Statements& out) {
  auto const& s = op.statement->get();
  auto enums_first = [&] {
    if (!op.create_enums.empty() && d.create_enums) d.create_enums(d, op.create_enums, out);
  };
  auto enums_after = [&] {
    if (!op.drop_enums.empty() && d.drop_enums) d.drop_enums(d, op.drop_enums, out);
  };
  if (ast::get_if<ast::CreateTable>(s)) {
    enums_first();
    create_table(d, op, out);
  } else if (ast::get_if<ast::DropTable>(s)) {
    append_table_name(out.sql() += "DROP TABLE ", d, *op.table);
    out.end();
    enums_after();
  } else if (auto const* rt = ast::get_if<ast::RenameTable>(s)) {
    out.add(fmt::format(FMT_COMPILE("ALTER TABLE {} RENAME TO {}"), quote_table(d, rt->table.schema, rt->table.name),
                        quote(d, rt->new_name.text)));
  } else if (ast::get_if<ast::AddColumn>(s)) {
    enums_first();
    add_column(d, op, out);
  } else if (ast::get_if<ast::DropColumn>(s)) {
    append_quoted(alter_table(out.sql(), d, *op.table) += " DROP COLUMN ", d, op.column->name);
    out.end();
    enums_after();
  } else if (ast::get_if<ast::RenameColumn>(s)) {
    auto& sql = out.sql();
    append_quoted(alter_table(sql, d, *op.table) += " RENAME ", d, op.old_column->name);
    append_quoted(sql += " TO ", d, op.column->name);
    out.end();
  } else if (ast::get_if<ast::AlterColumn>(s)) {
    enums_first();
    (d.alter_column ? d.alter_column : generic_alter_column)(d, op, out);
    enums_after();
  } else if (auto const* ci = ast::get_if<ast::CreateIndex>(s)) {
    create_index_sql(d, *op.index, ci->concurrently, out);
  } else if (auto const* di = ast::get_if<ast::DropIndex>(s)) {
    out.add(fmt::format(FMT_COMPILE("DROP INDEX {}{}"), di->concurrently && d.concurrent_indexes ? "CONCURRENTLY " : "",
                        quote_table(d, op.index->schema, op.index->name)));
  } else if (ast::get_if<ast::AddConstraint>(s)) {
    out.add(fmt::format(FMT_COMPILE("ALTER TABLE {} ADD {}"), table_name(d, *op.table), constraint_sql(d, *op.constraint)));
  } else if (ast::get_if<ast::DropConstraint>(s)) {
    out.add(fmt::format(FMT_COMPILE("ALTER TABLE {} DROP CONSTRAINT {}"), table_name(d, *op.table), quote(d, op.constraint->name)));
  } else if (ast::get_if<ast::CommentOnTable>(s)) {
    out.add(fmt::format(FMT_COMPILE("COMMENT ON TABLE {} IS {}"), table_name(d, *op.table), comment_literal(d, op.table->comment)));
  } else if (ast::get_if<ast::CommentOnColumn>(s)) {
    out.add(fmt::format(FMT_COMPILE("COMMENT ON COLUMN {}.{} IS {}"), table_name(d, *op.table), quote(d, op.column->name),
                        comment_literal(d, op.column->comment())));
  } else if (auto const* in = ast::get_if<ast::Insert>(s)) {
    insert(d, op, *in, out);
  } else if (auto const* ex = ast::get_if<ast::Execute>(s)) {
    bool mine = ex->dialects.empty() ||
                std::any_of(ex->dialects.begin(), ex->dialects.end(), [&](auto const& n) { return n.text == d.name; });
    if (mine) out.add(trimmed(ex->sql.text));
  }
}

}  // namespace retort::dialects
