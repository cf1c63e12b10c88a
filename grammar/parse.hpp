// The parse stage's facade: one .mig file's text to an ast::Revision, or diagnostics.
// It never throws and never crashes on any input; it reports the file's first syntax error,
// or every header error (missing, repeated or reserved fields).
#pragma once

#include <optional>

#include "grammar/ast.hpp"
#include "src/diagnostics.hpp"
#include "src/source.hpp"

namespace retort::grammar {

// The blocks whose statements a caller reads. Every block is parsed and checked (a syntax
// error anywhere is an error, as Alembic imports every revision); the statements of the
// others are dropped as soon as they are checked, so that memory holds only what is read
// (and nothing is spent fitting a tree about to go).
enum class KeepBlocks { both, upgrades, none };

// The tree views the file's text (ast::Text): the file must outlive it.
std::optional<ast::Revision> parse(SourceFile const& file, DiagnosticSink& diags, KeepBlocks keep = KeepBlocks::both);
std::optional<ast::Revision> parse(SourceFile&& file, DiagnosticSink& diags, KeepBlocks keep = KeepBlocks::both) = delete;

// The same in two parts, for a command that links and plans while the blocks are still
// being parsed: the header (with `body` set to where the blocks start), then the blocks
// into the header's revision. Each part only says whether it succeeded, without a
// diagnostic: where either fails, parse() reports the file's errors, as it would have.
// parse_header(f) then parse_blocks(f) give the tree parse(f) gives, comments included.
std::optional<ast::Revision> parse_header(SourceFile const& file, std::size_t& body);
std::optional<ast::Revision> parse_header(SourceFile&& file, std::size_t& body) = delete;
bool parse_blocks(SourceFile const& file, std::size_t body, ast::Revision& revision, KeepBlocks keep = KeepBlocks::both);

// The dialect names `execute for` accepts.
extern std::vector<std::string_view> const dialect_names;

}  // namespace retort::grammar
