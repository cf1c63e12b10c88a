// The `statements` rule: the body of an upgrade or downgrade block (grammar/statement.cpp).
#pragma once

#include <vector>

#include "grammar/config.hpp"

namespace retort::grammar {

struct statements_class;
using statements_type = x3::rule<statements_class, std::vector<ast::Statement>>;
BOOST_SPIRIT_DECLARE(statements_type)

// The rule object, for other grammar translation units.
statements_type const& statements_rule();

}  // namespace retort::grammar
