// `retort fmt`: prints a parsed revision in the one canonical .mig layout (lowercase
// keywords, four-space indents, one statement a line, one column a line in `create table`,
// aligned header), keeping every comment and at most one blank line where the source had some.
#pragma once

#include <string>
#include <string_view>

#include "grammar/ast.hpp"

namespace retort {

// The canonical text of `revision`, whose comments and blank lines are read from `source`.
std::string format_revision(ast::Revision const& revision, std::string_view source);

// A name as .mig source: bare when it can be, else "quoted" with `""` inside.
std::string mig_name(std::string_view name);
// A string literal as .mig source: 'quoted' with `''` inside.
std::string mig_string(std::string_view value);
// A type as .mig source: `string(50)`, `enum mood ('a', 'b')`.
std::string mig_type(ast::Type const& type);

}  // namespace retort
