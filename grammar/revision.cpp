// Instantiates the revision rule (grammar/revision_def.hpp) for the grammar's context.
#include "grammar/revision_def.hpp"

namespace retort::grammar {

BOOST_SPIRIT_INSTANTIATE(revision_type, iterator_type, context_type)

revision_type const& revision_rule() { return revision; }

}  // namespace retort::grammar
