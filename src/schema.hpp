// The replay stage: the schema model at every revision. Statements are applied in plan
// order and checked against the model (creating what exists, or dropping, altering or
// referencing what does not, is an error at the statement); each becomes an Op carrying
// what its rendering needs that the statement leaves implicit (a dropped constraint's
// kind, an index's table, the existing column, enum types to create or drop).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "grammar/ast.hpp"
#include "src/diagnostics.hpp"
#include "src/graph.hpp"
#include "src/key_map.hpp"
#include "src/plan.hpp"

namespace retort::schema {

// A value the model takes from the syntax trees, held by pointer (the trees outlive every
// model): a table's columns are copied at each change to it, and a pointer copies for
// nothing where a type or a default would copy strings. Reads as a std::optional does;
// compares the values it points to.
template <typename T>
class Ref {
 public:
  Ref() = default;
  Ref(T const& value) : p_(&value) {}  // NOLINT: implicit, as an optional's assignment is
  Ref(T&&) = delete;                   // never a temporary's address
  explicit operator bool() const { return p_ != nullptr; }
  T const& operator*() const { return *p_; }
  T const* operator->() const { return p_; }
  operator std::optional<T>() const { return p_ ? std::optional<T>(*p_) : std::nullopt; }
  T value_or(T const& fallback) const { return p_ ? *p_ : fallback; }
  void reset() { p_ = nullptr; }
  friend bool operator==(Ref a, Ref b) { return a.p_ == b.p_ || (a.p_ && b.p_ && *a.p_ == *b.p_); }

 private:
  T const* p_ = nullptr;
};

// A value shared by everyone who saw it as it is (the schema and the ops and schema copies
// made since) and copied only when it is changed while shared: copy on write. A table is
// copied once per statement that changes it, and not at all by those that only read it.
template <typename T>
class Cow {
 public:
  Cow() : Cow(T{}) {}
  explicit Cow(T value) : p_(std::make_shared<T>(std::move(value))) {}
  T const& operator*() const { return *p_; }
  T const* operator->() const { return p_.get(); }
  // The value to change: a copy of its own if anyone else holds it. (Others only ever let
  // go of it concurrently: a count of one is certain, and the fence orders their last reads
  // before our writes.)
  T& write() {
    return write([](T const& value) -> T const& { return value; });
  }
  // The same, where `copy` makes the copy (one with room for what is to be added).
  template <typename Copy>
  T& write(Copy const& copy) {
    if (p_.use_count() > 1) p_ = std::make_shared<T>(copy(*p_));
    else std::atomic_thread_fence(std::memory_order_acquire);
    return *p_;
  }
  std::shared_ptr<T const> share() const { return p_; }
  friend bool operator==(Cow const& a, Cow const& b) { return a.p_ == b.p_ || *a.p_ == *b.p_; }

 private:
  std::shared_ptr<T> p_;
};

struct Column {
  ast::Text name;                       // the syntax tree's (the trees outlive every model)
  Ref<ast::Type> type;                  // never empty
  Ref<ast::DefaultExpr> default_value;
  bool nullable = true;
  bool autoincrement = false;           // resolved as SQLAlchemy does
  bool autoincrement_off = false;       // `autoincrement false` was written

  // What few columns have, held apart (a table's columns are copied at each change to it, and
  // a column of 48 bytes rather than 64 is a quarter less memory for the model's tables).
  Ref<ast::RawSql> check() const { return extras ? extras->check : Ref<ast::RawSql>(); }  // a column-level CHECK, written inline
  std::string_view check_name() const { return extras ? std::string_view(extras->check_name) : std::string_view(); }  // by convention
  Ref<ast::Text> comment() const { return extras ? extras->comment : Ref<ast::Text>(); }
  void set_check(ast::RawSql const& sql) { extras.emplace().check = sql; }
  void set_check_name(std::string name) { extras.emplace().check_name = std::move(name); }
  void set_comment(Ref<ast::Text> text) {
    if (text || extras) extras.emplace().comment = text;
  }

  bool operator==(Column const& o) const {
    return name == o.name && type == o.type && default_value == o.default_value && nullable == o.nullable &&
           autoincrement == o.autoincrement && autoincrement_off == o.autoincrement_off && check() == o.check() &&
           check_name() == o.check_name() && comment() == o.comment();
  }

