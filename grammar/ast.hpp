// The .mig abstract syntax tree: plain data, no behaviour. Every node that can be the
// subject of a diagnostic carries a Loc (byte offset and length in its file), stamped by
// the grammar. Equality ignores positions, so two parses of equivalent text compare equal.
#pragma once

#include <cstdint>
#include <memory>
#include <boost/optional.hpp>
#include <string>
#include <string_view>
#include <vector>

#include <boost/spirit/home/x3/support/ast/variant.hpp>

namespace retort::ast {

namespace x3 = boost::spirit::x3;

// A variant's alternative itself, whether held in place or apart (x3::forward_ast).
template <typename T>
T const& unboxed(T const& v) {
  return v;
}
template <typename T>
T const& unboxed(x3::forward_ast<T> const& v) {
  return v.get();
}

// Where T is among Ts (the first place), or -1.
template <typename T, typename... Ts>
constexpr int alternative_index() {
  int i = 0, found = -1;
  ((found = found < 0 && std::is_same_v<T, Ts> ? i : found, ++i), ...);
  return found;
}

// The alternative T of a variant (an x3::variant or its boost::variant), held in place or
// apart, or nullptr. The variant's index is compared first: boost::get visits the variant
// through a call, and a statement is asked for one alternative after another (the replay's
// and the renderers' dispatch), most of them not it.
template <typename T, typename... Ts>
T const* get_if(boost::variant<Ts...> const& v) {
  if constexpr ((std::is_same_v<Ts, x3::forward_ast<T>> || ...)) {
    if (v.which() != alternative_index<x3::forward_ast<T>, Ts...>()) return nullptr;
    return &boost::get<x3::forward_ast<T>>(&v)->get();
  } else {
    static_assert(alternative_index<T, Ts...>() >= 0, "not an alternative of the variant");
    if (v.which() != alternative_index<T, Ts...>()) return nullptr;
    return boost::get<T>(&v);
  }
}
template <typename T, typename V>
  requires requires(V const& v) { v.get().which(); }
T const* get_if(V const& v) {
  return get_if<T>(v.get());
}

// Equality of two variants: same alternative, equal values (forward_ast compared by value).
template <typename T>
bool alternative_equal(T const& a, T const& b) {
  return a == b;
}
template <typename T>
bool alternative_equal(x3::forward_ast<T> const& a, x3::forward_ast<T> const& b) {
  return a.get() == b.get();
}
template <typename V>
bool variant_equal(V const& a, V const& b) {
  if (a.get().which() != b.get().which()) return false;
  return boost::apply_visitor(
      [&](auto const& x) { return alternative_equal(x, boost::get<std::decay_t<decltype(x)>>(b.get())); }, a.get());
}

// A value held apart, for the rare large part of a small, numerous node (an enum type's
// names, a table constraint among column definitions): a column definition stays small
// without them. Empty until set; copied deeply; compared by value.
template <typename T>
class Box {
 public:
  Box() = default;
  Box(T value) : p_(std::make_unique<T>(std::move(value))) {}  // NOLINT: as an optional's
  Box(Box const& o) : p_(o.p_ ? std::make_unique<T>(*o.p_) : nullptr) {}
  Box(Box&&) noexcept = default;
  Box& operator=(Box const& o) {
    if (this != &o) p_ = o.p_ ? std::make_unique<T>(*o.p_) : nullptr;
    return *this;
  }
  Box& operator=(Box&&) noexcept = default;
  explicit operator bool() const { return p_ != nullptr; }
  T const& operator*() const { return *p_; }
  T const* operator->() const { return p_.get(); }
  T& emplace() {  // the value, set to T{} first if empty
    if (!p_) p_ = std::make_unique<T>();
    return *p_;
  }
  friend bool operator==(Box const& a, Box const& b) { return a.p_ ? b.p_ && *a.p_ == *b.p_ : !b.p_; }

