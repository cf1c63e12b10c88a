// The header and the blocks of a revision file (LANGUAGE.md, "Header" and "Blocks").
// Header fields come in any order; parse.cpp checks that each is given once.
#pragma once

#include "grammar/ast_adapted.hpp"
#include "grammar/revision.hpp"
#include "grammar/statement.hpp"
#include "grammar/tokens.hpp"

namespace retort::grammar {

using x3::attr;
using x3::lit;

#define RETORT_RULE(id, T, description) \
  struct id##_class : annotate {};      \
  x3::rule<id##_class, T> const id = description;

auto const revision_id = named("a revision id (letters, digits and '_')", rev_id);
auto const branch_label = named("a branch label (letters, digits and '_')", rev_id);
auto const dependency = named("a revision id or branch label", rev_id);

RETORT_RULE(parent_list, std::vector<ast::Name>, "'base', a revision id, or a parenthesised list of revision ids")
auto const parent_list_def = (lit('(') > list_of(revision_id) > named("',' or ')' after the revision id", lit(')'))) |
                             x3::repeat(1)[rev_id];

RETORT_RULE(label_list, std::vector<ast::Name>, "a branch label or a parenthesised list of them")
auto const label_list_def = (lit('(') > list_of(branch_label) > named("',' or ')' after the branch label", lit(')'))) |
                            x3::repeat(1)[rev_id];

RETORT_RULE(dependency_list, std::vector<ast::Name>, "a revision id or branch label, or a parenthesised list of them")
auto const dependency_list_def = (lit('(') > list_of(dependency) > named("',' or ')' after the dependency", lit(')'))) |
                                 x3::repeat(1)[rev_id];

// Each field as its own rule into the HeaderField itself; header_field picks the one its
// first word names (a word that names none ends the header).
#define RETORT_FIELD_RULE(id, description, key, values)   \
  struct id##_class {};                                  \
  x3::rule<id##_class, ast::HeaderField> const id = description; \
  auto const id##_def = kw(#key) >> attr(ast::HeaderKey::key) > values;
RETORT_FIELD_RULE(revision_field, "'revision'", revision,
                  named("a revision id (letters, digits and '_')", x3::repeat(1)[rev_id]))
RETORT_FIELD_RULE(revises_field, "'revises'", revises, parent_list)
RETORT_FIELD_RULE(message_field, "'message'", message,
                  named("the message as a 'quoted string'", x3::repeat(1)[string_value]))
RETORT_FIELD_RULE(created_field, "'created'", created,
                  named("a date and time such as 2024-01-15 10:30:00", x3::repeat(1)[timestamp]))
RETORT_FIELD_RULE(branch_labels_field, "'branch_labels'", branch_labels, label_list)
RETORT_FIELD_RULE(depends_on_field, "'depends_on'", depends_on, dependency_list)
#undef RETORT_FIELD_RULE

RETORT_RULE(header_field, ast::HeaderField, "a header field")
auto const header_field_def = by_keyword<ast::HeaderField>(
    no_otherwise{}, when("revision", revision_field), when("revises", revises_field), when("message", message_field),
    when("created", created_field), when("branch_labels", branch_labels_field), when("depends_on", depends_on_field));

auto const block_open = named("'{'", lit('{'));
auto const block_close = named("'}' at the end of the block", lit('}'));

RETORT_RULE(irreversible_block, ast::Block, "'irreversible'")
auto const irreversible_block_def = kw("irreversible") >> attr(true) > named("';' after 'irreversible'", lit(';')) >
                                    attr(std::vector<ast::Statement>());

RETORT_RULE(statement_block, ast::Block, "'{'")
auto const statement_block_def = attr(false) >> block_open > statements_rule() > block_close;

RETORT_RULE(upgrade_block, ast::Block,
            "a header field ('revision', 'revises', 'message', 'created', 'branch_labels', 'depends_on') "
            "or the 'upgrade' block")
auto const upgrade_block_def = kw("upgrade") > statement_block;

RETORT_RULE(downgrade_block, ast::Block, "the 'downgrade' block (or 'downgrade irreversible;')")
auto const downgrade_block_def =
    named("the 'downgrade' block (or 'downgrade irreversible;')", kw("downgrade")) >
    named("'{' or 'irreversible' after 'downgrade'", irreversible_block | statement_block);

revision_type const revision = "a revision";
auto const revision_def = many(header_field) > upgrade_block > downgrade_block > named("the end of the file", x3::eoi);

// The same in two parts, for parse_header and parse_blocks: the header up to the 'upgrade'
// that must follow it, and the blocks from there.
header_part_type const header_part = "a revision's header";
auto const header_part_def = many(header_field) >> &kw("upgrade");
blocks_part_type const blocks_part = "a revision's blocks";
auto const blocks_part_def = upgrade_block > downgrade_block > named("the end of the file", x3::eoi);

BOOST_SPIRIT_DEFINE(parent_list, label_list, dependency_list, revision_field, revises_field, message_field,
                    created_field, branch_labels_field, depends_on_field, header_field, irreversible_block, statement_block, upgrade_block, downgrade_block, revision, header_part, blocks_part)

#undef RETORT_RULE

}  // namespace retort::grammar
