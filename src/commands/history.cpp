// `retort history`: the revisions, newest first, in Alembic's layout
// (`parent -> id (head), message`). Until the graph stage exists, "newest first" is the
// reverse of file-name order and the graph is read only from each file's `revises`.
#include <map>

#include <boost/program_options.hpp>

#include "src/commands/commands.hpp"

namespace retort::commands {

namespace po = boost::program_options;

int history(Context& ctx) {
  bool verbose = false;
  po::options_description desc("history");
  desc.add_options()("verbose,v", po::bool_switch(&verbose));
  po::variables_map vm;
  po::store(po::command_line_parser(ctx.args).options(desc).run(), vm);
  po::notify(vm);

  auto project = open_project(ctx.project, ctx.diags);
  if (!project) return 1;
  auto revisions = parse_all(*project, ctx.diags);
  if (ctx.diags.has_errors()) return 1;
  std::map<std::string, int> children;
  for (auto const& r : revisions)
    for (auto const& p : r.parents) ++children[p.text];
  for (auto it = revisions.rbegin(); it != revisions.rend(); ++it) {
    std::string parents;
    for (auto const& p : it->parents) parents += (parents.empty() ? "" : ", ") + p.text;
    ctx.out += fmt::format("{} -> {}{}{}{}, {}\n", parents.empty() ? "<base>" : parents, it->id.text,
                           children[it->id.text] == 0 ? " (head)" : "",
                           children[it->id.text] > 1 ? " (branchpoint)" : "",
                           it->parents.size() > 1 ? " (mergepoint)" : "", it->message ? it->message->text : "");
    if (verbose) ctx.out += fmt::format("    Path: {}\n", it->path);
  }
  return 0;
}

}  // namespace retort::commands
