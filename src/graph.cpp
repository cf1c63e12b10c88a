// Linking revisions into the Graph, and its traversals (see graph.hpp).
#include "src/graph.hpp"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

namespace retort {

namespace {

void add_unique(std::vector<std::string>& to, std::vector<std::string> const& from) {
  for (auto const& s : from)
    if (std::find(to.begin(), to.end(), s) == to.end()) to.push_back(s);
}

bool contains(RevList const& v, Rev r) { return std::find(v.begin(), v.end(), r) != v.end(); }

// Depth-first, as Alembic's _iterate_related_revisions: a stack, each node once.
template <typename Next>
std::vector<Rev> related(std::size_t n, std::vector<Rev> const& targets, Next next) {
  std::vector<char> seen(n, 0);
  std::vector<Rev> out, todo;
  for (Rev target : targets) {
    todo.push_back(target);
    while (!todo.empty()) {
      Rev r = todo.back();
      todo.pop_back();
      if (seen[r]) continue;
      seen[r] = 1;
      for (Rev m : next(r)) todo.push_back(m);
      out.push_back(r);
    }
  }
  return out;
}

}  // namespace

void NameIndex::reserve(std::size_t names) {
  std::size_t size = 8;
  while (size < names + names / 4 + 1) size *= 2;
  if (size > slots_.size()) slots_.assign(size, Slot{});
}

void NameIndex::grow() {
  auto old = std::move(slots_);
  slots_.assign(old.size() * 2, Slot{});
  count_ = 0;
  for (auto const& slot : old)
    if (slot.name.data()) emplace(slot.name, slot.rev);
}

std::size_t NameIndex::probe(std::string_view name, std::size_t hash) const {
  auto const tag = static_cast<std::uint32_t>(hash >> 32);
  for (auto i = hash & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1))
    if (auto const& slot = slots_[i]; !slot.name.data() || (slot.tag == tag && slot.name == name)) return i;
}

std::pair<Rev, bool> NameIndex::emplace(std::string_view name, Rev rev) {
  if (slots_.empty()) reserve(count_ + 1);
  else if (count_ + 1 + (count_ + 1) / 4 >= slots_.size()) grow();
  auto const hash = std::hash<std::string_view>{}(name);
  auto& slot = slots_[probe(name, hash)];
  if (slot.name.data()) return {slot.rev, false};
  slot = {name.data() ? name : std::string_view("", 0), static_cast<std::uint32_t>(hash >> 32), rev};
  ++count_;
  return {rev, true};
}

std::optional<Rev> NameIndex::find(std::string_view name) const {
  if (slots_.empty()) return std::nullopt;
  auto const& slot = slots_[probe(name, std::hash<std::string_view>{}(name))];
  if (!slot.name.data()) return std::nullopt;
  return slot.rev;
}

// Builds a Graph in stages: nodes, labels, edges, cycle check, dependencies, labels inherited.
class Linker {
 public:
  Linker(std::vector<ast::Revision> const& revisions, std::vector<SourceFile> const& files, DiagnosticSink& diags)
      : revisions_(revisions), files_(files), diags_(diags) {}

  std::optional<Graph> run();

 private:
  template <typename... Args>
  void error(ast::Revision const& r, ast::Loc loc, DiagKind kind, Args const&... args) {
    if (auto const* file = file_of(r))
      diags_.error(*file, loc.offset, kind, args...);
    else
      diags_.file_error(r.path, kind, args...);
  }
  // The file of `r` (one of revisions_): the one at its position where the two lists match,
  // as a project reads them, else the one of its path.
  SourceFile const* file_of(ast::Revision const& r) {
    auto const i = static_cast<std::size_t>(&r - revisions_.data());
    if (i < files_.size() && files_[i].path() == r.path) return &files_[i];
    if (by_path_.empty())
      for (auto const& f : files_) by_path_.emplace(f.path(), &f);
    auto it = by_path_.find(r.path);
    return it == by_path_.end() ? nullptr : it->second;
  }
  void add_nodes();
  void add_labels();
  void add_edges();
  void normalize_dependencies();
  bool detect_cycles();
  void inherit_labels();

  std::vector<ast::Revision> const& revisions_;
  std::vector<SourceFile> const& files_;
  DiagnosticSink& diags_;
  std::unordered_map<std::string_view, SourceFile const*> by_path_;  // built at the first file out of place
  Graph g_;
  bool failed_ = false;
};

