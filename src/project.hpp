// A project: `retort.ini` (read with Boost.Program_options) and its versions folder of
// .mig files, listed in file-name order, read once and parsed.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "grammar/ast.hpp"
#include "src/diagnostics.hpp"
#include "src/source.hpp"

namespace retort {

// The settings of OFFLINE.md, "Project layout", with their defaults.
struct Config {
  std::string path;  // the file they were read from; empty when there was none
  std::string versions = "versions";
  std::string dialect = "postgresql";
  std::string version_table = "alembic_version";
  std::string version_table_schema;
  bool transaction_per_migration = false;
  std::string file_template = "{rev}_{slug}";
  std::map<std::string, std::string> naming_convention;  // key after `naming_convention.`
};

// Where to find the project: `-c FILE` and `--dir DIR` from the command line.
struct ProjectOptions {
  std::string config_file;  // empty: DIR/retort.ini
  std::string dir = ".";
};

struct Project {
  Config config;
  std::string versions_dir;        // resolved against the config file's folder
  std::vector<SourceFile> files;   // every versions/*.mig, in file-name order
};

// Reads the configuration (a missing retort.ini is fine when DIR/versions exists).
std::optional<Config> load_config(ProjectOptions const& options, DiagnosticSink& diags);

// Reads the configuration and every .mig file of the versions folder.
std::optional<Project> open_project(ProjectOptions const& options, DiagnosticSink& diags);

// The blocks whose statements a command reads. Every file is parsed whole (a syntax error
// anywhere is an error, as Alembic imports every revision); the statements of the others
// are dropped as each file is parsed, so that memory holds only what the command uses.
enum class KeepBlocks { both, upgrades, none };

// open_project, and every file parsed as soon as it is read; every file's error is reported.
// The revisions that parsed go to `revisions`.
std::optional<Project> open_and_parse(ProjectOptions const& options, DiagnosticSink& diags,
                                      std::vector<ast::Revision>& revisions, KeepBlocks keep = KeepBlocks::both);

}  // namespace retort
