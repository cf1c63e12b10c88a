// The commands of `retort`, one file each. A command reads its own arguments (throwing
// boost::program_options::error on bad usage), calls the stages, and returns its exit
// code: 0 done, 1 diagnostics. It writes what it prints into `out`; main prints it.
#pragma once

#include <string>
#include <vector>

#include "src/diagnostics.hpp"
#include "src/project.hpp"

namespace retort::commands {

struct Context {
  ProjectOptions project;
  std::vector<std::string> args;  // the command's own arguments
  std::string out;                // what the command prints on standard output
  DiagnosticSink diags;
};

int check(Context& ctx);
int fmt(Context& ctx);
int history(Context& ctx);

}  // namespace retort::commands
