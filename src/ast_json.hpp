// The AST as JSON, for tools outside retort (scripts/alembic_sql_oracle): every struct an
// object with its members' names, every statement tagged with its kind.
#pragma once

#include <string>

#include "grammar/ast.hpp"

namespace retort {

std::string to_json(ast::Revision const& revision);

}  // namespace retort
