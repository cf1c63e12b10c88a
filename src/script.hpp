// The assemble stage: checked steps → the script text, as Alembic's offline mode writes
// it: transaction lines where the dialect has transactional DDL, the version table created
// when no row exists yet, `-- Running upgrade a -> b`, each step's statements and its
// alembic_version changes; `autocommit { }` between COMMIT and BEGIN. Deterministic.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dialects/dialect.hpp"
#include "src/schema.hpp"

namespace retort {

struct ScriptOptions {
  std::string version_table = "alembic_version";
  std::string version_table_schema;
  bool transaction_per_migration = false;
};

// The whole script; nullopt when an op cannot be rendered for the dialect (reported).
std::optional<std::string> assemble(dialects::Dialect const& dialect, std::vector<schema::CheckedStep> const& steps,
                                    Graph const& graph, std::vector<SourceFile> const& files,
                                    ScriptOptions const& options, DiagnosticSink& diags);

}  // namespace retort