 private:
  struct Extras {
    Ref<ast::RawSql> check;
    std::string check_name;  // empty: none
    Ref<ast::Text> comment;
  };
  ast::Box<Extras> extras;
};
static_assert(sizeof(Column) <= 48, "a column is copied with its table at each change to it");

struct Constraint {
  enum Kind { primary_key, unique, foreign_key, check } kind = primary_key;
  std::string name;  // empty: unnamed
  std::vector<ast::Text> columns;     // names from the syntax trees, as are the next three
  ast::Text ref_schema, ref_table;    // foreign key
  std::vector<ast::Text> ref_columns;
  std::vector<ast::FkAction> actions;
  ast::Deferral deferral = ast::Deferral::not_deferrable;
  Ref<ast::RawSql> sql;        // check (the AST's, as Column::check)
  bool from_column = false;    // written as a column option (SQLAlchemy orders these last)
  bool operator==(Constraint const&) const = default;
};

struct Index {
  ast::Text name, schema, table;
  bool unique = false;
  std::vector<ast::IndexElement> elements;
  std::optional<ast::Text> method;
  std::optional<ast::RawSql> where;
  bool operator==(Index const&) const = default;
};

struct Table {
  ast::Text schema, name;
  std::vector<Column> columns;
  // Primary key first, then in SQLAlchemy's order; shared by the copies of the table that
  // only its columns tell apart (a statement on a column copies the table, not these).
  Cow<std::vector<Constraint>> constraints;
  std::optional<ast::Text> comment;
  Column const* column(std::string_view n) const;
  Column* column(std::string_view n);
  Constraint const* primary_key() const;
  Constraint* primary_key();  // to change (the constraints copied first if shared)
  bool operator==(Table const&) const = default;
};

struct Enum {
  ast::Text name;
  std::vector<ast::Text> values;
  bool operator==(Enum const&) const = default;
};

// Everything that exists at one revision.
struct Schema {
  // Hashed: a chain of 100,000 revisions holds as many tables, and each statement looks its
  // table up. Where an order shows (check's first difference), keys are sorted.
  KeyMap<Cow<Table>> tables;  // by [schema.]name
  KeyMap<Cow<Index>> indexes;  // by [schema.]name
  std::map<ast::Text, Enum> enums;        // by name
  // The keys of each table's indexes, by the table's key: a table's indexes without a scan
  // of all of them (derived from `indexes`, so not compared).
  KeyMap<std::set<std::string>> indexes_of;
  // The tables whose foreign keys refer to a table (with how many keys each), by the
  // referred table's key, and the tables each table refers to: derived, not compared.
  KeyMap<std::map<std::string, int>> referrers;
  KeyMap<std::vector<std::string>> refers_to;
  // How many columns use each enum type, and the enum types of each table's columns.
  std::unordered_map<ast::Text, int> enum_uses;
  KeyMap<std::vector<ast::Text>> enums_of;
  bool operator==(Schema const& o) const { return tables == o.tables && indexes == o.indexes && enums == o.enums; }
};

// One statement, checked, with what rendering needs.
struct Op {
  ast::Statement const* statement = nullptr;
  bool autocommit = false;                // inside `autocommit { }`
  // The table acted on, as it is after the statement (as it was before, for drop table).
  // Snapshots are shared between the ops that leave a table as it is (inserts, indexes).
  // Where rendering reads no more than the table's name, constraints and comment (see
  // OpNeeds::whole_tables), a statement that leaves the table standing holds a card of those,
  // kept in its step's `cards` (a pointer that owns nothing: see CheckedStep).
  std::shared_ptr<Table const> table;
  // The column the statement acts on, where it acts on one: a copy in place (a column is a
  // few pointers into the syntax trees; one allocated apart for each op cost its allocation,
  // its count's atomic updates and its free on the replaying thread).
  std::optional<Column> column;      // added, dropped, altered (after), commented
  std::optional<Column> old_column;  // altered or renamed: before
  // What else it acts on, where it does (held by pointer: an op is small, and a million
  // inserts are a million ops).
  std::shared_ptr<Constraint const> constraint;   // added or dropped
  std::shared_ptr<Index const> index;             // created or dropped
  std::shared_ptr<Table const> table_before;  // the table before the statement (what a rebuild copies from), where
                                              // OpNeeds::whole_tables
  // The table's indexes after the statement (what a rebuild re-creates), where the replay
  // was asked for them.
  std::vector<std::shared_ptr<Index const>> indexes;
  std::vector<Enum> create_enums;         // enum types new with this statement
  std::vector<Enum> drop_enums;           // enum types no column uses any more
};

// A step of the plan with its checked ops (none for stamps).
struct CheckedStep {
  // The plan's step (the plan outlives its checked steps: a copy of each, its ids and row
  // changes, was three allocations a step, and their frees).
  Step const* step = nullptr;
  std::vector<Op> ops;
  // The cards of tables its ops point to (Op::table), held here rather than each allocated
  // apart with a count of its own: at 10,000 revisions that was 50,000 allocations, their
  // counts' atomic updates and their frees, 1.8 % of an upgrade's CPU time. Room for every
  // card is made before the first (Replayer::block), so none moves while an op points to it.
  std::vector<Table> cards;