 private:
  std::unique_ptr<T> p_;
};

// Text of the source file as written, or as unescaped (a quoted name or string with a doubled
// quote), which the file keeps (SourceFile::keep): a syntax tree views the SourceFile it was
// parsed from, and lives no longer than it.
using Text = std::string_view;

// A span of source text. Positions never take part in equality.
struct Loc {
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
  friend constexpr bool operator==(Loc, Loc) { return true; }
};

// An identifier, a revision id, or a header value, as written (quotes removed).
struct Name {
  Loc loc;
  Text text;
  bool operator==(Name const&) const = default;
};

// `[schema.]name`; schema is empty when not given.
struct QName {
  Loc loc;
  Text schema;
  Text name;
  bool operator==(QName const&) const = default;
};

// `[schema.]table.column`.
struct ColPath {
  Loc loc;
  Text schema;
  Text table;
  Text column;
  bool operator==(ColPath const&) const = default;
};

// A single-quoted string, unescaped.
struct StringLit {
  Loc loc;
  Text value;
  bool operator==(StringLit const&) const = default;
};

// Raw SQL: `$tag$ text $tag$` (dollar) or `( text )` (balanced parentheses); text is verbatim.
struct RawSql {
  Loc loc;
  Text text;
  bool dollar = false;
  Text tag;
  bool operator==(RawSql const&) const = default;
};

enum class LiteralKind { number, string, true_, false_, null };

struct Literal {
  Loc loc;
  LiteralKind kind = LiteralKind::null;
  Text text;  // the number as written, or the unescaped string
  bool operator==(Literal const&) const = default;
};

// An optional count in four bytes (a length, a precision, a scale): a type is in every
// column, and boost::optional takes eight. The largest value stands for none (the grammar
// refuses counts beyond 0x7FFFFFFF).
class OptionalCount {
 public:
  OptionalCount() = default;
  OptionalCount(std::uint32_t value) : value_(value) {}  // NOLINT: as an optional's
  explicit operator bool() const { return value_ != none; }
  std::uint32_t operator*() const { return value_; }
  bool operator==(OptionalCount const&) const = default;

 private:
  static constexpr std::uint32_t none = 0xFFFFFFFF;
  std::uint32_t value_ = none;
};

enum class TypeKind : std::uint8_t {
  integer, smallint, bigint, boolean, float_, numeric, string, char_, text, unicode, unicode_text,
  date, time, datetime, interval, binary, json, uuid, enum_, native
};

// What an enum or native type names.
struct TypeNames {
  Text name;                 // enum: the type's name
  std::vector<Text> values;  // enum: its values
  Text native;               // native: the SQL type, verbatim
  bool operator==(TypeNames const&) const = default;
};

// A dialect-neutral column type. `length` is string/char/unicode's length or numeric's
// precision; `scale` is numeric's scale.
struct Type {
  Loc loc;
  TypeKind kind = TypeKind::integer;
  OptionalCount length;
  OptionalCount scale;
  bool timezone = false;  // datetime(timezone)
  Box<TypeNames> names;   // enum and native types only
  Text name() const { return names ? names->name : Text(); }
  std::vector<Text> const& values() const { return names ? names->values : no_names().values; }
  Text native() const { return names ? names->native : Text(); }
  bool operator==(Type const&) const = default;

