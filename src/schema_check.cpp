// `retort check`'s replay of every downgrade against its upgrade (see schema.hpp).
#include <algorithm>
#include <atomic>
#include <exception>
#include <iterator>
#include <set>
#include <thread>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "src/replayer.hpp"
#include "src/threads.hpp"

namespace retort::schema {

namespace {

// Fewer steps take less time than a thread takes to start.
constexpr std::size_t steps_for_two_threads = 64;

// The order of a table's constraints as the database shows them.
bool shown_before(Constraint const& a, Constraint const& b) {
  return std::tie(a.kind, a.name, a.columns, a.ref_schema, a.ref_table, a.ref_columns) <
         std::tie(b.kind, b.name, b.columns, b.ref_schema, b.ref_table, b.ref_columns);
}

// Whether constraints are sorted as normalized() leaves them, and need no copy.
bool normal(std::vector<Constraint> const& cs) {
  return std::none_of(cs.begin(), cs.end(), [](Constraint const& c) { return c.from_column; }) &&
         std::is_sorted(cs.begin(), cs.end(), shown_before);
}

// A schema as the database sees it: constraints in no particular order, and no memory of
// whether one was written on its column.
Schema normalized(Schema s) {
  for (auto& [k, t] : s.tables) {
    if (normal(*t->constraints)) continue;  // shared with the schema it came from, not copied
    auto& all = t.write().constraints.write();
    for (auto& c : all) c.from_column = false;
    std::sort(all.begin(), all.end(), shown_before);
  }
  return s;
}

// Whether two lists of constraints are the same once normalized, without copying them:
// pointers sorted as normalized() sorts the constraints (into the same order, as a sort's
// order is made by its comparisons alone), then compared but for where each was written.
bool same_normalized(std::vector<Constraint> const& a, std::vector<Constraint> const& b) {
  if (a.size() != b.size()) return false;
  auto const order = [](std::vector<Constraint> const& cs) {
    std::vector<Constraint const*> out;
    out.reserve(cs.size());
    for (auto const& c : cs) out.push_back(&c);
    if (!normal(cs)) std::sort(out.begin(), out.end(), [](auto* x, auto* y) { return shown_before(*x, *y); });
    return out;
  };
  auto const same = [](Constraint const& x, Constraint const& y) {
    if (x.from_column == y.from_column) return x == y;
    Constraint c = y;  // (rare: written on its column one time only)
    c.from_column = x.from_column;
    return x == c;
  };
  auto const x = order(a), y = order(b);
  for (std::size_t i = 0; i < x.size(); ++i)
    if (!same(*x[i], *y[i])) return false;
  return true;
}

// normalized(a) == normalized(b) (as Schema's operator== compares them), without the copies
// normalized() makes of every table with a constraint written on its column.
bool same_normalized(Schema const& a, Schema const& b) {
  if (a.tables.size() != b.tables.size() || !(a.indexes == b.indexes) || !(a.enums == b.enums)) return false;
  for (auto const& [k, t] : a.tables) {
    auto const it = b.tables.find(k);
    if (it == b.tables.end()) return false;
    if (t == it->second) continue;  // (the same table, or equal as it is)
    if (t->constraints == it->second->constraints) return false;  // they differ elsewhere, which normalizing keeps
    Table other = *it->second;  // the other but for its constraints
    other.constraints = t->constraints;
    if (!(other == *t) || !same_normalized(*t->constraints, *it->second->constraints)) return false;
  }
  return true;
}

// A hashed map's keys in order.
template <typename Map>
std::vector<std::string> sorted_keys(Map const& m) {
  std::vector<std::string> keys;
  keys.reserve(m.size());
  for (auto const& [k, v] : m) keys.push_back(k);
  std::sort(keys.begin(), keys.end());
  return keys;
}

// The first difference between two schemas, in words.
std::string difference(Schema const& before, Schema const& after) {
  for (auto const& k : sorted_keys(before.tables)) {
    auto const& t = *before.tables.at(k);
    auto it = after.tables.find(k);
    if (it == after.tables.end()) return fmt::format("table '{}' is missing", k);
    auto const& u = *it->second;
    for (std::size_t i = 0; i < std::max(t.columns.size(), u.columns.size()); ++i) {
      if (i >= t.columns.size()) return fmt::format("table '{}' has an extra column '{}'", k, u.columns[i].name);
      if (i >= u.columns.size() || u.columns[i].name != t.columns[i].name) {
        auto const* c = u.column(t.columns[i].name);
        return c ? fmt::format("column '{}' of table '{}' is back in another position", t.columns[i].name, k)
                 : fmt::format("column '{}' of table '{}' is missing", t.columns[i].name, k);
      }
      if (!(u.columns[i] == t.columns[i])) return fmt::format("column '{}' of table '{}' differs", t.columns[i].name, k);
    }
    for (auto const& c : *t.constraints)
      if (std::find(u.constraints->begin(), u.constraints->end(), c) == u.constraints->end())
        return fmt::format("{} of table '{}' is missing or differs", describe(c), k);
    for (auto const& c : *u.constraints)
      if (std::find(t.constraints->begin(), t.constraints->end(), c) == t.constraints->end())
        return fmt::format("table '{}' has an extra {}", k, describe(c));
    if (t.comment != u.comment) return fmt::format("the comment of table '{}' differs", k);
  }
  for (auto const& k : sorted_keys(after.tables))
    if (!before.tables.contains(k)) return fmt::format("table '{}' is left over", k);
  for (auto const& k : sorted_keys(before.indexes))
    if (!after.indexes.contains(k) || !(after.indexes.at(k) == before.indexes.at(k)))
      return fmt::format("index '{}' is missing or differs", k);
  for (auto const& k : sorted_keys(after.indexes))
    if (!before.indexes.contains(k)) return fmt::format("index '{}' is left over", k);
  for (auto const& [k, e] : after.enums)
    if (!before.enums.contains(k)) return fmt::format("enum type '{}' is left over", k);
  for (auto const& [k, e] : before.enums)
    if (!after.enums.contains(k) || !(after.enums.at(k) == e)) return fmt::format("enum type '{}' is missing or differs", k);
  return "the schemas differ";
}

// The tables `keys` name, with their indexes and every enum type: the part of a schema a
// revision's check compares (derived maps left for adopt()).
Schema part(Schema const& s, std::set<std::string> const& keys) {
  Schema out;
  out.enums = s.enums;
  for (auto const& k : keys) {
    auto t = s.tables.find(k);
    if (t == s.tables.end()) continue;
    out.tables.emplace(k, t->second);
    if (auto io = s.indexes_of.find(k); io != s.indexes_of.end())
      for (auto const& ik : io->second) out.indexes.emplace(ik, s.indexes.at(ik));
  }
  return out;
}

// `keys` with the tables their foreign keys refer to and the tables that refer to them.
std::set<std::string> with_neighbours(Schema const& s, std::set<std::string> keys) {
  std::vector<std::string> more;
  for (auto const& k : keys) {
    if (auto r = s.refers_to.find(k); r != s.refers_to.end()) more.insert(more.end(), r->second.begin(), r->second.end());
    if (auto r = s.referrers.find(k); r != s.referrers.end())
      for (auto const& [other, count] : r->second) more.push_back(other);
  }
  keys.insert(more.begin(), more.end());
  return keys;
}

// The second pass of check_all, step by step as the first pass lets it (it stops where that failed).
template <typename WaitFor>
void second_pass(Graph const& graph, Plan const& plan, std::vector<std::set<std::string>> const& touched,
                 WaitFor const& wait_for, std::map<std::string, std::string> const& naming_convention,
                 DiagnosticSink& diags) {
  DiagnosticSink again;  // pass one reported every error of the upgrades
  Replayer r(naming_convention, again);
  r.expect(plan.steps.size());
  for (std::size_t n = 0; n < plan.steps.size(); ++n) {
    if (!wait_for(n)) return;
    auto const& node = graph.node(*plan.steps[n].revision);
    auto const& rev = *node.revision;
    auto const near = with_neighbours(r.schema, touched[n]);
    Schema before = part(r.schema, near);  // (compared as normalized, not copied so)
    r.block(node.file, rev.upgrade.statements, nullptr);
    if (rev.downgrade.irreversible || !node.file) continue;
    auto const copied = with_neighbours(r.schema, near);
    std::set<std::string> new_neighbours;  // the upgrade left them as they were
    std::set_difference(copied.begin(), copied.end(), near.begin(), near.end(),
                        std::inserter(new_neighbours, new_neighbours.end()));
    auto unchanged = part(r.schema, new_neighbours);
    before.tables.merge(unchanged.tables);
    before.indexes.merge(unchanged.indexes);
    DiagnosticSink quiet;  // the downgrade's own errors show when it is compiled; here only its effect
    Replayer down(naming_convention, quiet);
    down.adopt(part(r.schema, copied), r.schema);
    down.block(node.file, rev.downgrade.statements, nullptr);
    if (down.failed()) {  // on the whole schema, for the error a real downgrade gives
      DiagnosticSink whole_quiet;
      Replayer whole(naming_convention, whole_quiet);
      whole.schema = r.schema;
      whole.block(node.file, rev.downgrade.statements, nullptr);
      if (whole.failed()) {
        diags.add(*node.file, rev.downgrade.loc.offset, whole_quiet.diagnostics().front().kind,
                  whole_quiet.diagnostics().front().message);
        continue;
      }
      // It reached beyond the tables its upgrade touched: compare whole schemas, the one
      // before the upgrade being today's with the touched tables as they were.
      Schema whole_before = r.schema;
      for (auto const& k : copied) {
        whole_before.tables.erase(k);
        if (auto io = r.schema.indexes_of.find(k); io != r.schema.indexes_of.end())
          for (auto const& ik : io->second) whole_before.indexes.erase(ik);
      }
      whole_before.tables.merge(before.tables);
      whole_before.indexes.merge(before.indexes);
      whole_before.enums = before.enums;
      before = std::move(whole_before);
      down.schema = std::move(whole.schema);
    }
    if (!same_normalized(before, down.schema))
      diags.warning(*node.file, rev.downgrade.loc.offset, DiagKind::downgrade_differs, rev.id.text,
                    difference(normalized(std::move(before)), normalized(std::move(down.schema))));
  }
}

}  // namespace

// Linear in the revisions: a first pass replays every upgrade and notes the tables each
// touches; the second replays them again and checks each downgrade on a copy of only those
// tables and their neighbours, not of the whole schema. A downgrade that fails on the copy is
// replayed on the whole schema, so that its error is the one a real run reports.
// From 64 revisions the first pass runs on a thread of its own, ahead of the second (which
// takes three to four times as long: it also copies, replays and compares for each
// downgrade), so that the two overlap. Each reports into a sink of its own, appended in
// their order once both are done; the second's are dropped where the first failed, as they
// would never have been made by one thread.
bool check_all(Graph const& graph, std::map<std::string, std::string> const& naming_convention,
               DiagnosticSink& diags) {
  auto plan = make_plan(graph, Command::upgrade, "base:heads", diags);
  if (!plan) return false;
  auto const steps = plan->steps.size();
  std::vector<std::set<std::string>> touched(steps);
  DiagnosticSink first_diags;
  // How many steps' `touched` the first pass has written; `steps + 1` once it has failed.
  std::atomic<std::size_t> ready{0};
  std::exception_ptr thrown;  // by the first pass, thrown again here as one thread would
  auto const first_pass = [&] {
    try {
      Replayer first(naming_convention, first_diags);
      first.expect(steps);
      for (std::size_t n = 0; n < steps && !first.failed(); ++n) {
        auto const& node = graph.node(*plan->steps[n].revision);
        first.touched = &touched[n];
        first.block(node.file, node.revision->upgrade.statements, nullptr);
        ready.store(first.failed() ? steps + 1 : n + 1, std::memory_order_release);
        // (a wake-up per step would cost more than the step: the second pass, behind, seldom waits)
        if (n % 64 == 63) ready.notify_all();
      }
    } catch (...) {
      thrown = std::current_exception();
      ready.store(steps + 1, std::memory_order_release);
    }
    ready.notify_all();
  };
  // The first pass's steps up to `n` are in, or false where it failed before.
  auto const wait_for = [&](std::size_t n) {
    for (auto now = ready.load(std::memory_order_acquire); now <= n; now = ready.load(std::memory_order_acquire))
      ready.wait(now, std::memory_order_acquire);
    return ready.load(std::memory_order_acquire) <= steps;
  };
  std::jthread ahead;
  if (steps >= steps_for_two_threads) ahead = start_beside(first_pass);
  else first_pass();
  DiagnosticSink second_diags;
  second_pass(graph, *plan, touched, wait_for, naming_convention, second_diags);
  if (ahead.joinable()) ahead.join();
  if (thrown) std::rethrow_exception(thrown);
  diags.append(std::move(first_diags));
  if (ready.load() > steps) return false;  // (pass one reported every error of the upgrades; nothing of pass two counts)
  diags.append(std::move(second_diags));
  return !diags.has_errors();
}

}  // namespace retort::schema
