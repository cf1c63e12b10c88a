// The plan stage: Graph + command + range → the ordered steps and the alembic_version
// changes of each, exactly as Alembic 1.19's offline mode (script/revision.py's
// iterate_revisions, script/base.py's _upgrade_revs/_downgrade_revs/_stamp_revs, and
// runtime/migration.py's HeadMaintainer), deterministic where Alembic's set order is not.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "src/diagnostics.hpp"
#include "src/graph.hpp"

namespace retort {

// One change to the version table.
struct VersionOp {
  enum Kind { insert, update, remove } kind = insert;
  std::string from;  // update, remove
  std::string to;    // insert, update
  bool operator==(VersionOp const&) const = default;
};

struct Step {
  enum Kind { upgrade, downgrade, stamp } kind = upgrade;
  std::optional<Rev> revision;        // the revision whose block runs (not for stamps)
  std::vector<std::string> from, to;  // as Alembic's `-- Running upgrade a, b -> c` line shows them
  bool create_version_table = false;  // offline mode creates the table before a step when no row exists
  std::vector<VersionOp> ops;
};

struct Plan {
  std::vector<Step> steps;
};

enum class Command { upgrade, downgrade, stamp };

// Plans `upgrade|downgrade|stamp FROM:TO` (FROM optional for upgrade and stamp). Errors
// (Alembic's texts where it has one) go to diags as `retort: error: ...`.
std::optional<Plan> make_plan(Graph const& graph, Command command, std::string const& range, DiagnosticSink& diags);

// The steps `upgrade base:DESTINATION` takes, in order, each with its revision only (no ids
// to log, no version-table rows): what replay runs before a range that starts at DESTINATION.
// Errors as make_plan's for that range where the revisions cannot be found or ordered.
std::optional<Plan> upgrade_order(Graph const& graph, std::string const& destination, DiagnosticSink& diags);

// The revisions between `base` and `head` (defaults "base", "heads"), newest first, as
// `alembic history -r base:head` lists them.
std::optional<std::vector<Rev>> walk_revisions(Graph const& graph, std::string const& base, std::string const& head,
                                               DiagnosticSink& diags);

// `upgrade a -> b` as Alembic's `-- Running` comment writes it.
std::string step_log(Step const& step);
void append_step_log(std::string& out, Step const& step);  // the same, appended to `out`

}  // namespace retort
