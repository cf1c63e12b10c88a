// The one iterator, skipper and context type of the grammar. Every rule is instantiated
// for context_type, and ParseContext is the one place that builds such a context.
#pragma once

#include <boost/spirit/home/x3.hpp>

#include "grammar/lexer.hpp"

namespace retort::grammar {

namespace x3 = boost::spirit::x3;

using iterator_type = char const*;

// Skips blanks and comments (the lexer records the comments for `retort fmt`).
struct Skipper : x3::parser<Skipper> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  lex::Scanner const* scanner = nullptr;

  template <typename It, typename Ctx, typename RCtx, typename Attr>
  bool parse(It& first, It const&, Ctx const&, RCtx&, Attr&) const {
    auto const* p = lex::skip_blanks(*scanner, first);
    if (p == first) return false;
    first = p;
    return true;
  }
};

struct scanner_tag;

}  // namespace retort::grammar

// X3 skips by calling the skipper until it fails: twice where it skipped (the second call
// finds nothing more). skip_blanks skips the whole run at once, so it is called once.
template <>
inline void boost::spirit::x3::detail::skip_over<char const*, retort::grammar::Skipper>(
    char const*& first, char const* const&, retort::grammar::Skipper const& skipper) {
  first = retort::lex::skip_blanks(*skipper.scanner, first);
}

namespace retort::grammar {

using skipper_context_type = x3::context<x3::skipper_tag, Skipper const>;
using context_type = x3::context<scanner_tag, lex::Scanner const, skipper_context_type>;

// X3 contexts hold references, so the skipper and the inner context live here, with the
// context built from them: construct one ParseContext per parse and pass `context`.
struct ParseContext {
  explicit ParseContext(lex::Scanner const& scanner)
      : skipper(make_skipper(scanner)), skipper_context(skipper), context(scanner, skipper_context) {}
  ParseContext(ParseContext const&) = delete;
  ParseContext& operator=(ParseContext const&) = delete;

  Skipper const skipper;
  skipper_context_type const skipper_context;
  context_type const context;

 private:
  static Skipper make_skipper(lex::Scanner const& scanner) {
    Skipper s;
    s.scanner = &scanner;
    return s;
  }
};

}  // namespace retort::grammar