void Linker::add_nodes() {
  g_.nodes_.reserve(revisions_.size());
  g_.by_id_.reserve(revisions_.size());
  for (auto const& r : revisions_) {
    auto const [rev, fresh] = g_.by_id_.emplace(r.id.text, static_cast<Rev>(g_.nodes_.size()));
    if (!fresh) {
      error(r, r.id.loc, DiagKind::duplicate_revision, r.id.text, g_.nodes_[rev].revision->path);
      failed_ = true;
      continue;
    }
    auto& node = g_.nodes_.emplace_back();  // (in place: a node moved is 200 bytes copied)
    node.revision = &r;
    node.file = file_of(r);
    node.id = r.id.text;
    for (auto const& l : r.branch_labels) node.own_labels.emplace_back(l.text);
  }
}

void Linker::add_labels() {
  for (Rev i = 0; i < g_.nodes_.size(); ++i) {
    auto const& r = *g_.nodes_[i].revision;
    for (auto const& label : r.branch_labels) {
      std::optional<Rev> other;
      if (auto found = g_.by_label_.find(label.text)) other = found;
      if (auto found = g_.by_id_.find(label.text)) other = found;
      if (other) {
        error(r, label.loc, DiagKind::label_twice, label.text, r.id.text, g_.nodes_[*other].id);
        failed_ = true;
        continue;
      }
      g_.by_label_.emplace(label.text, i);
      g_.label_order_.emplace_back(label.text);
    }
  }
}

void Linker::add_edges() {
  for (Rev i = 0; i < g_.nodes_.size(); ++i) {
    auto& node = g_.nodes_[i];
    auto const& r = *node.revision;
    for (auto const& p : r.parents) {
      auto const parent = g_.by_id_.find(p.text);
      if (!parent) {
        error(r, p.loc, DiagKind::missing_parent, p.text);
        failed_ = true;
      } else if (*parent == i) {
        error(r, r.revises_loc, DiagKind::cycle, "Self-loop", node.id);
        failed_ = true;
      } else if (!contains(node.parents, *parent)) {
        node.parents.push_back(*parent);
      }
    }
    for (auto const& d : r.depends_on) {
      auto found = g_.find(d.text);
      if (!found) {
        error(r, d.loc, DiagKind::missing_dependency, d.text);
        failed_ = true;
      } else if (*found == i) {
        error(r, d.loc, DiagKind::cycle, "Dependency self-loop", node.id);
        failed_ = true;
      } else if (!contains(node.dependencies, *found)) {
        node.dependencies.push_back(*found);
      }
    }
    node.all_down = node.parents;
    for (Rev d : node.dependencies)
      if (!contains(node.all_down, d)) node.all_down.push_back(d);
  }
  std::vector<char> has_child(g_.nodes_.size(), 0), has_any_child(g_.nodes_.size(), 0);
  for (Rev i = 0; i < g_.nodes_.size(); ++i)
    for (Rev d : g_.nodes_[i].all_down) {
      g_.nodes_[d].all_children.push_back(i);
      has_any_child[d] = 1;
      if (contains(g_.nodes_[i].parents, d)) {
        g_.nodes_[d].children.push_back(i);
        has_child[d] = 1;
      }
    }
  for (Rev i = 0; i < g_.nodes_.size(); ++i) {
    auto const& node = g_.nodes_[i];
    if (!has_child[i]) g_.heads_.push_back(i);
    if (!has_any_child[i]) g_.real_heads_.push_back(i);
    if (node.parents.empty()) g_.bases_.push_back(i);
    if (node.parents.empty() && node.revision->depends_on.empty()) g_.real_bases_.push_back(i);
  }
}

// Alembic's _normalize_depends_on: drop the dependencies an ancestor already has.
void Linker::normalize_dependencies() {
  for (Rev i = 0; i < g_.nodes_.size(); ++i) {
    auto& node = g_.nodes_[i];
    if (node.dependencies.empty()) continue;
    std::vector<Rev> kept(node.dependencies.begin(), node.dependencies.end());
    for (Rev a : g_.ancestors({i}, false)) {
      if (a == i) continue;
      for (Rev d : g_.nodes_[a].dependencies) kept.erase(std::remove(kept.begin(), kept.end(), d), kept.end());
    }
    node.normalized_dependencies.assign(kept.begin(), kept.end());
  }
  for (auto& node : g_.nodes_) {
    node.normalized_down = node.parents;
    for (Rev d : node.normalized_dependencies)
      if (!contains(node.normalized_down, d)) node.normalized_down.push_back(d);
  }
}

