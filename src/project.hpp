// A project: `retort.ini` (read with Boost.Program_options) and its versions folder of
// .mig files, listed in file-name order, read once and parsed.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <span>
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

// The blocks of a project whose headers are parsed, parsed on a second thread while the
// caller links, plans and replays (which need nothing else of the files first): upgrade,
// downgrade and stamp take a third of their time less that way. The caller waits for a
// revision's blocks where it reads them; every file's errors are reported by finish(),
// exactly as open_and_parse reports them, and before anything found since.
class PendingBlocks {
 public:
  // revisions[i] is the header of files[i], whose blocks start at bodies[i] (or are parsed
  // already, where that is `parsed`). The spans' elements stay where they are when a vector
  // holding them moves.
  static constexpr std::size_t parsed = std::size_t(-1);
  PendingBlocks(std::span<SourceFile const> files, std::span<ast::Revision> revisions, std::vector<std::size_t> bodies,
                KeepBlocks keep);
  ~PendingBlocks();  // waits for the second thread
  PendingBlocks(PendingBlocks const&) = delete;
  PendingBlocks& operator=(PendingBlocks const&) = delete;

  // The revisions (by index) in the order they will be waited for: the second thread parses
  // them first (then the rest, in file order, as it did before this was known).
  void prefer(std::vector<std::size_t> order);
  // Waits until revisions[i]'s blocks are parsed, parsing them here if no thread has begun
  // to; false where the file has an error (finish() reports it).
  bool wait(std::size_t i);
  // Waits for every file; reports each one's errors, in file order; false if any.
  bool finish(DiagnosticSink& diags);

 private:
  struct State;
  void parse(std::size_t i);
  bool claim(std::size_t i);
  bool parse_preferred();
  std::span<SourceFile const> const files_;
  std::span<ast::Revision> const revisions_;
  std::vector<std::size_t> const bodies_;
  KeepBlocks const keep_;
  std::unique_ptr<State> state_;
};

// open_project, and every file's header parsed as soon as it is read; the blocks are left
// to the returned PendingBlocks. Where a file cannot be read or its header does not parse,
// every file is parsed whole and every error reported, as open_and_parse does, and the
// result is nullopt.
std::optional<std::pair<Project, std::unique_ptr<PendingBlocks>>> open_headers(ProjectOptions const& options,
                                                                               DiagnosticSink& diags,
                                                                               std::vector<ast::Revision>& revisions,
                                                                               KeepBlocks keep);

}  // namespace retort
