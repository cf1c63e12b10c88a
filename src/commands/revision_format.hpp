// How a revision is listed by history, heads, branches and show: Alembic's
// Script._head_only and Script.log_entry layouts.
#pragma once

#include <string>

#include "src/graph.hpp"

namespace retort::commands {

struct HeadOnly {
  bool branches = false;  // " (label, ...)"
  bool doc = false;       // ", message"
  bool parents = false;   // "parent -> id"
  bool tree = true;       // " (branchpoint)", " (mergepoint)"
};

// `a, b -> c (label) (head) (mergepoint), message`
std::string head_only(Graph const& g, Rev r, HeadOnly what);
// `Rev: c (head)`, `Parent: b`, ..., `Path: ...`, then the message, indented.
std::string log_entry(Graph const& g, Rev r);

}  // namespace retort::commands