// Alembic's _detect_cycles: every revision must lie between a head and a base, first
// along `revises`, then along `revises` and `depends_on` together.
bool Linker::detect_cycles() {
  auto const n = g_.nodes_.size();
  if (n == 0) return true;
  auto check = [&](std::vector<Rev> const& heads, std::vector<Rev> const& bases, bool deps, char const* kind) {
    std::vector<Rev> cyclic;
    if (heads.empty() || bases.empty()) {
      for (Rev i = 0; i < n; ++i) cyclic.push_back(i);
    } else {
      std::vector<char> above(n, 0), below(n, 0);
      auto down = [&](Rev r) -> RevList const& { return deps ? g_.nodes_[r].all_down : g_.nodes_[r].parents; };
      auto up = [&](Rev r) -> RevList const& { return deps ? g_.nodes_[r].all_children : g_.nodes_[r].children; };
      for (Rev r : related(n, heads, down)) below[r] = 1;
      for (Rev r : related(n, bases, up)) above[r] = 1;
      for (Rev i = 0; i < n; ++i)
        if (!(above[i] && below[i])) cyclic.push_back(i);
    }
    if (cyclic.empty()) return true;
    auto names = g_.ids(cyclic);
    std::sort(names.begin(), names.end());
    auto const& first = g_.nodes_[*g_.by_id_.find(names.front())];
    error(*first.revision, first.revision->revises_loc, DiagKind::cycle, kind, fmt::format("{}", fmt::join(names, ", ")));
    return false;
  };
  // Without a dependency, the second walk is the first again (the same edges, heads and bases).
  bool const dependencies = std::any_of(g_.nodes_.begin(), g_.nodes_.end(), [](Node const& node) { return !node.dependencies.empty(); });
  return check(g_.heads_, g_.bases_, false, "Cycle") &&
         (!dependencies || check(g_.real_heads_, g_.real_bases_, true, "Dependency cycle"));
}

// Alembic's _add_branches: a label applies to the revision's descendants, and down
// from the last of them along `revises` until a branch point or merge point.
void Linker::inherit_labels() {
  for (Rev i = 0; i < g_.nodes_.size(); ++i) {
    if (g_.nodes_[i].own_labels.empty()) continue;
    add_unique(g_.nodes_[i].labels, g_.nodes_[i].own_labels);
    auto const labels = g_.nodes_[i].labels;
    auto descendants = g_.descendants({i}, false);
    for (Rev d : descendants) add_unique(g_.nodes_[d].labels, labels);
    for (Rev p = descendants.back();;) {
      auto& node = g_.nodes_[p];
      if (node.is_real_branch_point() || node.is_merge_point()) break;
      add_unique(node.labels, labels);
      if (node.parents.empty()) break;
      p = node.parents.front();
    }
  }
}

std::optional<Graph> Linker::run() {
  add_nodes();
  add_labels();
  if (failed_) return std::nullopt;
  add_edges();
  if (failed_ || !detect_cycles()) return std::nullopt;
  normalize_dependencies();
  inherit_labels();
  return std::move(g_);
}

MultipleHeads::MultipleHeads(std::vector<std::string> const& h, std::string arg)
    : RevisionError(fmt::format("Multiple heads are present for given argument '{}'; {}", arg, fmt::join(h, ", "))),
      heads(h),
      argument(std::move(arg)) {}

RangeNotAncestor::RangeNotAncestor(std::string lo, std::string up)
    : RevisionError(fmt::format("Revision {} is not an ancestor of revision {}", lo.empty() ? "base" : lo,
                                up.empty() ? "base" : up)),
      lower(std::move(lo)),
      upper(std::move(up)) {}

std::vector<Rev> Graph::ancestors(std::vector<Rev> const& targets, bool include_dependencies) const {
  return related(nodes_.size(), targets,
                 [&](Rev r) -> RevList const& {
                   return include_dependencies ? nodes_[r].normalized_down : nodes_[r].parents;
                 });
}

std::vector<Rev> Graph::descendants(std::vector<Rev> const& targets, bool include_dependencies) const {
  return related(nodes_.size(), targets,
                 [&](Rev r) -> RevList const& {
                   return include_dependencies ? nodes_[r].all_children : nodes_[r].children;
                 });
}

std::optional<Rev> Graph::find(std::string_view id) const {
  if (auto found = by_id_.find(id)) return found;
  return by_label_.find(id);
}

std::vector<std::string> Graph::ids(std::span<Rev const> revs) const {
  std::vector<std::string> out;
  out.reserve(revs.size());
  for (Rev r : revs) out.push_back(nodes_[r].id);
  return out;
}

std::optional<Graph> link(std::vector<ast::Revision> const& revisions, std::vector<SourceFile> const& files,
                          DiagnosticSink& diags) {
  return Linker(revisions, files, diags).run();
}

}  // namespace retort
