// The replayer: applies statements to the schema model, checking each (schema.cpp), and
// the pieces of it that `check` (schema_check.cpp) drives directly. Internal to src/schema*.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "src/schema.hpp"

namespace retort::schema {

// "primary key 'pk_t'", "an unnamed unique constraint", ... for messages.
std::string describe(Constraint const& c);

class Replayer {
 public:
  Replayer(std::map<std::string, std::string> const& conventions, DiagnosticSink& diags)
      : diags_(diags), conventions_(conventions) {}

  // Applies a block's statements (of the revision in `file`, where errors point); ops are
  // appended to `out`'s when it is not null (and their tables' cards to its cards).
  void block(SourceFile const* file, std::vector<ast::Statement> const& statements, CheckedStep* out) {
    file_ = file;
    recording_ = out != nullptr;
    cards_ = nullptr;
    if (out) {
      out->ops.reserve(out->ops.size() + statements.size());
      // A card at most for each statement, nested ones included (see CheckedStep::cards).
      if (!needs.whole_tables && out->cards.empty()) {
        out->cards.reserve(statement_count(statements));
        cards_ = &out->cards;
      }
    }
    for (auto const& s : statements) statement(s, false, false, out ? &out->ops : nullptr);
    cards_ = nullptr;
  }
  void irreversible(SourceFile const* file, ast::Revision const& revision) {
    file_ = file;
    error(revision.downgrade.loc, DiagKind::irreversible, revision.id.text);
  }
  bool failed() const { return failed_; }
  // Sizes the schema's tables for `revisions` revisions (about a table each, or fewer): a
  // map that grows rehashes every node it holds, cold in memory by then.
  void expect(std::size_t revisions) {
    schema.tables.reserve(revisions);
    schema.indexes.reserve(revisions);
    schema.indexes_of.reserve(revisions);
    schema.referrers.reserve(revisions);
    schema.refers_to.reserve(revisions);
  }
  std::set<std::string>* touched = nullptr;  // where set, the keys of the tables each statement acts on
  OpNeeds needs;                             // what ops carry for their rendering

  // Brings what is derived up to date with the table `k`, set in the schema directly.
  void derive(std::string const& k) { reindex(k); }

  // Takes `s` as the schema (a part of another replayer's), rebuilding what is derived.
  // Enum types keep the uses they have in `whole`, so that none is dropped while a table
  // outside the part still uses it.
  void adopt(Schema s, Schema const& whole) {
    schema = std::move(s);
    schema.indexes_of.clear();
    schema.referrers.clear();
    schema.refers_to.clear();
    schema.enums_of.clear();
    for (auto const& [k, i] : schema.indexes) schema.indexes_of[key(i->schema, i->table)].insert(k);
    for (auto const& [k, t] : schema.tables) reindex(k);
    schema.enum_uses = whole.enum_uses;
  }

 private:
  template <typename... Args>
  void error(ast::Loc loc, DiagKind kind, Args const&... args) {
    failed_ = true;
    if (file_) diags_.error(*file_, loc.offset, kind, args...);
  }

  void statement(ast::Statement const& s, bool autocommit, bool assume, std::vector<Op>* out);
  bool apply(ast::Statement const& s, Op& op);
  Cow<Table>* table(std::string_view schema_name, std::string_view name, ast::Loc loc, bool must_exist = true);
  // `known_new`: the caller knows no column of `t` has the name (it is not looked for).
  bool add_column(Table& t, ast::Text name, ast::Type const& type, std::vector<ast::ColumnOption> const& options,
                  ast::Loc loc, Op& op, std::vector<Constraint>& derived, bool known_new = false);
  bool add_constraint(Table& t, Constraint c, ast::Loc loc, Constraint* added = nullptr);
  bool check_reference(Table const& t, Constraint const& c, ast::Loc loc);
  void resolve_autoincrement(Table& t);
  void use_enum(ast::Type const& type, ast::Loc loc, Op& op);
  void drop_unused_enums(Op& op);
  std::string in_use(Table const& t, std::string_view column) const;

  bool name_by_convention(Table const& t, Constraint& c, ast::Loc loc);

