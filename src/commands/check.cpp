// `retort check`: parses every revision of the project and reports every file's error.
#include <boost/program_options.hpp>

#include "src/commands/commands.hpp"

namespace retort::commands {

namespace po = boost::program_options;

int check(Context& ctx) {
  po::options_description desc("check");
  po::variables_map vm;
  po::store(po::command_line_parser(ctx.args).options(desc).run(), vm);
  auto project = open_project(ctx.project, ctx.diags);
  if (!project) return 1;
  auto revisions = parse_all(*project, ctx.diags);
  if (ctx.diags.has_errors()) return 1;
  ctx.out += fmt::format("ok: {} revision{} in {}\n", revisions.size(), revisions.size() == 1 ? "" : "s",
                         project->versions_dir);
  return 0;
}

}  // namespace retort::commands
