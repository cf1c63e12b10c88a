// X3 primitive parsers over the lexer's scanners: keywords, names, paths, strings, raw
// SQL, literals, types. Each skips blanks first, as X3's own primitives do. Included only
// by grammar/*_def.hpp.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <tuple>
#include <utility>

#include <boost/mpl/begin.hpp>
#include <boost/mpl/contains.hpp>
#include <boost/mpl/distance.hpp>
#include <boost/mpl/find.hpp>

#include "grammar/config.hpp"

namespace retort::grammar {

// A token parser: Derived::scan(scanner, p, value) returns the end of the token or nullptr
// (having written nothing to `value`), or throws a lexical error.
template <typename Derived, typename Attr>
struct Token : x3::parser<Derived> {
  using attribute_type = Attr;
  static bool const has_attribute = true;

  template <typename It, typename Ctx, typename RCtx, typename A>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, A& attr) const {
    x3::skip_over(first, last, ctx);
    auto const& scanner = x3::get<scanner_tag>(ctx);
    auto const& self = static_cast<Derived const&>(*this);
    if constexpr (std::is_same_v<A, Attr>) {  // into the attribute itself: scans write only on success
      auto const* end = self.scan(scanner, first, attr);
      if (!end) return false;
      first = end;
    } else {
      Attr value{};
      auto const* end = self.scan(scanner, first, value);
      if (!end) return false;
      x3::traits::move_to(std::move(value), attr);
      first = end;
    }
    return true;
  }
};

// A case-insensitive keyword ending at a word boundary.
struct Keyword : x3::parser<Keyword> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  std::string_view word;
  lex::KeywordKey key;
  constexpr explicit Keyword(std::string_view w) : word(w), key(w) {}

  template <typename It, typename Ctx, typename RCtx, typename A>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, A&) const {
    x3::skip_over(first, last, ctx);
    auto const* end = lex::match_keyword(x3::get<scanner_tag>(ctx), first, key);
    if (!end) return false;
    first = end;
    return true;
  }
};
constexpr Keyword kw(std::string_view word) { return Keyword(word); }

struct NameToken : Token<NameToken, ast::Name> {
  char const* scan(lex::Scanner const& s, char const* p, ast::Name& v) const { return lex::scan_name(s, p, v); }
};
struct IdToken : Token<IdToken, ast::Name> {
  char const* scan(lex::Scanner const& s, char const* p, ast::Name& v) const { return lex::scan_id(s, p, v); }
};
struct QNameToken : Token<QNameToken, ast::QName> {
  char const* scan(lex::Scanner const& s, char const* p, ast::QName& v) const {
    ast::Text* const parts[] = {&v.schema, &v.name};
    auto const* e = lex::scan_path(s, p, 1, parts);
    if (e) v.loc = s.loc(p, e);
    return e;
  }
};
struct ColPathToken : Token<ColPathToken, ast::ColPath> {
  char const* scan(lex::Scanner const& s, char const* p, ast::ColPath& v) const {
    ast::Text* const parts[] = {&v.schema, &v.table, &v.column};
    auto const* e = lex::scan_path(s, p, 2, parts);
    if (e) v.loc = s.loc(p, e);
    return e;
  }
};
struct StringToken : Token<StringToken, ast::StringLit> {
  char const* scan(lex::Scanner const& s, char const* p, ast::StringLit& v) const { return lex::scan_string(s, p, v); }
};
// A string, or `null` for none.
struct StringOrNullToken : Token<StringOrNullToken, boost::optional<ast::StringLit>> {
  char const* scan(lex::Scanner const& s, char const* p, boost::optional<ast::StringLit>& v) const {
    static constexpr lex::KeywordKey null("null");
    if (auto const* e = lex::match_keyword(s, p, null)) return v = boost::none, e;
    ast::StringLit str;
    auto const* e = lex::scan_string(s, p, str);
    if (e) v = std::move(str);
    return e;
  }
};
// A string read as a header value.
struct StringNameToken : Token<StringNameToken, ast::Name> {
  char const* scan(lex::Scanner const& s, char const* p, ast::Name& v) const {
    ast::StringLit str;
    auto const* e = lex::scan_string(s, p, str);
    if (e) v = {str.loc, str.value};
    return e;
  }
};
struct RawSqlToken : Token<RawSqlToken, ast::RawSql> {
  char const* scan(lex::Scanner const& s, char const* p, ast::RawSql& v) const { return lex::scan_raw_sql(s, p, v); }
};
struct LiteralToken : Token<LiteralToken, ast::Literal> {
  char const* scan(lex::Scanner const& s, char const* p, ast::Literal& v) const { return lex::scan_literal(s, p, v); }
};
struct TypeToken : Token<TypeToken, ast::Type> {
  char const* scan(lex::Scanner const& s, char const* p, ast::Type& v) const { return lex::scan_type(s, p, v); }
};
struct TimestampToken : Token<TimestampToken, ast::Name> {
  char const* scan(lex::Scanner const& s, char const* p, ast::Name& v) const { return lex::scan_timestamp(s, p, v); }
};