  // Brings schema.referrers and refers_to up to date with the foreign keys of the table `k`,
  // and enum_uses and enums_of with the enum types of its columns (after a statement that
  // may change them; a table that is gone refers to nothing and uses nothing).
  void reindex(std::string const& k) {
    std::vector<std::string> now;
    std::vector<ast::Text> enums;
    if (auto t = schema.tables.find(k); t != schema.tables.end()) {
      for (auto const& c : *t->second->constraints)
        if (c.kind == Constraint::foreign_key) now.push_back(key(c.ref_schema, c.ref_table));
      for (auto const& c : t->second->columns)
        if (c.type->kind == ast::TypeKind::enum_) enums.push_back(c.type->name());
    }
    static std::vector<ast::Text> const none;
    auto const was_enums = schema.enums_of.find(k);
    if (auto const& was = was_enums == schema.enums_of.end() ? none : was_enums->second; was != enums) {
      for (auto const& e : was) --schema.enum_uses[e];
      for (auto const& e : enums) ++schema.enum_uses[e];
      if (was_enums != schema.enums_of.end()) schema.enums_of.erase(was_enums);
      if (!enums.empty()) schema.enums_of.emplace(k, std::move(enums));
    }
    auto const was_refs = schema.refers_to.find(k);
    static std::vector<std::string> const no_refs;
    auto const& before = was_refs == schema.refers_to.end() ? no_refs : was_refs->second;
    if (before == now) return;
    for (auto const& r : before)
      if (auto& m = schema.referrers[r]; --m[k] == 0) {
        m.erase(k);
        if (m.empty()) schema.referrers.erase(r);
      }
    for (auto const& r : now) ++schema.referrers[r][k];
    if (was_refs != schema.refers_to.end()) schema.refers_to.erase(was_refs);
    if (!now.empty()) schema.refers_to.emplace(k, std::move(now));
  }

  // The tables whose foreign keys refer to the table `k` (`k` itself among them if it refers
  // to itself), with how many keys each.
  std::map<std::string, int> const& referring(std::string_view k) const {
    static std::map<std::string, int> const none;
    auto r = schema.referrers.find(k);
    return r == schema.referrers.end() ? none : r->second;
  }

  // The table as a statement leaves it, for its op: shared until the table next changes.
  // Where no op is kept (the upgrades before a plan's start, check), the live table, owned
  // by nothing (no count to raise, so no copy at the next change): read only until the
  // statement is done.
  std::shared_ptr<Table const> snapshot(Cow<Table> const& t) const {
    return recording_ ? t.share() : std::shared_ptr<Table const>(std::shared_ptr<Table const>(), &*t);
  }
  // The same, for an op whose rendering may read only the table's name, constraints and
  // comment (OpNeeds::whole_tables false): a card of those, where ops are kept, so that the
  // table is not shared (see OpNeeds).
  std::shared_ptr<Table const> op_table(Cow<Table> const& t) const {
    if (!recording_ || needs.whole_tables) return snapshot(t);
    Table card{t->schema, t->name, {}, t->constraints, t->comment};
    if (!cards_ || cards_->size() == cards_->capacity()) return std::make_shared<Table const>(std::move(card));
    return std::shared_ptr<Table const>(std::shared_ptr<Table const>(), &cards_->emplace_back(std::move(card)));
  }
  static std::size_t statement_count(std::vector<ast::Statement> const& statements) {
    std::size_t n = statements.size();
    for (auto const& s : statements)
      if (auto const* nested = ast::get_if<ast::NestedBlock>(s)) n += statement_count(nested->statements);
    return n;
  }

  DiagnosticSink& diags_;
  std::map<std::string, std::string> const& conventions_;
  SourceFile const* file_ = nullptr;
  bool failed_ = false;
  bool recording_ = false;  // ops are kept: their tables must be snapshots
  Cow<Table>* target_ = nullptr;  // the table of the statement being applied, found before
  std::vector<Table>* cards_ = nullptr;  // where op_table() keeps cards, with room made for them

 public:
  Schema schema;
};

}  // namespace retort::schema
