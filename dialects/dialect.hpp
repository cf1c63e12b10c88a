// A dialect is a value: a table of names and flags (quoting, terminators, transactions,
// reserved words) plus the few render hooks whose SQL differs from the generic renderer
// (dialects/generic.cpp), as Alembic's ddl/impl.py and sqlglot's dialects are built.
// Adding a dialect = one file here + one line in registry.cpp.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "src/schema.hpp"
#include "src/text.hpp"

namespace retort::dialects {

struct Dialect;

// A set of words, asked of every name rendered: a word whose first letter and length no
// member has is known absent at once (most names are not reserved), and one that may be is
// compared with the members of its first letter only, held together (a few at most), where
// hashing it took longer than those comparisons.
class WordSet {
 public:
  WordSet() = default;
  template <typename It>
  WordSet(It first, It last) : words_(first, last) {
    std::sort(words_.begin(), words_.end(), [](std::string_view a, std::string_view b) {
      return std::pair(letter(a), a) < std::pair(letter(b), b);
    });
    words_.erase(std::unique(words_.begin(), words_.end()), words_.end());
    for (std::uint32_t i = 0; i < words_.size(); ++i) {
      auto const l = letter(words_[i]);
      if (from_[l] == to_[l]) from_[l] = i;
      to_[l] = i + 1;
      lengths_[l] |= length_bit(words_[i]);
    }
  }
  bool contains(std::string_view w) const {
    auto const l = letter(w);
    if (!(lengths_[l] & length_bit(w))) return false;
    for (auto i = from_[l]; i < to_[l]; ++i)
      if (same_text(words_[i], w)) return true;
    return false;
  }

 private:
  static unsigned char letter(std::string_view w) { return w.empty() ? 0 : static_cast<unsigned char>(w[0]); }
  // The bit of the length (every length from 63 on shares one).
  static std::uint64_t length_bit(std::string_view w) { return std::uint64_t{1} << std::min<std::size_t>(w.size(), 63); }
  std::vector<std::string_view> words_;  // by first letter
  std::array<std::uint32_t, 256> from_{}, to_{};
  std::array<std::uint64_t, 256> lengths_{};
};

// The SQL statements of one checked op, written into the script as they are built, each
// followed by the end the script gives a statement (the dialect's terminator, a blank line,
// and its separator line if it has one). A statement built in a string of its own, then
// copied into the script and freed, cost about as much again as writing it.
class Statements {
 public:
  Statements(std::string& script, std::string_view end) : script_(script), end_(end), from_(script.size()) {}
  Statements(Statements const&) = delete;
  Statements& operator=(Statements const&) = delete;
  // A whole statement.
  void add(std::string_view sql) { (script_ += sql) += end_; }
  // The script, to write a statement into in place; end() ends it.
  std::string& sql() { return script_; }
  void end() { script_ += end_; }
  // Takes back every statement written since this was made (an op that cannot be rendered).
  void take_back() { script_.resize(from_); }

 private:
  std::string& script_;
  std::string_view end_;
  std::size_t from_;
};

struct Dialect {
  std::string_view name;

  // -- the script --
  bool transactional_ddl = true;
  std::string_view begin = "BEGIN";
  std::string_view commit = "COMMIT";
  std::string_view terminator = ";";  // after each statement
  std::string_view separator;         // a line of its own after each statement ("GO", "/")
  bool version_insert_returning = false;  // PostgreSQL: RETURNING
  bool version_insert_output = false;     // SQL Server: OUTPUT inserted.version_num
  std::string_view version_type = "VARCHAR(32)";

  // -- names and literals --
  char quote_open = '"';
  char quote_close = '"';
  WordSet reserved_words;  // lower case
  std::size_t max_identifier_length = 63;
  // Why the engine cannot hold this name even quoted, or nullptr (Oracle: no `"` in names).
  // Not asked of a name of lower-case ASCII letters, digits, `_` and `$`, which every engine holds.
  char const* (*name_problem)(std::string_view name) = nullptr;
  bool escape_backslashes = false;  // string literals double `\` (MySQL's default sql_mode)
  // Why a string with a line break cannot be written, where the script's client would read a
  // line inside it as a statement separator (sqlcmd's GO, SQL*Plus's / and blank lines).
  char const* line_break_hazard = nullptr;
  bool concurrent_indexes = false;  // CREATE/DROP INDEX CONCURRENTLY (elsewhere the word is dropped, as Alembic does)
  bool parenthesize_default_sql = false;   // DEFAULT (expr) for raw SQL and calls (SQLite)
  std::string_view now_function = "now()";  // what `now()` means (SQLAlchemy's func.now())
  bool integer_booleans = false;            // true/false as 1/0 (SQL Server, Oracle)
  std::string_view add_column = "ADD COLUMN";  // SQL Server and Oracle: ADD

