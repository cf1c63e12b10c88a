// Instantiates the revision rules (grammar/revision_def.hpp) for the grammar's context.
#include "grammar/revision_def.hpp"

namespace retort::grammar {

BOOST_SPIRIT_INSTANTIATE(revision_type, iterator_type, context_type)

revision_type const& revision_rule() { return revision; }

BOOST_SPIRIT_INSTANTIATE(header_part_type, iterator_type, context_type)
BOOST_SPIRIT_INSTANTIATE(blocks_part_type, iterator_type, context_type)

header_part_type const& header_part_rule() { return header_part; }
blocks_part_type const& blocks_part_rule() { return blocks_part; }

}  // namespace retort::grammar
