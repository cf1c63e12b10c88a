// Resolving revision arguments against the Graph, as Alembic 1.19's RevisionMap does:
// get_revisions, get_revision, _revision_for_ident (ids, labels, prefixes of four or
// more characters), lineage filters and _walk; and how their errors read at the command line.
#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "src/graph.hpp"

namespace retort {

namespace {

// Python's int() on a string of digits with an optional sign; nullopt if it is not one.
std::optional<long> as_int(std::string const& s) {
  auto const* b = s.data();
  auto const* e = s.data() + s.size();
  if (b != e && *b == '+') ++b;
  long v = 0;
  auto [p, ec] = std::from_chars(b, e, v);
  if (ec != std::errc() || p != e || b == e) return std::nullopt;
  return v;
}

}  // namespace

std::pair<std::vector<std::string>, std::string> Graph::resolve_number(std::string const& arg) const {
  std::string label, id = arg;
  if (auto at = id.find('@'); at != std::string::npos) {
    label = id.substr(0, at);
    id = id.substr(at + 1);
  }
  if (id == "heads") return {ids(label.empty() ? real_heads_ : filter_for_lineage(heads_, label)), label};
  if (id == "head") {
    auto h = current_head(label);
    return {h ? std::vector<std::string>{nodes_[*h].id} : std::vector<std::string>{}, label};
  }
  if (id == "base" || id.empty()) return {{}, label};
  return {{id}, label};
}

std::optional<Rev> Graph::current_head(std::string const& label) const {
  auto current = label.empty() ? heads_ : filter_for_lineage(heads_, label);
  if (current.size() > 1) throw MultipleHeads(ids(current), label.empty() ? "head" : label + "@head");
  if (current.empty()) return std::nullopt;
  return current.front();
}

std::vector<std::optional<Rev>> Graph::get_revisions(std::string const& id) const {
  auto [resolved, label] = resolve_number(id);
  std::vector<std::optional<Rev>> out;
  if (resolved.size() == 1) {
    if (auto n = as_int(resolved.front()); n && *n < 0) {  // `label@-N`: down from the heads
      for (auto const& head : get_revisions("heads")) {
        if (!label.empty()) {
          auto const& labels = nodes_[*head].labels;
          if (std::find(labels.begin(), labels.end(), label) == labels.end()) continue;
        }
        auto pos = walk({WalkPos::rev, *head}, static_cast<int>(std::max(*n, -1000000000L)));
        out.push_back(pos && pos->kind == WalkPos::rev ? std::optional<Rev>(pos->index) : std::nullopt);
      }
      return out;
    }
  }
  for (auto const& r : resolved) out.push_back(revision_for_ident(r, label));
  return out;
}

std::vector<std::optional<Rev>> Graph::get_revisions(std::vector<std::string> const& ids) const {
  std::vector<std::optional<Rev>> out;
  for (auto const& id : ids)
    for (auto r : get_revisions(id)) out.push_back(r);
  return out;
}

std::optional<Rev> Graph::get_revision(std::string const& id) const {
  auto [resolved, label] = resolve_number(id);
  if (resolved.size() > 1) throw MultipleHeads(resolved, id);
  return revision_for_ident(resolved.empty() ? std::string() : resolved.front(), label);
}

std::optional<Rev> Graph::resolve_branch(std::string const& label) const {
  if (auto r = find(label)) return r;
  try {
    return revision_for_ident(label);
  } catch (ResolutionError const&) {
    throw ResolutionError(fmt::format("No such branch: '{}'", label), label);
  }
}

std::optional<Rev> Graph::revision_for_ident(std::string const& id, std::string const& check_branch) const {
  std::optional<Rev> branch;
  if (!check_branch.empty()) branch = resolve_branch(check_branch);
  if (id.empty()) return std::nullopt;
  auto rev = find(id);
  if (!rev) {
    // A prefix of four or more characters of an id or a branch label (ids first, in load order).
    std::vector<std::string> keys;
    for (auto const& n : nodes_)
      if (n.id.size() > 3 && n.id.starts_with(id)) keys.push_back(n.id);
    for (auto const& l : label_order_)
      if (l.size() > 3 && l.starts_with(id)) keys.push_back(l);
    if (branch) {
      std::vector<std::string> kept;
      for (auto const& k : keys)
        if (shares_lineage(*find(k), {check_branch})) kept.push_back(k);
      keys = kept;
    }
    if (keys.empty())
      throw ResolutionError(fmt::format("No such revision or branch '{}'{}", id,
                                        id.size() < 4 ? "; please ensure at least four characters are present for "
                                                        "partial revision identifier matches"
                                                      : ""),
                            id);
    if (keys.size() > 1) {
      std::vector<std::string> quoted;
      for (std::size_t i = 0; i < keys.size() && i < 3; ++i) quoted.push_back("'" + keys[i] + "'");
      throw ResolutionError(fmt::format("Multiple revisions start with '{}': {}...", id, fmt::join(quoted, ", ")), id);
    }
    rev = find(keys.front());
  }
  if (branch && !shares_lineage(*rev, {nodes_[*branch].id}))
    throw ResolutionError(fmt::format("Revision {} is not a member of branch '{}'", nodes_[*rev].id, check_branch), id);
  return rev;
}

bool Graph::shares_lineage(Rev target, std::vector<std::string> const& against, bool include_dependencies) const {
  if (against.empty()) return true;
  std::vector<Rev> wanted;
  for (auto const& a : against)
    if (auto r = revision_for_ident(a)) wanted.push_back(*r);
  auto related = descendants({target}, include_dependencies);
  auto below = ancestors({target}, include_dependencies);
  related.insert(related.end(), below.begin(), below.end());
  return std::any_of(related.begin(), related.end(),
                     [&](Rev r) { return std::find(wanted.begin(), wanted.end(), r) != wanted.end(); });
}

std::vector<Rev> Graph::filter_for_lineage(std::vector<Rev> const& targets, std::string const& check_against,
                                           bool include_dependencies) const {
  auto [resolved, label] = resolve_number(check_against);
  std::vector<std::string> shares;
  if (!label.empty()) shares.push_back(label);
  shares.insert(shares.end(), resolved.begin(), resolved.end());
  std::vector<Rev> out;
  for (Rev t : targets)
    if (shares_lineage(t, shares, include_dependencies)) out.push_back(t);
  return out;
}

std::optional<WalkPos> Graph::walk(WalkPos initial, int steps, std::string const& label, bool no_overwalk) const {
  for (long i = 0; i < std::abs(static_cast<long>(steps)); ++i) {
    std::vector<WalkPos> children;
    if (steps > 0) {
      if (initial.kind == WalkPos::base) throw RevisionError("Ambiguous walk");
      auto up = initial.kind == WalkPos::none
                    ? bases_
                    : std::vector<Rev>(nodes_[initial.index].children.begin(), nodes_[initial.index].children.end());
      if (!label.empty()) up = filter_for_lineage(up, label);
      for (Rev r : up) children.push_back({WalkPos::rev, r});
    } else if (initial.kind != WalkPos::base) {
      auto const down = initial.kind == WalkPos::none ? std::span<Rev const>(heads_) : nodes_[initial.index].parents;
      for (Rev r : down) children.push_back({WalkPos::rev, r});
      if (children.empty()) children.push_back({WalkPos::base, 0});
    }
    if (children.empty()) return no_overwalk ? std::nullopt : std::optional<WalkPos>(initial);
    if (children.size() > 1) throw RevisionError("Ambiguous walk");
    initial = children.front();
  }
  return initial;
}

std::string command_error(RevisionError const& e, std::string const& ancestor, std::string const& multiple_heads,
                          std::string const& start, std::string const& end) {
  if (auto const* r = dynamic_cast<RangeNotAncestor const*>(&e)) {
    auto text = ancestor.empty() ? "Requested range {start}:{end} does not refer to ancestor/descendant revisions "
                                   "along the same branch"
                                 : ancestor;
    return fmt::format(fmt::runtime(text), fmt::arg("start", start.empty() ? r->lower : start),
                       fmt::arg("end", end.empty() ? r->upper : end));
  }
  if (auto const* m = dynamic_cast<MultipleHeads const*>(&e)) {
    auto text = multiple_heads.empty()
                    ? "Multiple head revisions are present for given argument '{head_arg}'; please specify a specific "
                      "target revision, '<branchname>@{head_arg}' to narrow to a specific head, or 'heads' for all "
                      "heads"
                    : multiple_heads;
    return fmt::format(fmt::runtime(text), fmt::arg("head_arg", end.empty() ? m->argument : end));
  }
  if (auto const* r = dynamic_cast<ResolutionError const*>(&e)) {
    auto text = fmt::format("Can't locate revision identified by '{}'", r->argument);
    if (std::string_view(e.what()).starts_with("Multiple revisions start with")) text += fmt::format(" ({})", e.what());
    return text;
  }
  return e.what();
}

}  // namespace retort