// A parser whose expectation failures read `expected <description>`.
template <typename Subject>
struct Named : x3::unary_parser<Subject, Named<Subject>> {
  static bool const is_pass_through_unary = true;
  char const* description;
  constexpr Named(Subject const& subject, char const* d) : x3::unary_parser<Subject, Named<Subject>>(subject), description(d) {}

  template <typename It, typename Ctx, typename RCtx, typename A>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx& rctx, A& attr) const {
    return this->subject.parse(first, last, ctx, rctx, attr);
  }
};
template <typename Subject>
constexpr Named<typename x3::extension::as_parser<Subject>::value_type> named(char const* d, Subject const& s) {
  return {x3::as_parser(s), d};
}

// The room a list of T is given at its first element. Statements and a table's elements,
// which parse.cpp's fit() gives back the room they do not use, start with room for a usual
// block's or table's worth, rather than growing from one through four or five moves of
// every element; so do a header's fields, folded into the revision and dropped. Other lists
// grow as a vector does, from one, and keep what they grew to (most hold one or two: a
// column's options, an alter's changes).
template <typename T>
inline constexpr std::size_t first_room = 1;
template <>
inline constexpr std::size_t first_room<ast::Statement> = 8;
template <>
inline constexpr std::size_t first_room<ast::TableElement> = 16;
template <>
inline constexpr std::size_t first_room<ast::HeaderField> = 4;  // revision, revises, message, created

// One element of a vector attribute: parsed in place at the vector's end where it is the
// subject's attribute and there is room for it (rather than into a temporary moved in after,
// as X3 does). Where the vector is full, through a temporary all the same: it grows only for
// an element that parsed (an empty list allocates nothing; the last try of many() costs no
// room).
template <typename Subject, typename It, typename Ctx, typename RCtx, typename A>
bool parse_element(Subject const& subject, It& first, It const& last, Ctx const& ctx, RCtx& rctx, A& attr) {
  using Element = typename x3::traits::attribute_of<Subject, Ctx>::type;
  if constexpr (requires { typename A::value_type; } && std::is_same_v<typename A::value_type, Element>) {
    if (attr.size() == attr.capacity()) {
      Element value{};
      if (!subject.parse(first, last, ctx, rctx, value)) return false;
      if (attr.empty()) attr.reserve(first_room<Element>);
      attr.push_back(std::move(value));
      return true;
    }
    if (subject.parse(first, last, ctx, rctx, attr.emplace_back())) return true;
    attr.pop_back();
    return false;
  } else {
    return x3::detail::parse_into_container(subject, first, last, ctx, rctx, attr);
  }
}

// `*p`, each element parsed in place; with `to_close`, up to the `}` that closes the block
// (or the end of the text, where the block's `}` is then expected), each `p` expected:
// `*(!('}' | eoi) > p)` with one skip and one byte's test before each element, where X3's
// not-predicate, alternative and sequence tried `}` and the end one parser at a time.
template <typename Subject, bool to_close = false>
struct Many : x3::unary_parser<Subject, Many<Subject, to_close>> {
  static bool const handles_container = true;
  static bool const has_attribute = true;
  constexpr explicit Many(Subject const& subject) : x3::unary_parser<Subject, Many<Subject, to_close>>(subject) {}

  template <typename It, typename Ctx, typename RCtx, typename A>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx& rctx, A& attr) const {
    if constexpr (!to_close) {
      while (parse_element(this->subject, first, last, ctx, rctx, attr)) {
      }
      return true;
    } else {
      for (;;) {
        It next = first;
        x3::skip_over(next, last, ctx);
        if (next == last || *next == '}') return true;
        if (!parse_element(this->subject, first, last, ctx, rctx, attr))
          throw x3::expectation_failure<It>(first, x3::what(this->subject));
      }
    }
  }
};
template <typename Subject>
constexpr Many<typename x3::extension::as_parser<Subject>::value_type> many(Subject const& s) {
  return Many<typename x3::extension::as_parser<Subject>::value_type>(x3::as_parser(s));
}
template <typename Subject>
constexpr Many<typename x3::extension::as_parser<Subject>::value_type, true> until_close(Subject const& s) {
  return Many<typename x3::extension::as_parser<Subject>::value_type, true>(x3::as_parser(s));
}