 private:
  static TypeNames const& no_names() {
    static TypeNames const none;
    return none;
  }
};

enum class SqlKeyword { current_timestamp, current_date, current_time };

struct FunctionCall {
  Name name;
  bool operator==(FunctionCall const&) const = default;
};

// `default` values: a literal, a SQL keyword, `name()`, or raw SQL.
struct DefaultExpr : x3::variant<Literal, SqlKeyword, FunctionCall, RawSql> {
  using base_type::base_type;
  using base_type::operator=;
  bool operator==(DefaultExpr const& o) const { return variant_equal(*this, o); }
};

enum class FkEvent { on_delete, on_update };
enum class FkRule { cascade, restrict, set_null, set_default, no_action };

struct FkAction {
  FkEvent event = FkEvent::on_delete;
  FkRule rule = FkRule::no_action;
  bool operator==(FkAction const&) const = default;
};

enum class Deferral { not_deferrable, deferrable, initially_deferred, initially_immediate };

enum class KeyKind { primary_key, unique };

// `primary key (cols)` or `unique (cols)`.
struct KeyBody {
  KeyKind kind = KeyKind::primary_key;
  std::vector<Name> columns;
  bool operator==(KeyBody const&) const = default;
};

struct ForeignKeyBody {
  std::vector<Name> columns;
  QName ref_table;
  std::vector<Name> ref_columns;
  std::vector<FkAction> actions;
  Deferral deferral = Deferral::not_deferrable;
  bool operator==(ForeignKeyBody const&) const = default;
};

struct CheckBody {
  RawSql sql;
  bool operator==(CheckBody const&) const = default;
};

struct ConstraintBody : x3::variant<KeyBody, ForeignKeyBody, CheckBody> {
  using base_type::base_type;
  using base_type::operator=;
  bool operator==(ConstraintBody const& o) const { return variant_equal(*this, o); }
};

// `[constraint name] body` inside `create table`.
struct TableConstraint {
  Loc loc;
  boost::optional<Name> name;
  ConstraintBody body;
  bool operator==(TableConstraint const&) const = default;
};

enum class ColumnFlag { not_null, null, primary_key, unique, autoincrement, no_autoincrement };

struct FlagOption {
  Loc loc;
  ColumnFlag flag = ColumnFlag::null;
  bool operator==(FlagOption const&) const = default;
};

struct DefaultOption {
  Loc loc;
  DefaultExpr value;
  bool operator==(DefaultOption const&) const = default;
};

struct ReferencesOption {
  Loc loc;
  QName table;
  Name column;
  std::vector<FkAction> actions;
  bool operator==(ReferencesOption const&) const = default;
};

struct CheckOption {
  Loc loc;
  RawSql sql;
  bool operator==(CheckOption const&) const = default;
};

struct CommentOption {
  Loc loc;
  StringLit text;
  bool operator==(CommentOption const&) const = default;
};

struct ColumnOption : x3::variant<FlagOption, DefaultOption, x3::forward_ast<ReferencesOption>, CheckOption, CommentOption> {
  using base_type::base_type;
  using base_type::operator=;
  bool operator==(ColumnOption const& o) const { return variant_equal(*this, o); }
};

struct ColumnDef {
  Loc loc;
  Name name;
  Type type;
  std::vector<ColumnOption> options;
  bool operator==(ColumnDef const&) const = default;
};

// A table constraint is held apart: most elements are columns, and a constraint is larger.
struct TableElement : x3::variant<ColumnDef, x3::forward_ast<TableConstraint>> {
  using base_type::base_type;
  using base_type::operator=;
  bool operator==(TableElement const& o) const { return variant_equal(*this, o); }
};

struct CreateTable {
  Loc loc;
  QName table;
  std::vector<TableElement> elements;
  boost::optional<StringLit> comment;
  bool operator==(CreateTable const&) const = default;
};

struct DropTable {
  Loc loc;
  QName table;
  bool operator==(DropTable const&) const = default;
};

struct RenameTable {
  Loc loc;
  QName table;
  Name new_name;
  bool operator==(RenameTable const&) const = default;
};

struct AddColumn {
  Loc loc;
  ColPath column;
  Type type;
  std::vector<ColumnOption> options;
  bool operator==(AddColumn const&) const = default;
};

struct DropColumn {
  Loc loc;
  ColPath column;
  bool operator==(DropColumn const&) const = default;
};

struct RenameColumn {
  Loc loc;
  ColPath column;
  Name new_name;
  bool operator==(RenameColumn const&) const = default;
};

// `alter column` changes.
struct TypeChange {
  Loc loc;
  Type type;
  boost::optional<RawSql> using_;
  bool operator==(TypeChange const&) const = default;
};

enum class ChangeFlag { set_not_null, drop_not_null, drop_default };

struct FlagChange {
  Loc loc;
  ChangeFlag flag = ChangeFlag::set_not_null;
  bool operator==(FlagChange const&) const = default;
};

struct SetDefault {
  Loc loc;
  DefaultExpr value;
  bool operator==(SetDefault const&) const = default;
};

// `comment 'text'` or `comment null` (no text: drop the comment).
struct CommentChange {
  Loc loc;
  boost::optional<StringLit> text;
  bool operator==(CommentChange const&) const = default;
};

struct Change : x3::variant<TypeChange, FlagChange, SetDefault, CommentChange> {
  using base_type::base_type;
  using base_type::operator=;
  bool operator==(Change const& o) const { return variant_equal(*this, o); }
};

struct AlterColumn {
  Loc loc;
  ColPath column;
  std::vector<Change> changes;
  bool operator==(AlterColumn const&) const = default;
};

enum class SortOrder { none, asc, desc };

struct IndexColumn {
  Name name;
  SortOrder order = SortOrder::none;
  bool operator==(IndexColumn const&) const = default;
};

struct IndexElement : x3::variant<IndexColumn, RawSql> {
  using base_type::base_type;
  using base_type::operator=;
  bool operator==(IndexElement const& o) const { return variant_equal(*this, o); }
};

struct CreateIndex {
  Loc loc;
  bool unique = false;
  bool concurrently = false;
  Name name;
  QName table;
  boost::optional<Name> method;
  std::vector<IndexElement> elements;
  boost::optional<RawSql> where;
  bool operator==(CreateIndex const&) const = default;
};

struct DropIndex {
  Loc loc;
  bool concurrently = false;
  Name name;
  boost::optional<QName> table;
  bool operator==(DropIndex const&) const = default;
};

struct AddConstraint {
  Loc loc;
  Name name;
  QName table;
  ConstraintBody body;
  bool operator==(AddConstraint const&) const = default;
};

struct DropConstraint {
  Loc loc;
  Name name;
  QName table;
  bool operator==(DropConstraint const&) const = default;
};

struct CommentOnTable {
  Loc loc;
  QName table;
  boost::optional<StringLit> text;
  bool operator==(CommentOnTable const&) const = default;
};

struct CommentOnColumn {
  Loc loc;
  ColPath column;
  boost::optional<StringLit> text;
  bool operator==(CommentOnColumn const&) const = default;
};

using Row = std::vector<Literal>;

struct Insert {
  Loc loc;
  QName table;
  std::vector<Name> columns;
  std::vector<Row> rows;
  bool operator==(Insert const&) const = default;
};

struct Execute {
  Loc loc;
  std::vector<Name> dialects;  // empty: every dialect
  RawSql sql;
  bool operator==(Execute const&) const = default;
};

enum class NestedKind { autocommit, assume };
struct NestedBlock;

// The two largest statements, and rare, are held apart: a statement takes the room of its
// largest alternative in place (read them with get_if). The first alternative, which a
// statement is default-constructed as before the parser knows which it is (and destroys when
// it is another), is the one that is cheapest to make and unmake.
struct Statement
    : x3::variant<DropTable, CreateTable, RenameTable, AddColumn, DropColumn, RenameColumn, AlterColumn,
                  x3::forward_ast<CreateIndex>, DropIndex, x3::forward_ast<AddConstraint>, DropConstraint,
                  CommentOnTable, CommentOnColumn, Insert, Execute, x3::forward_ast<NestedBlock>> {
  using base_type::base_type;
  using base_type::operator=;
  bool operator==(Statement const& o) const { return variant_equal(*this, o); }
};

// `autocommit { ... }` or `assume { ... }`; they hold plain statements only.
struct NestedBlock {
  Loc loc;
  NestedKind kind = NestedKind::autocommit;
  std::vector<Statement> statements;
  bool operator==(NestedBlock const&) const = default;
};

// `upgrade { ... }`, `downgrade { ... }` or `downgrade irreversible;`.
struct Block {
  Loc loc;
  bool irreversible = false;
  std::vector<Statement> statements;
  bool operator==(Block const&) const = default;
};

enum class HeaderKey { revision, revises, message, created, branch_labels, depends_on };

// One header line as written; the parse facade checks and folds them into a Revision.
struct HeaderField {
  Loc loc;
  HeaderKey key = HeaderKey::revision;
  std::vector<Name> values;
};

// The whole file as the grammar reads it.
struct RevisionSyntax {
  std::vector<HeaderField> header;
  Block upgrade;
  Block downgrade;
};

// The blocks alone, parsed after the header (grammar::parse_blocks).
struct BlocksSyntax {
  Block upgrade;
  Block downgrade;
};

// One revision file.
struct Revision {
  std::string path;
  Name id;
  std::vector<Name> parents;  // empty: revises base
  Loc revises_loc;
  boost::optional<Name> message;
  boost::optional<Name> created;
  std::vector<Name> branch_labels;
  std::vector<Name> depends_on;
  Block upgrade;
  Block downgrade;
  std::vector<Loc> comments;  // every `--` and `/* */` comment, in file order (for `retort fmt`)
  bool operator==(Revision const& o) const {
    return id == o.id && parents == o.parents && message == o.message && created == o.created &&
           branch_labels == o.branch_labels && depends_on == o.depends_on && upgrade == o.upgrade &&
           downgrade == o.downgrade;
  }
};

}  // namespace retort::ast
