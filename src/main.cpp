// retort: options in, one command called, its output and diagnostics printed.
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include <boost/program_options.hpp>

#include "src/commands/commands.hpp"
#include "src/threads.hpp"

namespace po = boost::program_options;

namespace {

constexpr char const* usage = R"(usage: retort [-c FILE] [--dir DIR] COMMAND [ARGS]

retort compiles .mig migrations into the SQL script a DBA runs, offline (as
`alembic upgrade --sql` does), keeping Alembic's alembic_version table.

Commands:
  init DIR                  a new project: DIR/retort.ini and DIR/versions/
  revision -m MSG [--rev-id ID] [--head REV] [--splice] [--branch-label L]
           [--depends-on REV]
                            a new .mig file on the head (or on --head)
  merge -m MSG REV REV...   a new revision that merges the given heads
  check [--parse-only]      parse, link and replay every revision; report every error
                            (--parse-only: without replaying the schema)
  fmt [--check] [FILE...]   rewrite .mig files in the canonical layout (--check:
                            only list the files that would change, exit 1 if any)
  history [-r FROM:TO] [-v] the revisions, newest first
  heads [-v] [--resolve-dependencies]
  branches [-v]             the branch points and their branches
  show REV                  one revision in full
  upgrade [FROM:]TO         the SQL script from FROM (default base) up to TO
  downgrade FROM:TO         the SQL script down from FROM to TO
  stamp [FROM:]TO           only the alembic_version changes
    (upgrade, downgrade and stamp take --dialect NAME, -o FILE, and --plan for the
    steps and alembic_version rows only)
  ast FILE...               each file's syntax tree as a line of JSON, for tools

Revisions: an id or a unique prefix of 4+ characters, base, head, heads, label@head,
label@base, label@ID, +N/-N (from the start of the range), ID+N, ID-N.

Dialects: postgresql, mysql, mariadb, sqlite, mssql, oracle (default: the `dialect` of
retort.ini, else postgresql).

Options:
  -c, --config FILE  the settings file (default: DIR/retort.ini)
  --dir DIR          the project folder (default: the current folder)
  -h, --help         show this help
  --version          show retort's version

Exit status: 0 done, 1 errors in the project (printed as file:line:col: error: ...),
2 bad usage.
)";

int usage_error(std::string const& message) {
  std::cerr << "retort: error: " << message << "\nTry 'retort --help'.\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  retort::commands::Context ctx;
  std::string command;
  try {
    po::options_description global("global");
    global.add_options()("help,h", "")("version", "")("config,c", po::value(&ctx.project.config_file))(
        "dir", po::value(&ctx.project.dir))("command", po::value(&command))(
        "args", po::value<std::vector<std::string>>());
    po::positional_options_description positional;
    positional.add("command", 1).add("args", -1);
    auto parsed = po::command_line_parser(argc, argv).options(global).positional(positional).allow_unregistered().run();
    po::variables_map vm;
    po::store(parsed, vm);
    po::notify(vm);
    if (vm.count("help") || (command.empty() && !vm.count("version"))) {
      std::fputs(usage, vm.count("help") ? stdout : stderr);
      return vm.count("help") ? 0 : 2;
    }
    if (vm.count("version")) {
      std::cout << "retort " RETORT_VERSION "\n";
      return 0;
    }
    auto run = retort::commands::find_command(command);
    if (!run) return usage_error("unknown command '" + command + "'");
    ctx.args = po::collect_unrecognized(parsed.options, po::include_positional);
    ctx.args.erase(ctx.args.begin());  // the command itself
    retort::start_spare();  // (running by the time the command wants a second thread)
    int code = run(ctx);
    std::cout << ctx.out << std::flush;
    for (auto const& d : ctx.diags.diagnostics()) std::cerr << retort::render(d);
#ifndef __SANITIZE_ADDRESS__
    // Everything is written: leave without tearing down the syntax trees and the graph, which
    // costs as much as building them (under the sanitizers, return so that leaks are checked).
    std::cout.flush();
    std::cerr.flush();
    std::_Exit(code);
#endif
    return code;
  } catch (po::error const& e) {
    return usage_error(e.what());
  }
}
