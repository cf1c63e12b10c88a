// A project: `retort.ini` (read with Boost.Program_options) and its versions folder of
// .mig files, listed in file-name order, read once and parsed.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "grammar/ast.hpp"
#include "grammar/parse.hpp"
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

// The blocks whose statements a command reads (grammar/parse.hpp): every file is parsed
// whole, and the others' statements dropped as each is parsed.
using grammar::KeepBlocks;

// open_project, and every file parsed as soon as it is read; every file's error is reported.
// The revisions that parsed go to `revisions`.
std::optional<Project> open_and_parse(ProjectOptions const& options, DiagnosticSink& diags,
                                      std::vector<ast::Revision>& revisions, KeepBlocks keep = KeepBlocks::both);

// upgrade, downgrade and stamp: every file read and its header parsed, on two threads, then
// the blocks parsed on the second while the first links, plans and replays (which need
// nothing else of the files first). The caller waits for a revision's blocks where it reads
// them; every file's errors are reported by finish(), exactly as open_and_parse reports
// them, and before anything found since. One thread does both parts: a thread started
// between them could take milliseconds to be running here (its idle core woken).
class PendingBlocks {
 public:
  static constexpr std::size_t parsed = std::size_t(-1);  // a file's blocks, parsed with its header

  // Calls `read_header(i)` for every file i in [0, files) on this thread and a second one
  // (where there are files enough to share), in chunks; returns when every call has returned.
  PendingBlocks(std::size_t files, KeepBlocks keep, std::function<void(std::size_t)> const& read_header);
  ~PendingBlocks();  // waits for the second thread
  PendingBlocks(PendingBlocks const&) = delete;
  PendingBlocks& operator=(PendingBlocks const&) = delete;

  // The second thread goes on to the blocks: revisions[i] is the header of files[i], whose
  // blocks start at bodies[i] (or are `parsed` already). The spans' elements stay where they
  // are when a vector holding them moves. Without it, the second thread ends.
  void start(std::span<SourceFile const> files, std::span<ast::Revision> revisions, std::vector<std::size_t> bodies);
  // The revisions (by index) in the order they will be waited for: the second thread parses
  // them first (then the rest, in file order, as it did before this was known).
  void prefer(std::vector<std::size_t> order);
  // Waits until revisions[i]'s blocks are parsed, parsing them here if no thread has begun
  // to; false where the file has an error (finish() reports it).
  bool wait(std::size_t i);
  // How many of the preferred revisions are parsed, or being parsed, beyond those waited
  // for so far (the caller waits for them in that order): how far the parsing is ahead of
  // it. 0 before prefer().
  std::size_t lead() const;
  // Waits for every file; reports each one's errors, in file order; false if any.
  bool finish(DiagnosticSink& diags);
  // Lends the second thread to other work (rendering), so that two threads share the two
  // cores rather than three: `between()` is called before each file whose blocks it parses
  // (a short piece of that work, or none), and `after()` once it has parsed them all (it
  // returns once that work is done). False where there is no second thread or it has ended:
  // the work is then to be done elsewhere. lend(nullptr, nullptr) takes the work back,
  // returning once the thread is in neither function (after() must have been told to end).
  bool lend(std::function<void()> const* between, std::function<void()> const* after);

 private:
  struct State;
  void parse(std::size_t i);
  bool claim(std::size_t i);
  bool parse_preferred();
  void parse_blocks_in_turn();
  void run_lent(bool last);
  std::span<SourceFile const> files_;
  std::span<ast::Revision> revisions_;
  std::vector<std::size_t> bodies_;
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
