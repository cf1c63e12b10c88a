// `retort check`: parses and links every revision of the project; reports every error.
#include <boost/program_options.hpp>

#include "src/commands/commands.hpp"

namespace retort::commands {

namespace po = boost::program_options;

int check(Context& ctx) {
  po::options_description desc("check");
  po::variables_map vm;
  po::store(po::command_line_parser(ctx.args).options(desc).run(), vm);
  auto loaded = load(ctx);
  if (!loaded) return 1;
  auto n = loaded->revisions.size();
  ctx.out += fmt::format("ok: {} revision{} in {}\n", n, n == 1 ? "" : "s", loaded->project.versions_dir);
  return 0;
}

}  // namespace retort::commands
