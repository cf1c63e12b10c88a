// The commands of `retort`, one file each. A command reads its own arguments (throwing
// boost::program_options::error on bad usage), calls the stages, and returns its exit
// code: 0 done, 1 diagnostics. It writes what it prints into `out`; main prints it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "src/diagnostics.hpp"
#include "src/graph.hpp"
#include "src/project.hpp"

namespace retort::commands {

struct Loaded;

struct Context {
  ProjectOptions project;
  std::vector<std::string> args;  // the command's own arguments
  std::string out;                // what the command prints on standard output
  DiagnosticSink diags;
  // Where not 0, the number of steps from which a downgrade is replayed in two parts at once
  // (schema::ReplayHooks::split_from): tests lower it, so that their small projects take that way.
  std::size_t split_downgrades_from = 0;
  // The project load() read: owned here, so that main() may exit without tearing it down.
  std::shared_ptr<Loaded> loaded;
};

// A project read, parsed and linked (every error reported into ctx.diags otherwise).
struct Loaded {
  Project project;
  std::vector<ast::Revision> revisions;
  Graph graph;  // refers into `revisions`
  std::shared_ptr<void> replayed;  // the schema replay ended with, kept to be torn down with the rest
  std::shared_ptr<void> parsing;   // what parsed the blocks (upgrade, downgrade, stamp), likewise
};
// The project, read, parsed and linked into ctx.loaded; nullptr on errors (reported).
// `keep`: the blocks whose statements the command reads (the others' are dropped).
Loaded* load(Context& ctx, KeepBlocks keep);

using CommandFn = int (*)(Context&);
// The command of that name, or nullptr.
CommandFn find_command(std::string_view name);

int check(Context& ctx);
int fmt(Context& ctx);
int history(Context& ctx);
int heads(Context& ctx);
int branches(Context& ctx);
int show(Context& ctx);
int upgrade(Context& ctx);
int downgrade(Context& ctx);
int stamp(Context& ctx);
int init(Context& ctx);
int revision(Context& ctx);
int merge(Context& ctx);
int ast(Context& ctx);

}  // namespace retort::commands