// `p` then any number of `, p`: after a comma, p is expected (an error names it).
template <typename Subject>
struct CommaList : x3::unary_parser<Subject, CommaList<Subject>> {
  static bool const handles_container = true;
  static bool const has_attribute = true;
  constexpr explicit CommaList(Subject const& subject) : x3::unary_parser<Subject, CommaList<Subject>>(subject) {}

  template <typename It, typename Ctx, typename RCtx, typename A>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx& rctx, A& attr) const {
    if (!parse_element(this->subject, first, last, ctx, rctx, attr)) return false;
    for (;;) {
      It next = first;
      x3::skip_over(next, last, ctx);
      if (next == last || *next != ',') return true;
      first = next + 1;
      if (!parse_element(this->subject, first, last, ctx, rctx, attr))
        throw x3::expectation_failure<It>(first, x3::what(this->subject));
    }
  }
};
template <typename Subject>
constexpr CommaList<typename x3::extension::as_parser<Subject>::value_type> list_of(Subject const& s) {
  return CommaList<typename x3::extension::as_parser<Subject>::value_type>(x3::as_parser(s));
}

// Whether T is one of the alternatives of the x3::variant V.
// (The boost::variant's own list: x3::variant's `types` shows forward_ast<T> as T.)
template <typename T, typename V>
inline constexpr bool is_alternative_of = [] {
  if constexpr (requires { typename V::base_type::variant_type::types; })
    return boost::mpl::contains<typename V::base_type::variant_type::types, T>::value;
  else
    return false;
}();

// Where T is among the alternatives of the x3::variant V (its boost::variant's own list).
template <typename T, typename V>
inline constexpr int alternative_index_of = [] {
  using Types = typename V::base_type::variant_type::types;
  return static_cast<int>(
      boost::mpl::distance<typename boost::mpl::begin<Types>::type, typename boost::mpl::find<Types, T>::type>::value);
}();

// One case of by_keyword(): `parser`, where the next word is `word`.
template <typename Parser>
struct Case {
  lex::KeywordKey word;
  Parser parser;
};
template <typename Subject>
constexpr Case<typename x3::extension::as_parser<Subject>::value_type> when(std::string_view word, Subject const& s) {
  return {lex::KeywordKey(word), x3::as_parser(s)};
}
struct no_otherwise {};

// Alternatives chosen by the word they start with: what `a | b | c` of alternatives that each
// begin with a keyword means, but the word is scanned once and only the alternative whose
// keyword it is (ASCII case-insensitive) is tried, instead of each in turn building and
// dropping its attribute. Where no keyword is the word, or its alternative fails without an
// error, `otherwise` is tried (as the last alternative of `a | b | c | otherwise`).
template <typename Attr, typename Otherwise, typename... Parsers>
struct ByKeyword : x3::parser<ByKeyword<Attr, Otherwise, Parsers...>> {
  using attribute_type = Attr;
  static bool const has_attribute = true;
  Otherwise otherwise;
  // The cases' keywords side by side, searched before any case is tried, and their parsers.
  std::array<lex::KeywordKey, sizeof...(Parsers)> keys;
  std::tuple<Parsers...> parsers;
  // Bit n set where a case's keyword has n bytes (bit 63: 63 or more): most words have the
  // length of none, and no keyword is compared with them.
  std::uint64_t lengths = 0;
  constexpr ByKeyword(Otherwise o, Case<Parsers>... c) : otherwise(o), keys{c.word...}, parsers(c.parser...) {
    for (auto n : {c.word.word.size()...}) lengths |= std::uint64_t{1} << std::min<std::size_t>(n, 63);
  }

