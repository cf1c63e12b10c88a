// The plan stage (see plan.hpp): which revisions run, in which order, and the version-table
// rows each step writes. The structure follows Alembic's so that its behaviour, including
// its tie-breaks, carries over; where Alembic iterates a Python set, the order here is the
// written order (parents as in `revises`), and where Alembic crashes, this reports.
#include "src/plan.hpp"

#include <algorithm>
#include <regex>

#include <fmt/format.h>

#include "src/text.hpp"

namespace retort {

namespace {

using Ids = std::vector<std::string>;

// The row `s` of the version table: each step scans the rows several times, 200 of them under
// the 200-branch graph, where std::string's == called memcmp for each (same_text does not).
template <typename V>  // Ids or Ids const
auto find_id(V& v, std::string const& s) {
  return std::find_if(v.begin(), v.end(), [&](std::string const& x) { return same_text(x, s); });
}

bool has(std::vector<Rev> const& v, Rev r) { return std::find(v.begin(), v.end(), r) != v.end(); }
bool has(Ids const& v, std::string const& s) { return find_id(v, s) != v.end(); }

// The ids separated by ", ", appended to `out`.
void append_comma(std::string& out, Ids const& ids) {
  for (std::size_t i = 0; i < ids.size(); ++i) (out += i ? ", " : "") += ids[i];
}

std::string comma(Ids const& ids) {
  std::string out;
  append_comma(out, ids);
  return out;
}

// Alembic's _relative_destination: `[label@][symbol](+|-)N` at the start of the argument.
struct Relative {
  std::string label, symbol, relative;
  bool has_symbol = false;
  long steps = 0;
};
std::optional<Relative> relative_destination(std::string const& target) {
  // None without a sign, and the expression is not built then (building it cost half a
  // million instructions, a sixtieth of the first thread's work at 1,000 revisions).
  if (target.find_first_of("+-") == std::string::npos) return std::nullopt;
  static std::regex const re(R"(^(?:(.+?)@)?(\w+)?((?:\+|-)\d+))");
  std::smatch m;
  if (!std::regex_search(target, m, re)) return std::nullopt;
  Relative r{m[1].str(), m[2].str(), m[3].str(), m[2].matched, 0};
  try {
    r.steps = std::stol(r.relative);
  } catch (std::out_of_range const&) {
    r.steps = r.relative[0] == '-' ? -1000000000L : 1000000000L;
  }
  r.steps = std::clamp(r.steps, -1000000000L, 1000000000L);
  return r;
}

std::string didnt_produce(std::string const& relative, long steps) {
  return fmt::format("Relative revision {} didn't produce {} migrations", relative, std::abs(steps));
}

class Planner {
 public:
  explicit Planner(Graph const& g) : g_(g) {}

  // -- Alembic's RevisionMap, the parts that plan --
  std::vector<Rev> revs(std::vector<std::optional<Rev>> const& maybe) const {
    std::vector<Rev> out;
    for (auto const& r : maybe)
      if (r) out.push_back(*r);
    return out;
  }
  WalkPos pos(std::optional<Rev> r) const { return r ? WalkPos{WalkPos::rev, *r} : WalkPos{}; }
  std::vector<Rev> checked(std::vector<Rev> const& targets, bool up, bool include_dependencies) const;
  std::pair<std::string, WalkPos> parse_downgrade_target(Ids const& current, std::string const& target,
                                                         bool assert_length) const;
  std::vector<WalkPos> parse_upgrade_target(Ids const& current, std::string const& target, bool assert_length) const;
  std::pair<std::vector<Rev>, std::vector<Rev>> collect_upgrade(std::string const& upper, Ids lower,
                                                                std::optional<std::string> lower_arg, bool inclusive,
                                                                bool implicit_base, bool assert_length) const;
  std::pair<std::vector<Rev>, std::vector<Rev>> collect_downgrade(Ids const& upper, std::string const& lower,
                                                                  bool assert_length) const;
  std::vector<Rev> topological_sort(std::vector<Rev> const& revisions, std::vector<Rev> const& heads) const;
  std::vector<Rev> all_current(Ids const& ids) const;