  // -- what differs (nullptr: the generic renderer's) --
  // Appends the column's type (a type is in every column: a string returned for each, then
  // copied in, cost half of writing it).
  void (*column_type)(std::string& out, Dialect const&, schema::Column const&, bool in_create_table) = nullptr;
  void (*alter_column)(Dialect const&, schema::Op const&, Statements&) = nullptr;
  void (*create_enums)(Dialect const&, std::vector<schema::Enum> const&, Statements&) = nullptr;
  void (*drop_enums)(Dialect const&, std::vector<schema::Enum> const&, Statements&) = nullptr;
  // What follows a column's name and type in its specification, before its CHECK (nullptr:
  // DEFAULT, then NOT NULL), appended.
  void (*column_attributes)(std::string& out, Dialect const&, schema::Column const&) = nullptr;
  // Table options after CREATE TABLE's ")" (MySQL's COMMENT=); where set, columns' comments are
  // inline too, and no COMMENT ON statements are written.
  void (*table_options)(Dialect const&, schema::Table const&, std::string& sql) = nullptr;
  // Renders the ops whose SQL differs from the generic renderer's; false: not handled here.
  bool (*render_override)(Dialect const&, schema::Op const&, Statements&) = nullptr;
  // Whether an op must be done by rebuilding its table (SQLite): create the new shape,
  // copy the rows, drop the old table, rename, re-create the indexes.
  bool (*needs_rebuild)(Dialect const&, schema::Op const&) = nullptr;
  // Whether rendering reads Op::indexes (a rebuild re-creates them; MySQL checks the
  // indexes its foreign keys need): the replay gathers them only for such a dialect.
  bool reads_table_indexes = false;
  // Whether rendering reads more of Op::table than its name, constraints and comment (its
  // columns), or reads Op::table_before: where not, the replay gives ops cards of their
  // tables rather than the tables (see schema::OpNeeds).
  bool reads_whole_tables = true;
};

// Rebuilds a table from its shape `before` to the shape (and indexes) of `last`, the last
// of one or more consecutive ops on it (Alembic's batch "move and copy"). Errors are
// reported as render() reports them.
void rebuild(Dialect const& d, schema::Table const& before, schema::Op const& last, SourceFile const* file,
             DiagnosticSink& diags, Statements& out);

// Thrown by a render hook for what the dialect cannot express; render() reports it at the
// statement as `STATEMENT on DIALECT: why`.
struct Unsupported {
  std::string what, why;
};
// Throws Unsupported for `create index ... using METHOD` on an engine without it: `engine`
// reads "a MySQL", "an SQLite", ...
[[noreturn]] void refuse_index_method(ast::CreateIndex const& ci, std::string_view engine);

// The dialect of that name (postgresql, ...), or nullptr.
Dialect const* find_dialect(std::string_view name);

// Renders one checked op for the dialect. Errors (a statement the dialect cannot express,
// a name too long for it) go to diags at the statement, and nothing of the op is written.
void render(Dialect const& d, schema::Op const& op, SourceFile const* file, DiagnosticSink& diags, Statements& out);

// -- pieces the dialect files share --
// Each append_* appends to `out` what the function of the same name without it returns
// (the renderer builds a statement in one string, not from pieces copied together).
std::string quote(Dialect const& d, std::string_view name);
void append_quoted(std::string& out, Dialect const& d, std::string_view name);
std::string quote_table(Dialect const& d, std::string_view schema, std::string_view name);
void append_quoted_table(std::string& out, Dialect const& d, std::string_view schema, std::string_view name);
std::string string_literal(Dialect const& d, std::string_view value);
std::string default_sql(Dialect const& d, ast::DefaultExpr const& value);
void append_column_spec(std::string& out, Dialect const& d, schema::Column const& c, bool in_create_table);
// A column's inline ` [CONSTRAINT name] CHECK (sql)`, if it has one, appended to `out`.
void append_column_check(Dialect const& d, schema::Column const& c, std::string& out);
std::string constraint_sql(Dialect const& d, schema::Constraint const& c);
void append_constraint_sql(std::string& out, Dialect const& d, schema::Constraint const& c);
std::string literal_sql(Dialect const& d, ast::Literal const& l);
// ALTER TABLE ... ADD [COLUMN] and the constraints the column's own options made.
void add_column_sql(Dialect const& d, schema::Op const& op, Statements& out);
// The generic renderer's statements for an op (for a hook that adds to them).
void render_generic(Dialect const& d, schema::Op const& op, Statements& out);
// CREATE TABLE of the table `t` under the name `name` (its own, or a rebuild's temporary
// one), with the options the dialect appends where it has them; without the comments that
// follow it as statements of their own.
void create_table_sql(Dialect const& d, schema::Table const& t, std::string_view name, Statements& out);
std::string table_name(Dialect const& d, schema::Table const& t);
void append_table_name(std::string& out, Dialect const& d, schema::Table const& t);
// `ALTER TABLE name`, the start of the statements that change a table, appended; returns `sql`.
std::string& alter_table(std::string& sql, Dialect const& d, schema::Table const& t);
std::string trim(std::string_view s);
std::string_view trimmed(std::string_view s);  // trim's view of `s`
// Type-table helpers, appending to `out`: `NAME(n)` or `NAME`; `NUMERIC(p, s)`; a count; and an
// enum's longest value.
void append_sized_type(std::string& out, std::string_view name, ast::Type const& t);
void append_numeric_type(std::string& out, ast::Type const& t);
void append_count(std::string& out, std::uint32_t n);
std::size_t longest_value(ast::Type const& t);

}  // namespace retort::dialects
