// The parse stage's facade: one .mig file's text to an ast::Revision, or diagnostics.
// It never throws and never crashes on any input; it reports the file's first syntax error,
// or every header error (missing, repeated or reserved fields).
#pragma once

#include <optional>

#include "grammar/ast.hpp"
#include "src/diagnostics.hpp"
#include "src/source.hpp"

namespace retort::grammar {

// The tree views the file's text (ast::Text): the file must outlive it.
std::optional<ast::Revision> parse(SourceFile const& file, DiagnosticSink& diags);
std::optional<ast::Revision> parse(SourceFile&& file, DiagnosticSink& diags) = delete;

// The dialect names `execute for` accepts.
extern std::vector<std::string_view> const dialect_names;

}  // namespace retort::grammar
