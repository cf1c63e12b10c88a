// `retort fmt [--check] [FILE...]`: rewrites .mig files in the canonical layout (all of the
// project's when no file is named). With --check, changes nothing and exits 1 naming the
// files that would change. A file that does not parse is reported and left alone.
#include <boost/program_options.hpp>

#include "grammar/parse.hpp"
#include "src/atomic_file.hpp"
#include "src/commands/commands.hpp"
#include "src/mig_format.hpp"

namespace retort::commands {

namespace po = boost::program_options;

int fmt(Context& ctx) {
  bool check_only = false;
  std::vector<std::string> paths;
  po::options_description desc("fmt");
  desc.add_options()("check", po::bool_switch(&check_only))("files", po::value(&paths));
  po::positional_options_description positional;
  positional.add("files", -1);
  po::variables_map vm;
  po::store(po::command_line_parser(ctx.args).options(desc).positional(positional).run(), vm);
  po::notify(vm);

  std::vector<SourceFile> files;
  if (paths.empty()) {
    auto project = open_project(ctx.project, ctx.diags);
    if (!project) return 1;
    files = std::move(project->files);
  } else {
    for (auto const& path : paths) {
      std::string error;
      if (auto file = SourceFile::read(path, error))
        files.push_back(std::move(*file));
      else
        ctx.diags.file_error(path, DiagKind::cannot_read, path, error);
    }
  }
  int changed = 0;
  for (auto const& file : files) {
    auto revision = grammar::parse(file, ctx.diags);
    if (!revision) continue;
    auto formatted = format_revision(*revision, file.text());
    if (formatted == file.text()) continue;
    ++changed;
    if (check_only) {
      ctx.out += file.path() + '\n';
      continue;
    }
    std::string error;
    if (!write_file_atomically(file.path(), formatted, error))
      ctx.diags.file_error(file.path(), DiagKind::cannot_write, file.path(), error);
  }
  return ctx.diags.has_errors() || (check_only && changed > 0) ? 1 : 0;
}

}  // namespace retort::commands
