// The top rule: a whole .mig file as ast::RevisionSyntax (grammar/revision.cpp).
#pragma once

#include "grammar/config.hpp"

namespace retort::grammar {

struct revision_class;
using revision_type = x3::rule<revision_class, ast::RevisionSyntax>;
BOOST_SPIRIT_DECLARE(revision_type)

revision_type const& revision_rule();

}  // namespace retort::grammar
