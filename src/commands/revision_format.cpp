// Alembic's layouts of a revision (see revision_format.hpp).
#include "src/commands/revision_format.hpp"

#include <fmt/format.h>

namespace retort::commands {

namespace {

std::string down_revisions(Node const& n, Graph const& g) {
  return n.parents.empty() ? "<base>" : fmt::format("{}", fmt::join(g.ids(n.parents), ", "));
}

std::string declared_dependencies(Node const& n) {
  std::vector<ast::Text> names;
  for (auto const& d : n.revision->depends_on) names.push_back(d.text);
  return fmt::format("{}", fmt::join(names, ", "));
}

}  // namespace

std::string head_only(Graph const& g, Rev r, HeadOnly what) {
  auto const& n = g.node(r);
  std::string text = n.id;
  if (what.parents)
    text = n.revision->depends_on.empty()
               ? fmt::format("{} -> {}", down_revisions(n, g), text)
               : fmt::format("{} ({}) -> {}", down_revisions(n, g), declared_dependencies(n), text);
  if (what.branches && !n.labels.empty()) text += fmt::format(" ({})", fmt::join(n.labels, ", "));
  if (n.is_real_head()) text += " (head)";
  if (n.is_head() && !n.is_real_head()) text += " (effective head)";
  if (what.tree) {
    if (n.is_branch_point()) text += " (branchpoint)";
    if (n.is_merge_point()) text += " (mergepoint)";
  }
  if (what.doc) (text += ", ") += n.revision->message ? n.revision->message->text : ast::Text();
  return text;
}

std::string log_entry(Graph const& g, Rev r) {
  auto const& n = g.node(r);
  auto const& rev = *n.revision;
  std::string out = fmt::format("Rev: {}{}{}{}\n", n.id, n.is_head() ? " (head)" : "",
                                n.is_branch_point() ? " (branchpoint)" : "", n.is_merge_point() ? " (mergepoint)" : "");
  out += fmt::format("{}: {}\n", n.is_merge_point() ? "Merges" : "Parent", down_revisions(n, g));
  if (!rev.depends_on.empty()) out += fmt::format("Also depends on: {}\n", declared_dependencies(n));
  if (n.is_branch_point()) out += fmt::format("Branches into: {}\n", fmt::join(g.ids(n.children), ", "));
  if (!n.labels.empty()) out += fmt::format("Branch names: {}\n", fmt::join(n.labels, ", "));
  out += fmt::format("Path: {}\n\n", rev.path);
  out += fmt::format("    {}\n", rev.message ? rev.message->text : "");
  out += "    \n";
  out += fmt::format("    Revision ID: {}\n", n.id);
  out += fmt::format("    Revises: {}\n", fmt::join(g.ids(n.parents), ", "));
  out += fmt::format("    Create Date: {}\n", rev.created ? rev.created->text : "");
  return out;
}

}  // namespace retort::commands