  CheckedStep() = default;
  explicit CheckedStep(Step const& s) : step(&s) {}
  CheckedStep(CheckedStep&&) noexcept = default;
  CheckedStep& operator=(CheckedStep&&) noexcept = default;
  CheckedStep(CheckedStep const& other);  // its ops point to its own cards
  CheckedStep& operator=(CheckedStep const&) = delete;
};

// Replays the plan's steps from the schema at the plan's start (the upgrades of every
// ancestor of the starting revisions, replayed first), each pointing to its step of `plan`,
// which must outlive them. nullopt if any statement fails.
// `naming_convention` names unnamed constraints as SQLAlchemy's MetaData(naming_convention=)
// does (keys pk, uq, ck, fk; tokens such as %(table_name)s, %(column_0_name)s).
std::optional<std::vector<CheckedStep>> replay(Graph const& graph, std::string const& range_start, Plan const& plan,
                                               std::map<std::string, std::string> const& naming_convention,
                                               DiagnosticSink& diags);

// The upgrades replay() replays before the plan's steps: those of every ancestor of the
// range's start (no steps from base), each step with its revision only (upgrade_order);
// nullopt on an error (reported).
std::optional<Plan> upgrades_before(Graph const& graph, std::string const& range_start, DiagnosticSink& diags);

// A downgrade of this many steps or more is replayed in two parts at once (see replay()).
inline constexpr std::size_t split_downgrades_from = 256;

// What a caller of replay() may know better than replay itself.
struct ReplayHooks {
  Plan const* before = nullptr;  // upgrades_before(range_start), where already made
  // Called before a revision's blocks are read (they may still be being parsed, and by
  // either of two threads at once); false: they could not be, and replay stops.
  std::function<bool(ast::Revision const&)> ready;
  std::size_t split_from = split_downgrades_from;  // tests lower it, so that small projects take that way
  // A replay in two parts needs all three. `idle(work)` has another thread call `work` where
  // it would be idle (the rendering thread, between batches), over and over, each call a
  // short piece, until it returns false; `idle(nullptr)` takes it back, returning once no
  // piece is under way. The second part is such work: it hands each step it checks to
  // `ahead`, in order, on that thread (to be rendered there, ahead of its turn). Once every
  // step before them has gone to `each`, `taken()` is called if they stand; where it is not,
  // they are dropped (and go to `each` once replayed again).
  std::function<void(std::function<bool()> const*)> idle;
  std::function<void(CheckedStep&&)> ahead;
  std::function<void()> taken;
};

// What rendering reads of an op besides its statement, column, constraint and index, which
// replay gathers only where it is read (a dialect says: Dialect::reads_table_indexes and
// reads_whole_tables).
struct OpNeeds {
  bool table_indexes = true;  // Op::indexes
  // Op::table's columns, and Op::table_before. Where not, a statement that leaves its table
  // standing gives its op a card of the table (its schema, name, constraints and comment),
  // not the table itself: the schema's table is then not shared, and the next statement on
  // it changes it in place rather than copying all its columns first.
  bool whole_tables = true;
};

// What a replay ended with, kept by a caller that exits without tearing it down (which costs
// as much as a tenth of the replay): the schema after the last step, and what a replay in
// two parts was done with (the other part's schema, the snapshot it began from).
struct Ending {
  Schema schema;
  std::vector<std::shared_ptr<void>> spare;
};

// The same, handing each checked step to `each` as soon as it is checked (its ops are gone
// after): memory holds one step's ops, not the whole plan's. false if any statement fails.
// Where `end` is given, the schemas replay is done with are moved there rather than torn
// down. Ops carry what `needs` says their rendering reads.
//
// With the hooks for it, a downgrade of `hooks.split_from` steps or more is replayed in two
// parts at once, where the revisions its first part downgrades are the last the upgrades
// before it upgraded: while this thread replays the first part, the second is replayed as idle
// work (ReplayHooks::idle) from the schema those upgrades left before them (a snapshot taken
// as they were replayed, handed over as it is taken, or for SQLite once they are done). Where
// the first part ends in that very schema, the second part's steps, errors and schema are what
// this thread would have found, and are taken (the steps it has not reached are replayed here,
// with its replayer); where not (a downgrade that does not undo its upgrade exactly), they are
// dropped and this thread goes on alone. Either way the steps, errors and schema are those of
// one thread replaying in order.
bool replay(Graph const& graph, std::string const& range_start, Plan const& plan,
            std::map<std::string, std::string> const& naming_convention, DiagnosticSink& diags,
            std::function<void(CheckedStep&&)> const& each, Ending* end = nullptr, OpNeeds needs = {},
            ReplayHooks const& hooks = {});

// `retort check`: replays every revision's upgrade in order (errors as replay reports them)
// and warns where a downgrade does not restore the schema its upgrade started from.
bool check_all(Graph const& graph, std::map<std::string, std::string> const& naming_convention,
               DiagnosticSink& diags);

// The qualified key of a table or index.
std::string key(std::string_view schema, std::string_view name);

// The same as a view, built only where the name is qualified (to look a key up with).
class KeyView {
 public:
  KeyView(std::string_view schema, std::string_view name) : view_(name) {
    if (!schema.empty()) view_ = built_ = key(schema, name);
  }
  KeyView(KeyView const&) = delete;  // the view may be of its own string
  KeyView& operator=(KeyView const&) = delete;
  operator std::string_view() const { return view_; }

 private:
  std::string built_;
  std::string_view view_;
};

}  // namespace retort::schema