  template <typename It, typename Ctx, typename RCtx, typename A>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx& rctx, A& attr) const {
    It p = first;
    x3::skip_over(p, last, ctx);
    auto const& scanner = x3::get<scanner_tag>(ctx);
    auto const* const word_end = lex::scan_word(scanner, p);
    auto const length = static_cast<std::size_t>(word_end - p);
    // The case whose keyword the word is (keywords are told apart: the first that matches),
    // found by its key, then tried.
    std::size_t found = keys.size();
    if (lengths >> std::min<std::size_t>(length, 63) & 1)
      for (std::size_t i = 0; i < keys.size(); ++i)
        if (lex::scanned_word_is(scanner, word_end, keys[i])) {
          found = i;
          break;
        }
    bool const tried = found < keys.size();
    bool const parsed = tried && try_case(found, first, last, ctx, rctx, attr, std::index_sequence_for<Parsers...>());
    if (parsed) return true;
    if constexpr (std::is_same_v<Otherwise, no_otherwise>) {
      return false;
    } else {
      if constexpr (std::is_default_constructible_v<A> && std::is_move_assignable_v<A>)
        if (tried) attr = A{};  // nothing of the failed case's parse is left for `otherwise`
      return one(otherwise, first, last, ctx, rctx, attr);
    }
  }

 private:
  template <typename It, typename Ctx, typename RCtx, typename A, std::size_t... I>
  bool try_case(std::size_t found, It& first, It const& last, Ctx const& ctx, RCtx& rctx, A& attr,
                std::index_sequence<I...>) const {
    return ((found == I && one(std::get<I>(parsers), first, last, ctx, rctx, attr)) || ...);
  }
  template <typename P, typename It, typename Ctx, typename RCtx, typename A>
  static bool one(P const& p, It& first, It const& last, Ctx const& ctx, RCtx& rctx, A& attr) {
    using V = typename x3::traits::attribute_of<P, Ctx>::type;
    if constexpr (std::is_same_v<A, x3::unused_type const> || std::is_same_v<A, x3::unused_type>) {
      return p.parse(first, last, ctx, rctx, attr);
    } else if constexpr (std::is_same_v<V, std::remove_const_t<A>>) {
      return p.parse(first, last, ctx, rctx, attr);
    } else if constexpr (is_alternative_of<V, A>) {  // into the variant's alternative itself
      auto& variant = attr.get();  // (its index compared: boost::get visits the variant through a call)
      if (variant.which() != alternative_index_of<V, A>) variant = V{};
      return p.parse(first, last, ctx, rctx, boost::get<V>(variant));
    } else if constexpr (is_alternative_of<x3::forward_ast<V>, A>) {  // an alternative held apart
      auto& variant = attr.get();
      if (variant.which() != alternative_index_of<x3::forward_ast<V>, A>) variant = x3::forward_ast<V>();
      return p.parse(first, last, ctx, rctx, boost::get<x3::forward_ast<V>>(variant).get());
    } else {
      V value{};
      if (!p.parse(first, last, ctx, rctx, value)) return false;
      x3::traits::move_to(std::move(value), attr);
      return true;
    }
  }
};
template <typename Attr, typename Otherwise, typename... Parsers>
constexpr auto by_keyword(Otherwise const& otherwise, Case<Parsers> const&... cases) {
  if constexpr (std::is_same_v<Otherwise, no_otherwise>)
    return ByKeyword<Attr, no_otherwise, Parsers...>(otherwise, cases...);
  else
    return ByKeyword<Attr, typename x3::extension::as_parser<Otherwise>::value_type, Parsers...>(x3::as_parser(otherwise),
                                                                                                   cases...);
}

inline constexpr NameToken name{};
inline constexpr IdToken rev_id{};
inline constexpr QNameToken qname{};
inline constexpr ColPathToken colpath{};
inline constexpr StringToken string_lit{};
inline constexpr StringOrNullToken string_or_null{};
inline constexpr StringNameToken string_value{};
inline constexpr RawSqlToken raw_sql{};
inline constexpr LiteralToken literal{};
inline constexpr TypeToken type{};
inline constexpr TimestampToken timestamp{};

// Stamps each node's `loc` (and a variant's alternative's) with the span its rule matched.
struct annotate {
  template <typename T>
  static void stamp(T& node, ast::Loc loc) {
    if constexpr (requires { node.loc; }) {
      node.loc = loc;
    } else if constexpr (requires { node.get().which(); }) {
      boost::apply_visitor([&](auto& alternative) { stamp(alternative, loc); }, node.get());
    } else if constexpr (requires { node.get().loc; }) {
      node.get().loc = loc;  // forward_ast
    }
  }
  template <typename It, typename T, typename Ctx>
  void on_success(It const& first, It const& last, T& node, Ctx const& ctx) const {
    stamp(node, x3::get<scanner_tag>(ctx).loc(first, last));
  }
};

}  // namespace retort::grammar

namespace boost::spirit::x3 {
template <typename P>
struct get_info<P, std::enable_if_t<std::is_base_of_v<parser<P>, P> && requires(P p) { p.word; }>> {
  std::string operator()(P const& p) const { return "'" + std::string(p.word) + "'"; }
};
namespace traits {
template <typename S, typename Context>
struct attribute_of<retort::grammar::CommaList<S>, Context>
    : build_container<typename attribute_of<S, Context>::type> {};
template <typename S, bool to_close, typename Context>
struct attribute_of<retort::grammar::Many<S, to_close>, Context>
    : build_container<typename attribute_of<S, Context>::type> {};
}  // namespace traits
template <typename S>
struct get_info<retort::grammar::CommaList<S>> {
  std::string operator()(retort::grammar::CommaList<S> const& p) const { return what(p.subject); }
};
template <typename S>
struct get_info<retort::grammar::Named<S>> {
  std::string operator()(retort::grammar::Named<S> const& p) const { return p.description; }
};
}  // namespace boost::spirit::x3