  // -- Alembic's ScriptDirectory and MigrationContext --
  // The revisions an upgrade from `heads` to `destination` runs, oldest first.
  std::vector<Rev> upgrade_revisions(std::string const& destination, Ids const& heads) const;
  std::vector<Step> upgrade_steps(std::string const& destination, Ids const& heads) const;
  std::vector<Step> downgrade_steps(std::string const& destination, Ids const& heads) const;
  std::vector<Step> stamp_steps(Ids const& destinations, Ids const& heads) const;
  void apply(Step& step, Ids& heads) const;

 private:
  std::vector<char> mark(std::vector<Rev> const& revs) const {
    std::vector<char> m(g_.size(), 0);
    for (Rev r : revs) m[r] = 1;
    return m;
  }
  void revision_step(Rev r, bool upgrade, Step& s) const;
  Ids unmerge_to(Step const& step, Ids const& heads) const;
  std::vector<char> const& below_other_heads(Ids const& heads, std::string const& except) const;

  Graph const& g_;
  mutable Ids below_key_;  // the heads below_ was computed for: a downgrade walks one branch at a time
  mutable std::vector<char> below_;
};

// _get_ancestor_nodes / _get_descendant_nodes with check=True: no target may be reached
// from another.
std::vector<Rev> Planner::checked(std::vector<Rev> const& targets, bool up, bool include_dependencies) const {
  auto next = [&](Rev r) -> RevList const& {
    auto const& n = g_.node(r);
    return up ? (include_dependencies ? n.all_children : n.children)
              : (include_dependencies ? n.normalized_down : n.parents);
  };
  std::vector<char> seen(g_.size(), 0);
  std::vector<Rev> out, todo;
  for (Rev target : targets) {
    std::vector<Rev> reached;
    todo.push_back(target);
    while (!todo.empty()) {
      Rev r = todo.back();
      todo.pop_back();
      reached.push_back(r);
      if (seen[r]) continue;
      seen[r] = 1;
      for (Rev m : next(r)) todo.push_back(m);
      out.push_back(r);
    }
    Ids overlaps;
    for (Rev t : targets)
      if (t != target && has(reached, t) && !has(overlaps, g_.node(t).id)) overlaps.push_back(g_.node(t).id);
    if (!overlaps.empty())
      throw RevisionError(fmt::format("Requested revision {} overlaps with other requested revisions {}",
                                      g_.node(target).id, comma(overlaps)));
  }
  return out;
}

// _get_all_current: the current revisions and their ancestors, reduced to branch heads.
std::vector<Rev> Planner::all_current(Ids const& ids) const {
  auto top = revs(g_.get_revisions(ids));
  auto all = g_.ancestors(top, true);
  std::vector<Rev> out;
  for (Rev r : all) {
    bool covered = false;
    for (Rev d : g_.descendants({r}, false)) covered = covered || (d != r && has(all, d));
    if (!covered) out.push_back(r);
  }
  return out;
}

std::pair<std::string, WalkPos> Planner::parse_downgrade_target(Ids const& current, std::string const& target,
                                                                bool assert_length) const {
  if (target.empty()) return {"", WalkPos{}};
  if (auto m = relative_destination(target)) {
    std::string label = m->label;
    if (m->steps >= 0) {
      if (!m->has_symbol) throw RevisionError(didnt_produce(m->relative, m->steps));
      auto rev = g_.walk(pos(g_.get_revision(m->symbol)), static_cast<int>(m->steps), label, assert_length);
      if (!rev) throw RevisionError("Walked too far");
      return {label, *rev};
    }
    bool const relative_to_current = !m->has_symbol;
    std::string symbol = m->symbol;
    if (relative_to_current) {
      if (!label.empty()) {
        std::vector<Rev> cur;
        for (auto const& id : current)
          if (auto r = g_.revision_for_ident(id)) cur.push_back(*r);
        auto on_branch = g_.filter_for_lineage(cur, label);
        if (on_branch.empty()) on_branch = g_.filter_for_lineage(all_current(current), label);
        if (on_branch.size() != 1) throw RevisionError("Ambiguous walk");
        symbol = g_.node(on_branch.front()).id;
      } else {
        if (current.empty()) throw RevisionError(didnt_produce(m->relative, m->steps));
        symbol = current.front();
        label = symbol;
      }
    }
    auto start = g_.get_revision(label.empty() ? symbol : label + "@" + symbol);
    auto rev = g_.walk(pos(start), static_cast<int>(m->steps), {}, assert_length);
    if (!rev) throw RevisionError(relative_to_current ? didnt_produce(m->relative, m->steps) : "Walked too far");
    return {label, *rev};
  }
  auto at = target.rfind('@');
  std::string label = at == std::string::npos ? "" : target.substr(0, at);
  return {label, pos(g_.get_revision(at == std::string::npos ? target : target.substr(at + 1)))};
}

std::vector<WalkPos> Planner::parse_upgrade_target(Ids const& current, std::string const& target,
                                                   bool assert_length) const {
  auto m = relative_destination(target);
  if (!m) {
    std::vector<WalkPos> out;
    for (auto r : g_.get_revisions(target)) out.push_back(pos(r));
    return out;
  }
  if (m->steps > 0 && !m->has_symbol) {
    std::vector<WalkPos> start;  // the one current revision to walk up from
    for (auto const& id : current) start.push_back(pos(g_.get_revision(id)));
    if (start.empty()) start.push_back(WalkPos{});
    if (!m->label.empty()) {
      auto on_branch = g_.filter_for_lineage(revs(g_.get_revisions(current)), m->label);
      start.clear();
      for (Rev r : on_branch) start.push_back(pos(r));
      if (start.empty()) {  // the branch is not current: start from its tips below the current revisions
        auto active = g_.filter_for_lineage(g_.ancestors(revs(g_.get_revisions(current)), true), m->label);
        std::vector<char> below(g_.size(), 0);
        for (Rev r : active)
          for (Rev d : g_.node(r).normalized_down) below[d] = 1;
        for (Rev r : active)
          if (!below[r]) start.push_back(pos(r));
        if (start.empty()) start.push_back(WalkPos{});
      }
    }
    if (start.size() > 1) throw RevisionError("Ambiguous upgrade from multiple current revisions");
    auto rev = g_.walk(start.front(), static_cast<int>(m->steps), m->label, assert_length);
    if (!rev) throw RevisionError(didnt_produce(m->relative, m->steps));
    return {*rev};
  }
  if (m->steps > 0) {
    auto rev = g_.walk(pos(g_.get_revision(m->symbol)), static_cast<int>(m->steps), m->label, assert_length);
    if (!rev) throw RevisionError(didnt_produce(m->relative, m->steps));  // Alembic crashes here
    return {*rev};
  }
  if (!m->has_symbol) throw RevisionError(didnt_produce(std::to_string(m->steps), m->steps));
  auto start = g_.get_revision(m->label.empty() ? m->symbol : m->label + "@" + m->symbol);
  auto rev = g_.walk(pos(start), static_cast<int>(m->steps), {}, assert_length);
  if (!rev) throw RevisionError(didnt_produce(m->relative, m->steps));  // Alembic crashes here
  return {*rev};
}

std::pair<std::vector<Rev>, std::vector<Rev>> Planner::collect_upgrade(std::string const& upper, Ids lower,
                                                                       std::optional<std::string> lower_arg,
                                                                       bool inclusive, bool implicit_base,
                                                                       bool assert_length) const {
  std::vector<Rev> targets;
  for (auto const& t : parse_upgrade_target(lower, upper, assert_length)) {
    if (t.kind != WalkPos::rev) throw RevisionError(fmt::format("Destination {} is not a revision", upper));
    targets.push_back(t.index);
  }
  if (lower_arg && lower_arg->find('@') != std::string::npos) {  // `label@...` as the lower end
    auto branch = lower_arg->substr(0, lower_arg->find('@'));
    auto branch_rev = g_.get_revision(branch);
    if (branch_rev && g_.node(*branch_rev).id == branch) {
      if (g_.node(*branch_rev).labels.size() != 1) throw RevisionError(fmt::format("Revision {} has no single branch label", branch));
      branch = g_.node(*branch_rev).labels.front();
    }
    std::vector<Rev> kept;
    for (Rev t : targets)
      if (has(g_.node(t).labels, branch)) kept.push_back(t);
    targets = kept;
  }
  auto required = mark(checked(targets, false, true));
  for (Rev t : targets) required[t] = 1;
  auto current_maybe = g_.get_revisions(lower);
  auto current = revs(current_maybe);
  if (!implicit_base)
    for (Rev c : current)
      if (!required[c]) throw RangeNotAncestor(lower_arg ? *lower_arg : comma(lower), upper);
  if (!current_maybe.empty() && !current_maybe.front()) {  // a relative lower end
    auto [label, rev] = parse_downgrade_target(Ids{upper}, lower_arg ? *lower_arg : comma(lower), assert_length);
    current.clear();
    lower.clear();
    if (rev.kind == WalkPos::rev) {
      current.push_back(rev.index);
      lower.push_back(g_.node(rev.index).id);
      lower_arg = lower.front();
    } else {
      lower_arg.reset();
    }
  }
  auto current_set = mark(checked(current, false, true));
  for (Rev c : current) current_set[c] = 1;
  std::vector<char> needs(g_.size(), 0);
  for (Rev r = 0; r < g_.size(); ++r) needs[r] = required[r] && !current_set[r];
  if (inclusive)
    for (Rev r : revs(lower_arg ? g_.get_revisions(*lower_arg) : g_.get_revisions(lower))) needs[r] = 1;
  if (!current.empty() && !implicit_base) {
    auto below = mark(checked(current, true, false));
    for (Rev r = 0; r < g_.size(); ++r) needs[r] = needs[r] && below[r];
  }
  std::vector<Rev> out;
  for (Rev r = 0; r < g_.size(); ++r)
    if (needs[r]) out.push_back(r);
  return {out, targets};
}

std::pair<std::vector<Rev>, std::vector<Rev>> Planner::collect_downgrade(Ids const& upper, std::string const& lower,
                                                                         bool assert_length) const {
  auto [label, target] = parse_downgrade_target(upper, lower, assert_length);
  std::vector<Rev> roots;
  std::size_t root_entries = 0;  // Alembic counts a labelled base twice (once per map key)
  if (target.kind != WalkPos::rev) {
    for (Rev r = 0; r < g_.size(); ++r)
      if (g_.node(r).parents.empty()) {
        roots.push_back(r);
        root_entries += 1 + g_.node(r).own_labels.size();
      }
  } else {
    roots.assign(g_.node(target.index).children.begin(), g_.node(target.index).children.end());
    root_entries = roots.size();
  }
  if (!label.empty() && root_entries > 1) {
    auto branch = g_.resolve_branch(label);
    auto in_branch = mark(branch ? g_.ancestors({*branch}, false) : std::vector<Rev>{});
    std::vector<Rev> kept;
    for (Rev r : roots)
      if (in_branch[r]) kept.push_back(r);
    roots = kept;
    if (roots.empty()) throw RevisionError("Not a valid downgrade target from current heads");
  }
  auto heads = revs(g_.get_revisions(upper));
  auto active = mark(g_.ancestors(heads, true));
  std::vector<Rev> out;
  for (Rev r : g_.descendants(roots, true))
    if (active[r]) out.push_back(r);
  std::sort(out.begin(), out.end());
  if (target.kind == WalkPos::rev && out.empty() && !has(heads, target.index))
    throw RangeNotAncestor("Nothing to drop", comma(upper));
  return {out, heads};
}

// Alembic's _topological_sort: revisions after everything they depend on, newest first;
// among heads, load order decides, and a branch is followed down until another head needs
// what comes next.
std::vector<Rev> Planner::topological_sort(std::vector<Rev> const& revisions, std::vector<Rev> const& heads) const {
  auto todo = mark(revisions);
  std::size_t remaining = revisions.size();
  std::vector<Rev> current;
  for (Rev h : heads)
    if (todo[h] && !has(current, h)) current.push_back(h);
  std::sort(current.begin(), current.end());
  std::vector<std::vector<char>> ancestors;
  for (Rev h : current) ancestors.push_back(mark(g_.ancestors({h}, true)));
  std::vector<Rev> output, add;  // (add: the next revisions down, each time, in one vector)
  output.reserve(remaining);
  std::size_t idx = 0;
  while (!current.empty()) {
    Rev candidate = current[idx];
    bool wait = false;
    for (std::size_t j = 0; j < ancestors.size(); ++j)
      if (j != idx && ancestors[j][candidate]) {
        idx = j;
        wait = true;
        break;
      }
    if (wait) continue;
    if (todo[candidate]) {
      output.push_back(candidate);
      todo[candidate] = 0;
      --remaining;
    }
    auto const& node = g_.node(candidate);
    add.clear();
    for (Rev r : node.normalized_down)
      if (todo[r] && !has(current, r)) add.push_back(r);
    if (add.empty()) {
      current.erase(current.begin() + static_cast<long>(idx));
      ancestors.erase(ancestors.begin() + static_cast<long>(idx));
      idx = idx > 0 ? idx - 1 : 0;
    } else if (node.normalized_dependencies.empty() && node.parents.size() == 1) {
      current[idx] = add.front();
      ancestors[idx][candidate] = 0;
    } else {
      current[idx] = add.front();
      ancestors[idx] = mark(g_.ancestors({add.front()}, true));
      for (std::size_t k = 1; k < add.size(); ++k) {
        current.push_back(add[k]);
        ancestors.push_back(mark(g_.ancestors({add[k]}, true)));
      }
    }
  }
  if (remaining != 0) throw RevisionError("the requested revisions cannot be ordered");
  return output;
}

// The step that runs `r`'s block, made in place (`s` is new).
void Planner::revision_step(Rev r, bool upgrade, Step& s) const {
  auto const& node = g_.node(r);
  s.kind = upgrade ? Step::upgrade : Step::downgrade;
  s.revision = r;
  (upgrade ? s.from : s.to) = g_.ids(node.parents);  // (moved into the new step's empty list)
  (upgrade ? s.to : s.from).push_back(node.id);
}

std::vector<Rev> Planner::upgrade_revisions(std::string const& destination, Ids const& heads) const {
  auto [revisions, targets] = collect_upgrade(destination, heads, std::nullopt, false, true, true);
  auto order = topological_sort(revisions, targets);  // newest first
  std::reverse(order.begin(), order.end());
  return order;
}

std::vector<Step> Planner::upgrade_steps(std::string const& destination, Ids const& heads) const {
  auto const order = upgrade_revisions(destination, heads);
  std::vector<Step> steps;
  steps.reserve(order.size());
  for (Rev r : order) revision_step(r, true, steps.emplace_back());
  return steps;
}

std::vector<Step> Planner::downgrade_steps(std::string const& destination, Ids const& heads) const {
  auto [revisions, current] = collect_downgrade(heads, destination, true);
  auto const order = topological_sort(revisions, current);
  std::vector<Step> steps;
  steps.reserve(order.size());
  for (Rev r : order) revision_step(r, false, steps.emplace_back());
  return steps;
}

// ScriptDirectory._stamp_revs.
std::vector<Step> Planner::stamp_steps(Ids const& destinations, Ids const& heads) const {
  auto head_revs = revs(g_.get_revisions(heads));
  Ids dests_arg = destinations.empty() ? Ids{"base"} : destinations;
  std::vector<Rev> filtered;
  for (auto const& d : dests_arg)
    if (!d.empty())
      for (Rev r : g_.filter_for_lineage(head_revs, d, true))
        if (!has(filtered, r)) filtered.push_back(r);
  auto filtered_ids = g_.ids(filtered);
  auto stamp = [](Ids from, Ids to, bool upgrade, bool branch_move) {
    Step s;
    s.kind = Step::stamp;
    s.from = std::move(from);
    s.to = std::move(to);
    s.ops.push_back({upgrade ? VersionOp::insert : VersionOp::remove, branch_move ? "move" : "", ""});
    return s;
  };
  std::vector<Step> steps;
  auto dests = g_.get_revisions(dests_arg);
  if (dests.empty()) dests.push_back(std::nullopt);
  for (auto const& dest : dests) {
    if (!dest) {
      for (auto const& h : filtered_ids) steps.push_back(stamp({h}, {}, false, true));
      continue;
    }
    if (has(filtered, *dest)) continue;
    auto const& id = g_.node(*dest).id;
    auto above = mark(g_.descendants({*dest}, true));
    auto below = mark(g_.ancestors({*dest}, true));
    bool heads_above = std::any_of(filtered.begin(), filtered.end(), [&](Rev h) { return above[h]; });
    bool heads_below = std::any_of(filtered.begin(), filtered.end(), [&](Rev h) { return below[h]; });
    if (heads_above)
      steps.push_back(stamp(filtered_ids, {id}, false, false));
    else if (heads_below)
      steps.push_back(stamp(filtered_ids, {id}, true, false));
    else
      steps.push_back(stamp({}, {id}, true, true));
  }
  return steps;
}

// The ancestors of the heads but `except` (memoized for the last list asked for, compared as
// it is: a downgrade walks one branch at a time, and the other heads stay the same, in the
// same order, until it moves on to another branch; sorting and copying them at every step
// cost 87,000 instructions a step with 200 heads).
std::vector<char> const& Planner::below_other_heads(Ids const& heads, std::string const& except) const {
  std::size_t k = 0;
  bool same = below_.size() == g_.size();
  for (auto it = heads.begin(); same && it != heads.end(); ++it)
    if (!same_text(*it, except)) same = k < below_key_.size() && same_text(below_key_[k++], *it);
  if (same && k == below_key_.size()) return below_;
  below_key_.clear();
  for (auto const& h : heads)
    if (!same_text(h, except)) below_key_.push_back(h);
  below_ = mark(g_.ancestors(revs(g_.get_revisions(below_key_)), true));
  return below_;
}

// RevisionStep._unmerge_to_revisions: the parents a downgrade leaves as rows, less those
// that other current rows already stand on.
Ids Planner::unmerge_to(Step const& step, Ids const& heads) const {
  auto const& node = g_.node(*step.revision);
  bool const others = std::any_of(heads.begin(), heads.end(), [&](auto const& h) { return !same_text(h, node.id); });
  if (!others && node.normalized_down.size() <= 1) return g_.ids(node.normalized_down);  // nothing below
  std::vector<char> own;  // below the node's own parents, where no other head is
  if (!others) {
    own.assign(g_.size(), 0);
    for (Rev t : node.normalized_down)
      for (Rev r : g_.ancestors({t}, true))
        if (r != t) own[r] = 1;
  }
  auto const& below = others ? below_other_heads(heads, node.id) : own;
  Ids out;
  for (Rev t : node.normalized_down)
    if (!below[t]) out.push_back(g_.node(t).id);
  return out;
}

// HeadMaintainer.update_to_step: the rows one step inserts, updates and deletes.
void Planner::apply(Step& step, Ids& heads) const {
  std::vector<VersionOp> ops;
  auto insert = [&](std::string const& v) {
    if (has(heads, v)) throw RevisionError(fmt::format("version '{}' would be inserted twice into the version table", v));
    heads.push_back(v);
    ops.push_back({VersionOp::insert, "", v});
  };
  auto remove = [&](std::string const& v) {
    auto it = find_id(heads, v);
    if (it == heads.end()) throw RevisionError(fmt::format("version '{}' is not in the version table", v));
    heads.erase(it);
    ops.push_back({VersionOp::remove, v, ""});
  };
  auto update = [&](std::string const& from, std::string const& to) {
    auto it = find_id(heads, from);
    if (has(heads, to) || it == heads.end())
      throw RevisionError(fmt::format("the version table cannot be updated from '{}' to '{}'", from, to));
    *it = to;
    ops.push_back({VersionOp::update, from, to});
  };
  auto is_row = [&](std::string const& id) { return has(heads, id); };

  if (step.kind == Step::stamp) {
    bool const upgrade = step.ops.front().kind == VersionOp::insert;
    bool const branch_move = step.ops.front().from == "move";
    step.ops.clear();
    auto const& from = step.from;
    auto const& to = step.to;
    bool from_missing = std::any_of(from.begin(), from.end(), [&](auto const& f) { return !has(heads, f); });
    bool to_missing = std::any_of(to.begin(), to.end(), [&](auto const& t) { return !has(heads, t); });
    if (!upgrade && branch_move) {
      remove(from.front());
    } else if (upgrade && (branch_move || from_missing) && to_missing) {
      insert(to.front());
    } else if (from.size() > 1) {
      for (std::size_t i = 0; i + 1 < from.size(); ++i) remove(from[i]);
      update(from.back(), to.front());
    } else if (to.size() > 1) {
      for (std::size_t i = 0; i + 1 < to.size(); ++i) insert(to[i]);
      update(from.front(), to.back());
    } else {
      if (from.size() != 1 || to.size() != 1) throw RevisionError("the version table cannot be stamped");
      update(from.front(), to.front());
    }
    step.ops = std::move(ops);
    return;
  }

  auto const& node = g_.node(*step.revision);
  bool const upgrade = step.kind == Step::upgrade;
  // The revisions below the node, read from the graph (their ids copied only for a merge: a
  // step of a chain has one, which the version table's row is updated from or to).
  auto const& down_revs = node.normalized_down;
  auto const is_row_rev = [&](Rev r) { return is_row(g_.node(r).id); };
  auto const rows_below = [&] { return std::count_if(down_revs.begin(), down_revs.end(), is_row_rev); };
  bool const current = has(heads, node.id);
  if (!upgrade && current && (down_revs.empty() || unmerge_to(step, heads).empty())) {
    remove(node.id);
  } else if (upgrade && (down_revs.empty() || rows_below() == 0)) {
    insert(node.id);
  } else if (upgrade && down_revs.size() > 1 && rows_below() > 1) {
    Ids const down = g_.ids(down_revs);
    Ids others;
    for (auto const& h : heads)
      if (!has(down, h)) others.push_back(h);
    Ids from = down;
    if (!others.empty()) {
      auto below = mark(g_.ancestors(revs(g_.get_revisions(others)), true));
      from.clear();
      for (Rev d : node.normalized_down)
        if (!below[d]) from.push_back(g_.node(d).id);
    }
    if (from.empty()) throw RevisionError(fmt::format("the merge {} has no current parent to update", node.id));
    for (std::size_t i = 0; i + 1 < from.size(); ++i) remove(from[i]);
    update(from.back(), node.id);
  } else if (!upgrade && current && down_revs.size() > 1) {
    auto to = unmerge_to(step, heads);
    for (std::size_t i = 0; i + 1 < to.size(); ++i) insert(to[i]);
    update(node.id, to.back());
  } else {
    auto down_revision = down_revs.begin();
    if (down_revs.size() != 1) {
      if (rows_below() != 1) throw RevisionError("Can't do an UPDATE because downrevision is ambiguous");
      down_revision = std::find_if(down_revs.begin(), down_revs.end(), is_row_rev);
    }
    auto const& down_id = g_.node(*down_revision).id;
    if (upgrade)
      update(down_id, node.id);
    else
      update(node.id, down_id);
  }
  step.ops = std::move(ops);
}

// MigrationContext.get_current_heads in offline mode: the starting revision, resolved.
Ids starting_heads(Graph const& g, std::string const& start) {
  if (start.empty() || start == "base") return {};
  auto r = g.get_revision(start);
  if (!r) return {};
  return {g.node(*r).id};
}

}  // namespace

void append_step_log(std::string& out, Step const& step) {
  static constexpr std::string_view names[] = {"upgrade ", "downgrade ", "stamp_revision "};
  out += names[step.kind];
  append_comma(out, step.from);
  out += " -> ";
  append_comma(out, step.to);
}

std::string step_log(Step const& step) {
  std::string out;
  append_step_log(out, step);
  return out;
}

namespace {
std::string const upgrade_ancestor = "Destination {end} is not a valid upgrade target from current head(s)";
std::string const downgrade_ancestor = "Destination {end} is not a valid downgrade target from current head(s)";
}  // namespace

std::optional<Plan> make_plan(Graph const& graph, Command command, std::string const& range, DiagnosticSink& diags) {
  auto colon = range.find(':');
  if (colon != std::string::npos && range.find(':', colon + 1) != std::string::npos) {
    diags.error(DiagKind::revision_error, fmt::format("'{}' is not a range: write FROM:TO", range));
    return std::nullopt;
  }
  if (command == Command::downgrade && colon == std::string::npos) {
    diags.error(DiagKind::revision_error, "downgrade with --sql requires <fromrev>:<torev>");
    return std::nullopt;
  }
  std::string start = colon == std::string::npos ? "" : range.substr(0, colon);
  std::string destination = colon == std::string::npos ? range : range.substr(colon + 1);
  if ((colon != std::string::npos && start.empty()) || destination.empty()) {
    diags.error(DiagKind::revision_error,
                fmt::format("'{}' is missing a revision {} the ':' (write base or heads there)", range,
                            destination.empty() ? "after" : "before"));
    return std::nullopt;
  }
  Planner planner(graph);
  try {
    auto heads = starting_heads(graph, start);
    Plan plan;
    try {
      plan.steps = command == Command::upgrade     ? planner.upgrade_steps(destination, heads)
                   : command == Command::downgrade ? planner.downgrade_steps(destination, heads)
                                                   : planner.stamp_steps({destination}, heads);
      for (auto& step : plan.steps) {
        step.create_version_table = heads.empty();
        planner.apply(step, heads);
      }
    } catch (RevisionError const& e) {
      if (command == Command::stamp)
        diags.error(DiagKind::revision_error,
                    command_error(e, "", "Multiple heads are present; please specify a single target revision", "", ""));
      else
        diags.error(DiagKind::revision_error,
                    command_error(e, command == Command::upgrade ? upgrade_ancestor : downgrade_ancestor, "", "",
                                  destination));
      return std::nullopt;
    }
    return plan;
  } catch (RevisionError const& e) {  // resolving the starting revision
    diags.error(DiagKind::revision_error, command_error(e, "", "", "", start));
    return std::nullopt;
  }
}

std::optional<Plan> upgrade_order(Graph const& graph, std::string const& destination, DiagnosticSink& diags) {
  Planner planner(graph);
  try {
    auto const order = planner.upgrade_revisions(destination, {});
    Plan plan;
    plan.steps.resize(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) plan.steps[i].revision = order[i];
    return plan;
  } catch (RevisionError const& e) {
    diags.error(DiagKind::revision_error, command_error(e, upgrade_ancestor, "", "", destination));
    return std::nullopt;
  }
}

std::optional<std::vector<Rev>> walk_revisions(Graph const& graph, std::string const& base, std::string const& head,
                                               DiagnosticSink& diags) {
  Planner planner(graph);
  try {
    auto [revisions, targets] = planner.collect_upgrade(head, {base}, base, true, false, false);
    return planner.topological_sort(revisions, targets);
  } catch (RevisionError const& e) {
    diags.error(DiagKind::revision_error, command_error(e, "", "", base, head));
    return std::nullopt;
  }
}

}  // namespace retort
