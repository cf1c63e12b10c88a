// Instantiates the statement rules (grammar/statement_def.hpp) for the grammar's context.
#include "grammar/statement_def.hpp"

namespace retort::grammar {

BOOST_SPIRIT_INSTANTIATE(statements_type, iterator_type, context_type)

statements_type const& statements_rule() { return statements; }

}  // namespace retort::grammar
