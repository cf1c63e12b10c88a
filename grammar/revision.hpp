// The top rule: a whole .mig file as ast::RevisionSyntax (grammar/revision.cpp).
#pragma once

#include "grammar/config.hpp"

namespace retort::grammar {

struct revision_class;
using revision_type = x3::rule<revision_class, ast::RevisionSyntax>;
BOOST_SPIRIT_DECLARE(revision_type)

revision_type const& revision_rule();

// The header fields (followed by 'upgrade'), and the blocks after them.
struct header_part_class;
using header_part_type = x3::rule<header_part_class, std::vector<ast::HeaderField>>;
struct blocks_part_class;
using blocks_part_type = x3::rule<blocks_part_class, ast::BlocksSyntax>;
BOOST_SPIRIT_DECLARE(header_part_type, blocks_part_type)

header_part_type const& header_part_rule();
blocks_part_type const& blocks_part_rule();

}  // namespace retort::grammar
