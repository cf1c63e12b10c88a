// Replaying statements against the schema model (see schema.hpp).
#include "src/schema.hpp"
#include "src/replayer.hpp"
#include "src/text.hpp"

#include <algorithm>
#include <functional>
#include <regex>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>

namespace retort::schema {

std::string key(std::string_view schema, std::string_view name) {
  std::string k;
  k.reserve(schema.size() + 1 + name.size());
  if (!schema.empty()) (k += schema) += '.';
  return k += name;
}

CheckedStep::CheckedStep(CheckedStep const& other) : step(other.step), ops(other.ops), cards(other.cards) {
  std::less<Table const*> const before;
  for (auto& op : ops)
    if (auto const* t = op.table.get(); !other.cards.empty() && !before(t, other.cards.data()) &&
                                         before(t, other.cards.data() + other.cards.size()))
      op.table = std::shared_ptr<Table const>(std::shared_ptr<Table const>(), &cards[t - other.cards.data()]);
}

Column const* Table::column(std::string_view n) const {
  auto it = std::find_if(columns.begin(), columns.end(), [&](Column const& c) { return same_text(c.name, n); });
  return it == columns.end() ? nullptr : &*it;
}
Column* Table::column(std::string_view n) {
  return const_cast<Column*>(std::as_const(*this).column(n));
}
Constraint const* Table::primary_key() const {
  auto it = std::find_if(constraints->begin(), constraints->end(), [](auto const& c) { return c.kind == Constraint::primary_key; });
  return it == constraints->end() ? nullptr : &*it;
}
Constraint* Table::primary_key() {
  if (!std::as_const(*this).primary_key()) return nullptr;
  auto& all = constraints.write();
  return &*std::find_if(all.begin(), all.end(), [](auto const& c) { return c.kind == Constraint::primary_key; });
}

std::string describe(Constraint const& c) {
  static constexpr char const* kinds[] = {"primary key", "unique constraint", "foreign key", "check constraint"};
  return c.name.empty() ? fmt::format("an unnamed {}", kinds[c.kind]) : fmt::format("{} '{}'", kinds[c.kind], c.name);
}

namespace {

using namespace ast;

bool is_integer(Type const& t) {
  return t.kind == TypeKind::integer || t.kind == TypeKind::smallint || t.kind == TypeKind::bigint;
}

bool is_enum(std::optional<Column> const& c) { return c && c->type->kind == TypeKind::enum_; }

// Whether `c` is a foreign key to the table whose key is `k` (compared without building the key).
bool is_foreign_key_to(Constraint const& c, std::string_view k) {
  if (c.kind != Constraint::foreign_key) return false;
  if (c.ref_schema.empty()) return c.ref_table == k;
  return k.size() == c.ref_schema.size() + 1 + c.ref_table.size() && k.starts_with(c.ref_schema) &&
         k[c.ref_schema.size()] == '.' && k.ends_with(c.ref_table);
}

std::size_t foreign_keys(Table const& t) {
  return std::count_if(t.constraints->begin(), t.constraints->end(),
                       [](Constraint const& c) { return c.kind == Constraint::foreign_key; });
}


// SQLAlchemy's ConventionDict: the value of one %(token)s for a constraint of a table.
std::optional<std::string> token(std::string const& key, Table const& t, Constraint const& c) {
  if (key == "table_name") return std::string(t.name);
  if (key == "constraint_name") return c.name.empty() ? std::nullopt : std::optional<std::string>(c.name);
  if (key == "referred_table_name") return c.kind == Constraint::foreign_key ? std::optional<std::string>(c.ref_table) : std::nullopt;
  std::smatch m;
  static std::regex const column(R"((referred_)?column_(\d+)(_?N)?_(name|label|key))");
  if (!std::regex_match(key, m, column)) return std::nullopt;
  auto const& cols = m[1].matched ? c.ref_columns : c.columns;
  auto one = [&](std::size_t i) {
    return m[4] == "label" ? fmt::format("{}_{}", t.name, cols[i]) : std::string(cols[i]);
  };
  if (m[3].matched) {
    std::string out;
    for (std::size_t i = 0; i < cols.size(); ++i) out += (i && m[3].str().starts_with("_") ? "_" : "") + one(i);
    return out;
  }
  auto i = std::stoul(m[2].str());
  return i < cols.size() ? std::optional<std::string>(one(i)) : std::nullopt;
}

}  // namespace

using namespace ast;

void Replayer::statement(Statement const& s, bool autocommit, bool assume, std::vector<Op>* out) {
  if (auto const* nested = get_if<NestedBlock>(s)) {
    bool const is_assume = nested->kind == NestedKind::assume;
    for (auto const& inner : nested->statements) statement(inner, !is_assume, is_assume, out);
    return;
  }
  // The op is made where it is kept, if it is (moving it there, and destroying what was
  // moved, cost as much as making it), and taken back where the statement is not applied.
  bool const kept = out && !assume;
  std::optional<Op> alone;
  Op& op = kept ? out->emplace_back() : alone.emplace();
  struct TakeBack {
    std::vector<Op>* ops;  // null once the op is kept
    ~TakeBack() {
      if (ops) ops->pop_back();
    }
  } take_back{kept ? out : nullptr};
  op.statement = &s;
  op.autocommit = autocommit;
  std::optional<KeyView> table_key;  // the table the statement changes, if any
  if (auto const* ac = get_if<AddColumn>(s)) table_key.emplace(ac->column.schema, ac->column.table);
  if (auto const* dc = get_if<DropColumn>(s)) table_key.emplace(dc->column.schema, dc->column.table);
  if (auto const* al = get_if<AlterColumn>(s)) table_key.emplace(al->column.schema, al->column.table);
  if (auto const* ad = get_if<AddConstraint>(s)) table_key.emplace(ad->table.schema, ad->table.name);
  if (auto const* dr = get_if<DropConstraint>(s)) table_key.emplace(dr->table.schema, dr->table.name);
  std::size_t foreign_keys_before = 0;
  if (table_key)
    if (auto it = schema.tables.find(std::string_view(*table_key)); it != schema.tables.end()) {
      foreign_keys_before = foreign_keys(*it->second);
      if (recording_ && needs.whole_tables) op.table_before = snapshot(it->second);
      target_ = &it->second;  // apply's lookup of it
    }
  if (auto const* ci = get_if<CreateIndex>(s); ci && ci->concurrently && !autocommit && !assume)
    error(ci->loc, DiagKind::concurrently_outside_autocommit, "create index concurrently");
  if (auto const* di = get_if<DropIndex>(s); di && di->concurrently && !autocommit && !assume)
    error(di->loc, DiagKind::concurrently_outside_autocommit, "drop index concurrently");
  bool const applied = apply(s, op);
  target_ = nullptr;
  if (!applied) return;
  auto const* renamed = get_if<RenameTable>(s);
  // What can change a table's foreign keys or the enum types of its columns: creating,
  // dropping or renaming it, or a column or constraint statement that adds or drops a
  // foreign key (the count tells) or adds, drops or alters a column of an enum type.
  bool const refs_may_change = get_if<CreateTable>(s) || get_if<DropTable>(s) || renamed ||
                               (table_key && (foreign_keys_before != foreign_keys(*op.table) ||
                                              is_enum(op.column) || is_enum(op.old_column)));
  if (op.table && refs_may_change) reindex(key(op.table->schema, op.table->name));
  if (renamed) reindex(key(renamed->table.schema, renamed->table.name));
  if (touched) {  // also inside `assume { }`
    if (op.table) touched->insert(key(op.table->schema, op.table->name));
    if (op.index) touched->insert(key(op.index->schema, op.index->table));
    if (renamed) touched->insert(key(renamed->table.schema, renamed->table.name));
  }
  if (!out || assume) return;
  // The table's indexes, for what a rebuild re-creates and MySQL's check of the indexes a
  // foreign key needs: only where they can be needed.
  if (needs.table_indexes && op.table && (op.table_before || get_if<DropIndex>(s)))
    if (auto io = schema.indexes_of.find(std::string_view(KeyView(op.table->schema, op.table->name)));
        io != schema.indexes_of.end())
      for (auto const& ik : io->second) op.indexes.push_back(schema.indexes.at(ik).share());
  take_back.ops = nullptr;
}

Cow<Table>* Replayer::table(std::string_view schema_name, std::string_view name, Loc loc, bool must_exist) {
  if (target_ && (*target_)->name == name && (*target_)->schema == schema_name) return target_;
  auto it = schema.tables.find(std::string_view(KeyView(schema_name, name)));
  if (it != schema.tables.end()) return &it->second;
  if (must_exist) error(loc, DiagKind::no_table, key(schema_name, name));
  return nullptr;
}

void Replayer::use_enum(Type const& type, Loc loc, Op& op) {
  if (type.kind != TypeKind::enum_) return;
  auto it = schema.enums.find(type.name());
  if (it == schema.enums.end()) {
    Enum e{type.name(), type.values()};
    schema.enums.emplace(type.name(), e);
    op.create_enums.push_back(e);
  } else if (it->second.values != type.values()) {
    std::vector<std::string> quoted;
    for (auto const& v : it->second.values) quoted.push_back(fmt::format("'{}'", v));
    error(loc, DiagKind::enum_conflict, type.name(), fmt::format("{}", fmt::join(quoted, ", ")));
  }
}

void Replayer::drop_unused_enums(Op& op) {
  reindex(key(op.table->schema, op.table->name));  // the table's columns have just changed
  for (auto it = schema.enums.begin(); it != schema.enums.end();) {
    auto uses = schema.enum_uses.find(it->first);
    if (uses != schema.enum_uses.end() && uses->second > 0) {
      ++it;
    } else {
      op.drop_enums.push_back(it->second);
      it = schema.enums.erase(it);
    }
  }
}

// SQLAlchemy's autoincrement column: the only primary-key column, of an integer type,
// without a default or (unless `autoincrement` is written) a foreign key.
void Replayer::resolve_autoincrement(Table& t) {
  auto const* pk = t.primary_key();
  for (auto& c : t.columns) c.autoincrement = false;
  if (!pk || pk->columns.size() != 1) return;
  auto* c = t.column(pk->columns.front());
  if (!c || !is_integer(*c->type) || c->default_value || c->autoincrement_off) return;
  bool has_fk = std::any_of(t.constraints->begin(), t.constraints->end(), [&](Constraint const& k) {
    return k.kind == Constraint::foreign_key && std::find(k.columns.begin(), k.columns.end(), c->name) != k.columns.end();
  });
  c->autoincrement = !has_fk;
}

bool Replayer::check_reference(Table const& t, Constraint const& c, Loc loc) {
  if (c.kind != Constraint::foreign_key) return true;
  KeyView const ref_view(c.ref_schema, c.ref_table);
  std::string_view const ref_key = ref_view;
  Table const* ref = ref_key == std::string_view(KeyView(t.schema, t.name)) ? &t : nullptr;
  if (!ref) {
    auto it = schema.tables.find(ref_key);
    if (it == schema.tables.end()) return error(loc, DiagKind::no_table, ref_key), false;
    ref = &*it->second;
  }
  for (auto const& col : c.ref_columns)
    if (!ref->column(col)) return error(loc, DiagKind::no_column, ref_key, col), false;
  if (c.columns.size() != c.ref_columns.size())
    return error(loc, DiagKind::fk_column_count, c.columns.size(), c.ref_columns.size()), false;
  return true;
}

// Names a constraint by the naming convention of its kind, where one applies.
bool Replayer::name_by_convention(Table const& t, Constraint& c, Loc loc) {
  static constexpr char const* keys[] = {"pk", "uq", "fk", "ck"};
  auto it = conventions_.find(keys[c.kind]);
  if (it == conventions_.end()) return true;
  auto const& convention = it->second;
  if (!c.name.empty() && convention.find("%(constraint_name)s") == std::string::npos) return true;
  std::string name;
  for (std::size_t i = 0; i < convention.size(); ++i) {
    if (convention.compare(i, 2, "%%") == 0) {
      name += '%';
      ++i;
    } else if (convention.compare(i, 2, "%(") == 0 && convention.find(")s", i) != std::string::npos) {
      auto end = convention.find(")s", i);
      auto key = convention.substr(i + 2, end - i - 2);
      auto value = token(key, t, c);
      if (!value) return error(loc, DiagKind::naming_convention, keys[c.kind], fmt::format("a value for %({})s here", key)), false;
      name += *value;
      i = end + 1;
    } else {
      name += convention[i];
    }
  }
  c.name = name;
  return true;
}

bool Replayer::add_constraint(Table& t, Constraint c, Loc loc, Constraint* added) {
  auto const table_key = [&] { return key(t.schema, t.name); };  // for errors
  if (!name_by_convention(t, c, loc)) return false;
  for (auto const& col : c.columns)
    if (!t.column(col)) return error(loc, DiagKind::no_column, table_key(), col), false;
  if (!c.name.empty() && std::any_of(t.constraints->begin(), t.constraints->end(), [&](auto const& k) { return k.name == c.name; }))
    return error(loc, DiagKind::constraint_exists, table_key(), c.name), false;
  if (c.kind == Constraint::primary_key && t.primary_key()) return error(loc, DiagKind::two_primary_keys, table_key()), false;
  if (!check_reference(t, c, loc)) return false;
  if (added) *added = c;
  if (c.kind == Constraint::primary_key) {
    for (auto const& col : c.columns) t.column(col)->nullable = false;
    auto& all = t.constraints.write();
    all.insert(all.begin(), std::move(c));
  } else {
    t.constraints.write().push_back(std::move(c));
  }
  return true;
}

static Constraint body_constraint(ConstraintBody const& body, std::string name) {
  Constraint c;
  c.name = std::move(name);
  if (auto const* k = get_if<KeyBody>(body)) {
    c.kind = k->kind == KeyKind::primary_key ? Constraint::primary_key : Constraint::unique;
    for (auto const& n : k->columns) c.columns.push_back(n.text);
  } else if (auto const* f = get_if<ForeignKeyBody>(body)) {
    c.kind = Constraint::foreign_key;
    for (auto const& n : f->columns) c.columns.push_back(n.text);
    c.ref_schema = f->ref_table.schema;
    c.ref_table = f->ref_table.name;
    for (auto const& n : f->ref_columns) c.ref_columns.push_back(n.text);
    c.actions = f->actions;
    c.deferral = f->deferral;
  } else {
    c.kind = Constraint::check;
    c.sql = boost::get<CheckBody>(body.get()).sql;
  }
  return c;
}

// A column and what its options imply: PK membership, and the unique and foreign-key
// constraints SQLAlchemy derives from column options (`derived`, in its order).
bool Replayer::add_column(Table& t, Text name, Type const& type, std::vector<ColumnOption> const& options,
                          Loc loc, Op& op, std::vector<Constraint>& derived, bool known_new) {
  if (!known_new && t.column(name)) return error(loc, DiagKind::column_exists, key(t.schema, t.name), name), false;
  Column c;
  c.name = name;
  c.type = type;
  std::optional<bool> nullable;
  bool primary = false, has_unique = false;
  ReferencesOption const* references = nullptr;
  for (auto const& o : options) {
    if (auto const* f = get_if<FlagOption>(o)) {
      switch (f->flag) {
        case ColumnFlag::not_null: nullable = false; break;
        case ColumnFlag::null: nullable = true; break;
        case ColumnFlag::primary_key: primary = true; break;
        case ColumnFlag::unique: has_unique = true; break;
        case ColumnFlag::autoincrement: break;
        case ColumnFlag::no_autoincrement: c.autoincrement_off = true; break;
      }
    } else if (auto const* d = get_if<DefaultOption>(o)) {
      c.default_value = d->value;
    } else if (auto const* r = get_if<ReferencesOption>(o)) {
      references = r;
    } else if (auto const* ch = get_if<CheckOption>(o)) {
      c.set_check(ch->sql);
    } else if (auto const* cm = get_if<CommentOption>(o)) {
      c.set_comment(cm->text.value);
    }
  }
  c.nullable = nullable.value_or(!primary);
  use_enum(type, loc, op);
  t.columns.push_back(std::move(c));
  if (primary) {
    if (auto const* pk = std::as_const(t).primary_key(); pk && pk->from_column) {
      t.primary_key()->columns.push_back(name);
    } else if (pk) {
      return error(loc, DiagKind::two_primary_keys, key(t.schema, t.name)), false;
    } else {
      Constraint p;
      p.kind = Constraint::primary_key;
      p.columns = {name};
      p.from_column = true;
      auto& all = t.constraints.write();
      all.insert(all.begin(), p);
    }
  }
  if (has_unique) {
    auto& unique = derived.emplace_back();
    unique.kind = Constraint::unique;
    unique.columns = {name};
    unique.from_column = true;
  }
  if (references) {
    auto& fk = derived.emplace_back();
    fk.kind = Constraint::foreign_key;
    fk.columns = {name};
    fk.ref_schema = references->table.schema;
    fk.ref_table = references->table.name;
    fk.ref_columns = {references->column.text};
    fk.actions = references->actions;
    fk.from_column = true;
  }
  return true;
}

// Which constraint or index still uses a column (inline ones of the column itself do not count).
std::string Replayer::in_use(Table const& t, std::string_view column) const {
  for (auto const& c : *t.constraints) {
    bool own = c.from_column && c.columns.size() == 1;  // written on the column itself: it goes with it
    if (!own && std::find(c.columns.begin(), c.columns.end(), column) != c.columns.end()) return describe(c);
  }
  KeyView const table_key(t.schema, t.name);
  std::string_view const k = table_key;
  if (auto io = schema.indexes_of.find(k); io != schema.indexes_of.end())
    for (auto const& ik : io->second) {
      auto const& i = *schema.indexes.at(ik);
      for (auto const& e : i.elements)
        if (auto const* ic = get_if<IndexColumn>(e); ic && ic->name.text == column)
          return fmt::format("index '{}'", i.name);
    }
  for (auto const& [ok, count] : referring(k)) {
    if (ok == k) continue;
    for (auto const& c : *schema.tables.at(ok)->constraints)
      if (is_foreign_key_to(c, k) &&
          std::find(c.ref_columns.begin(), c.ref_columns.end(), column) != c.ref_columns.end())
        return fmt::format("{} of table '{}'", describe(c), ok);
  }
  return {};
}

// Checks one statement against the model and applies it; fills `op` for rendering.
bool Replayer::apply(Statement const& s, Op& op) {
  auto& tables = schema.tables;
  if (auto const* ct = get_if<CreateTable>(s)) {
    auto const k = key(ct->table.schema, ct->table.name);
    if (tables.contains(k)) return error(ct->table.loc, DiagKind::table_exists, k), false;
    Table t{ct->table.schema, ct->table.name, {}, {}, {}};
    if (ct->comment) t.comment = ct->comment->value;
    t.columns.reserve(ct->elements.size());
    std::vector<Constraint> derived;
    bool ok = true;
    // A bit for each column's name by its length and ends: a name whose bit is clear is none
    // of the columns before it, and is not looked for among them (a table's columns were
    // each compared with all before them).
    std::uint64_t seen = 0;
    for (auto const& e : ct->elements)
      if (auto const* col = get_if<ColumnDef>(e)) {
        auto const n = col->name.text;
        auto const bit = std::uint64_t{1} << ((n.size() * 7 + static_cast<unsigned char>(n.front()) * 3 +
                                               static_cast<unsigned char>(n.back())) & 63);
        ok = add_column(t, n, col->type, col->options, col->loc, op, derived, !(seen & bit)) && ok;
        seen |= bit;
      }
    for (auto const& e : ct->elements)
      if (auto const* tc = get_if<TableConstraint>(e))
        ok = add_constraint(t, body_constraint(tc->body, std::string(tc->name ? tc->name->text : "")), tc->loc) && ok;
    for (auto& d : derived) ok = add_constraint(t, std::move(d), ct->table.loc) && ok;
    if (auto const* pk = std::as_const(t).primary_key(); ok && pk && pk->from_column)
      ok = name_by_convention(t, *t.primary_key(), ct->table.loc);  // the key written on its columns
    if (!ok) return false;
    for (auto& c : t.columns)
      if (auto const check = c.check()) {
        Constraint ck{Constraint::check, "", {std::string(c.name)}, "", "", {}, {}, Deferral::not_deferrable, check, true};
        if (!name_by_convention(t, ck, ct->table.loc)) return false;
        if (!ck.name.empty()) c.set_check_name(ck.name);
      }
    resolve_autoincrement(t);
    op.table = snapshot(tables.emplace(k, Cow<Table>(std::move(t))).first->second);
    return true;
  }
  if (auto const* dt = get_if<DropTable>(s)) {
    auto* t = table(dt->table.schema, dt->table.name, dt->table.loc);
    if (!t) return false;
    auto const k = key((*t)->schema, (*t)->name);
    for (auto const& [ok, count] : referring(k))
      if (ok != k)
        for (auto const& c : *tables.at(ok)->constraints)
          if (is_foreign_key_to(c, k))
            return error(dt->table.loc, DiagKind::table_in_use, k, c.name.empty() ? "(unnamed)" : "'" + c.name + "'", ok), false;
    op.table = t->share();  // read after the table is gone
    if (auto io = schema.indexes_of.find(k); io != schema.indexes_of.end()) {
      for (auto const& ik : io->second) schema.indexes.erase(ik);
      schema.indexes_of.erase(io);
    }
    bool const used_enums = schema.enums_of.contains(k);
    tables.erase(k);
    if (used_enums) drop_unused_enums(op);
    return true;
  }
  if (auto const* rt = get_if<RenameTable>(s)) {
    auto* t = table(rt->table.schema, rt->table.name, rt->table.loc);
    if (!t) return false;
    auto const old_key = key((*t)->schema, (*t)->name), new_key = key((*t)->schema, rt->new_name.text);
    if (tables.contains(new_key)) return error(rt->new_name.loc, DiagKind::table_exists, new_key), false;
    auto node = tables.extract(old_key);
    node.key() = new_key;
    auto& moved = node.mapped().write();
    moved.name = rt->new_name.text;
    std::vector<std::string> others;  // copied: reindex() changes what referring() shows
    for (auto const& [ok, count] : referring(old_key))
      if (ok != old_key) others.push_back(ok);  // `moved`'s own keys, below
    for (auto const& ok : others) {
      for (auto& c : tables.at(ok).write().constraints.write())
        if (is_foreign_key_to(c, old_key)) c.ref_table = moved.name;
      reindex(ok);
    }
    auto const refers_to_itself = [&](Constraint const& c) { return is_foreign_key_to(c, old_key); };
    if (std::any_of(moved.constraints->begin(), moved.constraints->end(), refers_to_itself))
      for (auto& c : moved.constraints.write())
        if (refers_to_itself(c)) c.ref_table = moved.name;
    if (auto io = schema.indexes_of.extract(old_key)) {
      for (auto const& ik : io.mapped()) schema.indexes.at(ik).write().table = moved.name;
      io.key() = new_key;
      schema.indexes_of.insert(std::move(io));
    }
    op.table = snapshot(tables.insert(std::move(node)).position->second);
    return true;
  }
  if (auto const* ac = get_if<AddColumn>(s)) {
    auto* cow = table(ac->column.schema, ac->column.table, ac->column.loc);
    if (!cow) return false;
    auto* t = &cow->write([](Table const& old) {  // with room for the column: not copied twice
      Table copy;
      copy.columns.reserve(old.columns.size() + 1);
      copy = old;  // a vector's assignment keeps the room it has
      return copy;
    });
    // Changed in place where no op shares it (as where the replaying thread renders each step
    // as it goes, and the upgrades before a plan's start): room for this column only, as every
    // table at a head is held at once (a quarter more room, taken here before, was 1,280-byte
    // blocks rather than 1,024 for the bench's tables of 14 columns and one added; copying a
    // table's columns for each column added to it costs less than the memory taken ahead).
    if (auto& columns = t->columns; columns.size() == columns.capacity()) columns.reserve(columns.size() + 1);
    std::vector<Constraint> derived;
    if (!add_column(*t, ac->column.column, ac->type, ac->options, ac->column.loc, op, derived)) return false;
    bool const keys_change = std::any_of(derived.begin(), derived.end(), [](Constraint const& d) {
      return d.kind == Constraint::foreign_key;
    });
    for (auto& d : derived)
      if (!add_constraint(*t, std::move(d), ac->column.loc)) return false;
    // Autoincrement follows the primary key and the foreign keys on its column: a column
    // in neither leaves it as it was.
    if (auto const* pk = std::as_const(*t).primary_key();
        keys_change || (pk && std::find(pk->columns.begin(), pk->columns.end(), ac->column.column) != pk->columns.end()))
      resolve_autoincrement(*t);
    op.column = *t->column(ac->column.column);
    op.table = op_table(*cow);
    return true;
  }
  if (auto const* dc = get_if<DropColumn>(s)) {
    auto* cow = table(dc->column.schema, dc->column.table, dc->column.loc);
    if (!cow) return false;
    auto* t = &cow->write();
    auto const* c = t->column(dc->column.column);
    if (!c) return error(dc->column.loc, DiagKind::no_column, key(t->schema, t->name), dc->column.column), false;
    if (auto user = in_use(*t, c->name); !user.empty())
      return error(dc->column.loc, DiagKind::column_in_use, c->name, key(t->schema, t->name), user), false;
    op.column = *c;
    auto const on_column = [&](Constraint const& k) {
      return std::find(k.columns.begin(), k.columns.end(), c->name) != k.columns.end();
    };
    if (std::any_of(t->constraints->begin(), t->constraints->end(), on_column))
      std::erase_if(t->constraints.write(), on_column);
    std::erase_if(t->columns, [&](Column const& col) { return col.name == dc->column.column; });
    op.table = op_table(*cow);
    if (is_enum(op.column)) drop_unused_enums(op);
    return true;
  }
  if (auto const* rc = get_if<RenameColumn>(s)) {
    auto* cow = table(rc->column.schema, rc->column.table, rc->column.loc);
    if (!cow) return false;
    auto* t = &cow->write();
    auto* c = t->column(rc->column.column);
    auto const tk = key(t->schema, t->name);
    if (!c) return error(rc->column.loc, DiagKind::no_column, tk, rc->column.column), false;
    if (t->column(rc->new_name.text)) return error(rc->new_name.loc, DiagKind::column_exists, tk, rc->new_name.text), false;
    op.old_column = *c;
    auto const old_name = c->name;
    c->name = rc->new_name.text;
    auto rename = [&](std::vector<Text>& cols) { std::replace(cols.begin(), cols.end(), old_name, c->name); };
    if (std::any_of(t->constraints->begin(), t->constraints->end(), [&](Constraint const& k) {
          return std::find(k.columns.begin(), k.columns.end(), old_name) != k.columns.end();
        }))
      for (auto& k : t->constraints.write()) rename(k.columns);
    auto refers = [&](Constraint const& fk) {
      return is_foreign_key_to(fk, tk) &&
             std::find(fk.ref_columns.begin(), fk.ref_columns.end(), old_name) != fk.ref_columns.end();
    };
    for (auto const& [ok, count] : referring(tk)) {
      auto& other = tables.at(ok);
      auto& table = ok == tk ? *t : *other;
      if (std::none_of(table.constraints->begin(), table.constraints->end(), refers)) continue;
      for (auto& fk : (ok == tk ? *t : other.write()).constraints.write())  // copied only if it refers to the column
        if (refers(fk)) rename(fk.ref_columns);
    }
    if (auto io = schema.indexes_of.find(tk); io != schema.indexes_of.end())
      for (auto const& ik : io->second)
        if (auto& index = schema.indexes.at(ik); std::any_of(index->elements.begin(), index->elements.end(), [&](auto const& e) {
              auto const* ic = get_if<IndexColumn>(e);
              return ic && ic->name.text == old_name;
            }))
          for (auto& e : index.write().elements)  // copied only if it has the column
            if (auto* ic = boost::get<IndexColumn>(&e.get()); ic && ic->name.text == old_name) ic->name.text = c->name;
    op.column = *c;
    op.table = op_table(*cow);
    return true;
  }
  if (auto const* al = get_if<AlterColumn>(s)) {
    auto* cow = table(al->column.schema, al->column.table, al->column.loc);
    if (!cow) return false;
    auto* t = &cow->write();
    auto* c = t->column(al->column.column);
    if (!c) return error(al->column.loc, DiagKind::no_column, key(t->schema, t->name), al->column.column), false;
    op.old_column = *c;
    for (auto const& ch : al->changes) {
      if (auto const* tc = get_if<TypeChange>(ch)) {
        c->type = tc->type;
        use_enum(tc->type, tc->loc, op);
      } else if (auto const* fc = get_if<FlagChange>(ch)) {
        if (fc->flag == ChangeFlag::drop_default) c->default_value.reset();
        else c->nullable = fc->flag == ChangeFlag::drop_not_null;
      } else if (auto const* sd = get_if<SetDefault>(ch)) {
        c->default_value = sd->value;
      } else if (auto const* cc = get_if<CommentChange>(ch)) {
        c->set_comment(cc->text ? Ref<Text>(cc->text->value) : Ref<Text>());
      }
    }
    op.column = *c;
    op.table = op_table(*cow);
    if (is_enum(op.old_column)) drop_unused_enums(op);
    return true;
  }
  if (auto const* ci = get_if<CreateIndex>(s)) {
    auto* cow = table(ci->table.schema, ci->table.name, ci->table.loc);
    if (!cow) return false;
    auto const* t = &**cow;
    auto const k = key(ci->table.schema, ci->name.text);
    if (auto it = schema.indexes.find(k); it != schema.indexes.end())
      return error(ci->name.loc, DiagKind::index_exists, ci->name.text, it->second->table), false;
    for (auto const& e : ci->elements)
      if (auto const* ic = get_if<IndexColumn>(e); ic && !t->column(ic->name.text))
        return error(ic->name.loc, DiagKind::no_column, key(t->schema, t->name), ic->name.text), false;
    Index i{ci->name.text, t->schema, t->name, ci->unique, ci->elements,
            ci->method ? std::optional<Text>(ci->method->text) : std::nullopt,
            ci->where ? std::optional<RawSql>(*ci->where) : std::nullopt};
    op.table = op_table(*cow);
    schema.indexes_of[key(t->schema, t->name)].insert(k);
    op.index = schema.indexes.emplace(k, Cow<Index>(std::move(i))).first->second.share();
    return true;
  }
  if (auto const* di = get_if<DropIndex>(s)) {
    auto const schema_name = di->table ? di->table->schema : std::string();
    auto it = schema.indexes.find(key(schema_name, di->name.text));
    if (it == schema.indexes.end()) return error(di->name.loc, DiagKind::no_index, key(schema_name, di->name.text)), false;
    auto const& index = *it->second;
    if (di->table && index.table != di->table->name)
      return error(di->table->loc, DiagKind::index_elsewhere, di->name.text, index.table, di->table->name), false;
    op.index = it->second.share();
    if (auto* t = table(index.schema, index.table, di->name.loc, false)) op.table = op_table(*t);
    if (auto io = schema.indexes_of.find(key(index.schema, index.table)); io != schema.indexes_of.end())
      io->second.erase(it->first);
    schema.indexes.erase(it);
    return true;
  }
  if (auto const* ad = get_if<AddConstraint>(s)) {
    auto* cow = table(ad->table.schema, ad->table.name, ad->table.loc);
    if (!cow) return false;
    Constraint added;
    if (!add_constraint(cow->write(), body_constraint(ad->body, std::string(ad->name.text)), ad->loc, &added)) return false;
    op.constraint = std::make_shared<Constraint const>(added);
    op.table = op_table(*cow);
    return true;
  }
  if (auto const* dc = get_if<DropConstraint>(s)) {
    auto* cow = table(dc->table.schema, dc->table.name, dc->table.loc);
    if (!cow) return false;
    auto* t = &cow->write();
    auto& all = t->constraints.write();
    auto it = std::find_if(all.begin(), all.end(), [&](auto const& c) { return c.name == dc->name.text; });
    if (it == all.end()) return error(dc->name.loc, DiagKind::no_constraint, key(t->schema, t->name), dc->name.text), false;
    op.constraint = std::make_shared<Constraint const>(*it);
    all.erase(it);
    op.table = op_table(*cow);
    return true;
  }
  if (auto const* cot = get_if<CommentOnTable>(s)) {
    auto* cow = table(cot->table.schema, cot->table.name, cot->table.loc);
    if (!cow) return false;
    cow->write().comment = cot->text ? std::optional<Text>(cot->text->value) : std::nullopt;
    op.table = op_table(*cow);
    return true;
  }
  if (auto const* coc = get_if<CommentOnColumn>(s)) {
    auto* cow = table(coc->column.schema, coc->column.table, coc->column.loc);
    if (!cow) return false;
    auto* t = &cow->write();
    auto* c = t->column(coc->column.column);
    if (!c) return error(coc->column.loc, DiagKind::no_column, key(t->schema, t->name), coc->column.column), false;
    op.old_column = *c;
    c->set_comment(coc->text ? Ref<Text>(coc->text->value) : Ref<Text>());
    op.column = *c;
    op.table = op_table(*cow);
    return true;
  }
  if (auto const* in = get_if<Insert>(s)) {
    auto* cow = table(in->table.schema, in->table.name, in->table.loc);
    if (!cow) return false;
    auto const* t = &**cow;
    for (auto const& c : in->columns)
      if (!t->column(c.text)) return error(c.loc, DiagKind::no_column, key(t->schema, t->name), c.text), false;
    op.table = op_table(*cow);
    return true;
  }
  return true;  // execute: opaque to the model
}

}  // namespace retort::schema
