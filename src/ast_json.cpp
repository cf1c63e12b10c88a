// The AST as JSON (see ast_json.hpp), walked generically through its Fusion adaptation.
#include "src/ast_json.hpp"

#include <utility>

#include <boost/fusion/include/at_c.hpp>
#include <boost/fusion/include/size.hpp>
#include <fmt/format.h>

#include "grammar/ast_adapted.hpp"

namespace retort {

namespace {

using namespace ast;

void write(std::string& out, std::string_view s);
void write(std::string& out, std::string const& s) { write(out, std::string_view(s)); }
void write(std::string& out, bool b) { out += b ? "true" : "false"; }
template <typename E>
  requires std::is_enum_v<E>
void write(std::string& out, E e) {
  out += std::to_string(static_cast<int>(e));
}
void write(std::string& out, Name const& n) { write(out, n.text); }
void write(std::string& out, QName const& q) {
  out += "{\"schema\":";
  write(out, q.schema);
  out += ",\"name\":";
  write(out, q.name);
  out += "}";
}
void write(std::string& out, ColPath const& c);
void write(std::string& out, StringLit const& s) { write(out, s.value); }
void write(std::string& out, RawSql const& r) { write(out, r.text); }
void write(std::string& out, Literal const& l) { out += fmt::format("{{\"kind\":{},\"text\":", static_cast<int>(l.kind)); write(out, l.text); out += "}"; }
void write(std::string& out, Type const& t);
template <typename T> void write(std::string& out, std::vector<T> const& v);
template <typename T> void write(std::string& out, boost::optional<T> const& o);
template <typename V>
  requires requires(V v) { v.get().which(); }
void write(std::string& out, V const& v);
template <typename S>
  requires(boost::fusion::traits::is_sequence<S>::value)
void write(std::string& out, S const& s);
template <typename T> void write(std::string& out, x3::forward_ast<T> const& f) { write(out, f.get()); }

void write(std::string& out, std::string_view s) {
  out += '"';
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') out += '\\', out += static_cast<char>(c);
    else if (c < 0x20) out += fmt::format("\\u{:04x}", c);
    else out += static_cast<char>(c);
  }
  out += '"';
}

void write(std::string& out, ColPath const& c) {
  out += "{\"schema\":";
  write(out, c.schema);
  out += ",\"table\":";
  write(out, c.table);
  out += ",\"column\":";
  write(out, c.column);
  out += "}";
}

void write(std::string& out, Type const& t) {
  out += fmt::format("{{\"kind\":{},\"length\":{},\"scale\":{},\"timezone\":{},\"name\":", static_cast<int>(t.kind),
                     t.length ? std::to_string(*t.length) : "null", t.scale ? std::to_string(*t.scale) : "null",
                     t.timezone ? "true" : "false");
  write(out, t.name());
  out += ",\"values\":";
  write(out, t.values());
  out += ",\"native\":";
  write(out, t.native());
  out += "}";
}

template <typename T>
void write(std::string& out, std::vector<T> const& v) {
  out += '[';
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) out += ',';
    write(out, v[i]);
  }
  out += ']';
}

template <typename T>
void write(std::string& out, boost::optional<T> const& o) {
  if (o) write(out, *o); else out += "null";
}

// The kind of each variant alternative.
char const* kind(CreateTable const&) { return "create_table"; }
char const* kind(DropTable const&) { return "drop_table"; }
char const* kind(RenameTable const&) { return "rename_table"; }
char const* kind(AddColumn const&) { return "add_column"; }
char const* kind(DropColumn const&) { return "drop_column"; }
char const* kind(RenameColumn const&) { return "rename_column"; }
char const* kind(AlterColumn const&) { return "alter_column"; }
char const* kind(CreateIndex const&) { return "create_index"; }
char const* kind(DropIndex const&) { return "drop_index"; }
char const* kind(AddConstraint const&) { return "add_constraint"; }
char const* kind(DropConstraint const&) { return "drop_constraint"; }
char const* kind(CommentOnTable const&) { return "comment_table"; }
char const* kind(CommentOnColumn const&) { return "comment_column"; }
char const* kind(Insert const&) { return "insert"; }
char const* kind(Execute const&) { return "execute"; }
char const* kind(x3::forward_ast<NestedBlock> const&) { return "nested"; }
char const* kind(Literal const&) { return "literal"; }
char const* kind(SqlKeyword const&) { return "keyword"; }
char const* kind(FunctionCall const&) { return "function"; }
char const* kind(RawSql const&) { return "raw"; }
char const* kind(KeyBody const&) { return "key"; }
char const* kind(ForeignKeyBody const&) { return "foreign_key"; }
char const* kind(CheckBody const&) { return "check"; }
char const* kind(FlagOption const&) { return "flag"; }
char const* kind(DefaultOption const&) { return "default"; }
char const* kind(ReferencesOption const&) { return "references"; }
char const* kind(CheckOption const&) { return "check"; }
char const* kind(CommentOption const&) { return "comment"; }
char const* kind(ColumnDef const&) { return "column"; }
char const* kind(x3::forward_ast<TableConstraint> const&) { return "constraint"; }
char const* kind(TypeChange const&) { return "type"; }
char const* kind(FlagChange const&) { return "flag"; }
char const* kind(SetDefault const&) { return "set_default"; }
char const* kind(CommentChange const&) { return "comment"; }
char const* kind(IndexColumn const&) { return "column"; }
template <typename T>
char const* kind(x3::forward_ast<T> const& boxed) {
  return kind(boxed.get());
}

template <typename V>
  requires requires(V v) { v.get().which(); }
void write(std::string& out, V const& v) {
  boost::apply_visitor([&](auto const& alt) {
    out += "{\"kind\":\"";
    out += kind(alt);
    out += "\",\"value\":";
    write(out, alt);
    out += "}";
  }, v.get());
}

template <typename S, std::size_t... I>
void write_members(std::string& out, S const& s, std::index_sequence<I...>) {
  ((out += (I ? "," : ""), write(out, std::string_view(boost::fusion::extension::struct_member_name<S, I>::call())),
    out += ':', write(out, boost::fusion::at_c<I>(s))),
   ...);
}

template <typename S>
  requires(boost::fusion::traits::is_sequence<S>::value)
void write(std::string& out, S const& s) {
  out += '{';
  write_members(out, s, std::make_index_sequence<boost::fusion::result_of::size<S>::value>());
  out += '}';
}

}  // namespace

std::string to_json(Revision const& r) {
  std::string out = "{\"id\":";
  write(out, r.id.text);
  out += ",\"path\":";
  write(out, r.path);
  out += ",\"upgrade\":";
  write(out, r.upgrade);
  out += ",\"downgrade\":";
  write(out, r.downgrade);
  out += "}";
  return out;
}

}  // namespace retort
