// `retort check [--parse-only]`: parses, links and (unless --parse-only) replays every revision; reports every error, and warns
// where a downgrade does not restore the schema its upgrade started from.
#include <boost/program_options.hpp>

#include "src/commands/commands.hpp"
#include "src/schema.hpp"

namespace retort::commands {

namespace po = boost::program_options;

int check(Context& ctx) {
  po::options_description desc("check");
  desc.add_options()("parse-only", "read, parse and link, without replaying the schema");
  po::variables_map vm;
  po::store(po::command_line_parser(ctx.args).options(desc).run(), vm);
  auto loaded = load(ctx, KeepBlocks::both);
  if (!loaded) return 1;
  if (!vm.count("parse-only") &&
      !schema::check_all(loaded->graph, loaded->project.config.naming_convention, ctx.diags))
    return 1;
  auto n = loaded->revisions.size();
  ctx.out += fmt::format("ok: {} revision{} in {}\n", n, n == 1 ? "" : "s", loaded->project.versions_dir);
  return 0;
}

}  // namespace retort::commands

// `retort ast FILE...`: each file's syntax tree as one line of JSON (for tools such as
// scripts/alembic_sql_oracle).
#include "grammar/parse.hpp"
#include "src/ast_json.hpp"

namespace retort::commands {

int ast(Context& ctx) {
  std::vector<std::string> paths;
  po::options_description desc("ast");
  desc.add_options()("files", po::value(&paths)->required());
  po::positional_options_description pos;
  pos.add("files", -1);
  po::variables_map vm;
  po::store(po::command_line_parser(ctx.args).options(desc).positional(pos).run(), vm);
  po::notify(vm);
  for (auto const& path : paths) {
    std::string error;
    auto file = SourceFile::read(path, error);
    if (!file) {
      ctx.diags.file_error(path, DiagKind::cannot_read, path, error);
      continue;
    }
    if (auto revision = grammar::parse(*file, ctx.diags)) ctx.out += to_json(*revision) + '\n';
  }
  return ctx.diags.has_errors() ? 1 : 0;
}

}  // namespace retort::commands
