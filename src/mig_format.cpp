// The canonical .mig printer (see mig_format.hpp). Items are printed in order; before
// each, the comments that precede it in the source, and a blank line if the source had one.
#include "src/mig_format.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace retort {
namespace {

using namespace ast;

bool bare_word(std::string_view s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  if (s.size() == 10) {  // `constraint` would start a table constraint
    std::string lower(s);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    if (lower == "constraint") return false;
  }
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
  });
}

std::string qname(QName const& q) { return q.schema.empty() ? mig_name(q.name) : mig_name(q.schema) + '.' + mig_name(q.name); }

std::string colpath(ColPath const& c) {
  std::string out = c.schema.empty() ? "" : mig_name(c.schema) + '.';
  return out + mig_name(c.table) + '.' + mig_name(c.column);
}

std::string names(std::vector<Name> const& list) {
  std::string out;
  for (auto const& n : list) out += (out.empty() ? "" : ", ") + mig_name(n.text);
  return out;
}

std::string raw(RawSql const& r) {
  if (!r.dollar) return fmt::format("({})", r.text);
  return fmt::format("${0}${1}${0}$", r.tag, r.text);
}

std::string literal(Literal const& l) {
  switch (l.kind) {
    case LiteralKind::number: return std::string(l.text);
    case LiteralKind::string: return mig_string(l.text);
    case LiteralKind::true_: return "true";
    case LiteralKind::false_: return "false";
    case LiteralKind::null: return "null";
  }
  return {};
}

std::string default_expr(DefaultExpr const& d) {
  struct {
    std::string operator()(Literal const& l) const { return literal(l); }
    std::string operator()(SqlKeyword k) const {
      return k == SqlKeyword::current_timestamp ? "current_timestamp"
             : k == SqlKeyword::current_date    ? "current_date"
                                                : "current_time";
    }
    std::string operator()(FunctionCall const& f) const { return mig_name(f.name.text) + "()"; }
    std::string operator()(RawSql const& r) const { return raw(r); }
  } visit;
  return boost::apply_visitor(visit, d.get());
}

std::string fk_actions(std::vector<FkAction> const& actions) {
  static constexpr char const* rules[] = {"cascade", "restrict", "set null", "set default", "no action"};
  std::string out;
  for (auto const& a : actions)
    out += fmt::format(" on {} {}", a.event == FkEvent::on_delete ? "delete" : "update", rules[static_cast<int>(a.rule)]);
  return out;
}

std::string constraint_body(ConstraintBody const& body) {
  struct {
    std::string operator()(KeyBody const& k) const {
      return fmt::format("{} ({})", k.kind == KeyKind::primary_key ? "primary key" : "unique", names(k.columns));
    }
    std::string operator()(ForeignKeyBody const& f) const {
      static constexpr char const* deferrals[] = {"", " deferrable", " deferrable initially deferred",
                                                  " deferrable initially immediate"};
      return fmt::format("foreign key ({}) references {} ({}){}{}", names(f.columns), qname(f.ref_table),
                         names(f.ref_columns), fk_actions(f.actions), deferrals[static_cast<int>(f.deferral)]);
    }
    std::string operator()(CheckBody const& c) const { return "check " + raw(c.sql); }
  } visit;
  return boost::apply_visitor(visit, body.get());
}

std::string column_options(std::vector<ColumnOption> const& options) {
  struct {
    std::string operator()(FlagOption const& f) const {
      static constexpr char const* flags[] = {"not null", "null", "primary key", "unique", "autoincrement",
                                              "autoincrement false"};
      return flags[static_cast<int>(f.flag)];
    }
    std::string operator()(DefaultOption const& d) const { return "default " + default_expr(d.value); }
    std::string operator()(ReferencesOption const& r) const {
      return fmt::format("references {} ({}){}", qname(r.table), mig_name(r.column.text), fk_actions(r.actions));
    }
    std::string operator()(CheckOption const& c) const { return "check " + raw(c.sql); }
    std::string operator()(CommentOption const& c) const { return "comment " + mig_string(c.text.value); }
  } visit;
  std::string out;
  for (auto const& o : options) out += ' ' + boost::apply_visitor(visit, o.get());
  return out;
}

std::string comment_text(boost::optional<StringLit> const& text) { return text ? mig_string(text->value) : "null"; }

std::string change(Change const& c) {
  struct {
    std::string operator()(TypeChange const& t) const {
      return "type " + mig_type(t.type) + (t.using_ ? " using " + raw(*t.using_) : "");
    }
    std::string operator()(FlagChange const& f) const {
      static constexpr char const* flags[] = {"set not null", "drop not null", "drop default"};
      return flags[static_cast<int>(f.flag)];
    }
    std::string operator()(SetDefault const& s) const { return "set default " + default_expr(s.value); }
    std::string operator()(CommentChange const& c) const { return "comment " + comment_text(c.text); }
  } visit;
  return boost::apply_visitor(visit, c.get());
}

std::string index_elements(std::vector<IndexElement> const& elements) {
  std::string out;
  for (auto const& e : elements) {
    if (!out.empty()) out += ", ";
    if (auto const* col = boost::get<IndexColumn>(&e.get()))
      out += mig_name(col->name.text) + (col->order == SortOrder::asc ? " asc" : col->order == SortOrder::desc ? " desc" : "");
    else
      out += raw(boost::get<RawSql>(e.get()));
  }
  return out;
}

// The one-line statements.
struct LineStatement {
  std::string operator()(CreateIndex const& s) const {
    return fmt::format("create {}index {}{} on {}{} ({}){};", s.unique ? "unique " : "",
                       s.concurrently ? "concurrently " : "", mig_name(s.name.text), qname(s.table),
                       s.method ? " using " + mig_name(s.method->text) : "", index_elements(s.elements),
                       s.where ? " where " + raw(*s.where) : "");
  }
  std::string operator()(DropTable const& s) const { return "drop table " + qname(s.table) + ';'; }
  std::string operator()(RenameTable const& s) const {
    return fmt::format("rename table {} to {};", qname(s.table), mig_name(s.new_name.text));
  }
  std::string operator()(AddColumn const& s) const {
    return fmt::format("add column {} {}{};", colpath(s.column), mig_type(s.type), column_options(s.options));
  }
  std::string operator()(DropColumn const& s) const { return "drop column " + colpath(s.column) + ';'; }
  std::string operator()(RenameColumn const& s) const {
    return fmt::format("rename column {} to {};", colpath(s.column), mig_name(s.new_name.text));
  }
  std::string operator()(AlterColumn const& s) const {
    std::string changes;
    for (auto const& c : s.changes) changes += (changes.empty() ? "" : ", ") + change(c);
    return fmt::format("alter column {} {};", colpath(s.column), changes);
  }
  std::string operator()(DropIndex const& s) const {
    return fmt::format("drop index {}{}{};", s.concurrently ? "concurrently " : "", mig_name(s.name.text),
                       s.table ? " on " + qname(*s.table) : "");
  }
  std::string operator()(AddConstraint const& s) const {
    return fmt::format("add constraint {} on {} {};", mig_name(s.name.text), qname(s.table), constraint_body(s.body));
  }
  std::string operator()(DropConstraint const& s) const {
    return fmt::format("drop constraint {} on {};", mig_name(s.name.text), qname(s.table));
  }
  std::string operator()(CommentOnTable const& s) const {
    return fmt::format("comment on table {} is {};", qname(s.table), comment_text(s.text));
  }
  std::string operator()(CommentOnColumn const& s) const {
    return fmt::format("comment on column {} is {};", colpath(s.column), comment_text(s.text));
  }
  std::string operator()(Execute const& s) const {
    return fmt::format("execute {}{};", s.dialects.empty() ? "" : "for " + names(s.dialects) + ' ', raw(s.sql));
  }
};

class Printer {
 public:
  Printer(std::string_view source, std::vector<Loc> const& comments) : src_(source), comments_(comments) {}

  std::string print(Revision const& r);

 private:
  void header(Revision const& r);
  void block(char const* keyword, Block const& b);
  void statements(std::vector<Statement> const& list);
  void statement(Statement const& s);
  void create_table(CreateTable const& s);
  void insert(Insert const& s);

  // Comments before `upto`, a blank line where the source had one, then `text` as a line.
  void item(Loc loc, std::string const& text);
  void leading(std::size_t upto);
  void trailing(std::size_t end);
  void line(std::string_view text) { out_ += std::string(indent_ * 4, ' ') + std::string(text) + '\n'; }
  void blank_line_before(std::size_t offset);
  std::string comment(Loc c) const;
  static std::size_t end(Loc l) { return l.offset + l.length; }

  std::string_view src_;
  std::vector<Loc> const& comments_;
  std::size_t next_comment_ = 0;
  std::size_t last_end_ = 0;
  bool fresh_ = true;  // at the start of the file or a block: no blank line
  int indent_ = 0;
  std::string out_;
};

std::string Printer::comment(Loc c) const {
  auto text = src_.substr(c.offset, c.length);
  while (!text.empty() && (text.back() == '\r' || text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return std::string(text);
}

void Printer::blank_line_before(std::size_t offset) {
  offset = std::min(offset, src_.size());
  auto gap = last_end_ < offset ? src_.substr(last_end_, offset - last_end_) : std::string_view();
  if (!fresh_ && std::count(gap.begin(), gap.end(), '\n') >= 2) out_ += '\n';
  fresh_ = false;
}

void Printer::leading(std::size_t upto) {
  while (next_comment_ < comments_.size() && comments_[next_comment_].offset < upto) {
    auto c = comments_[next_comment_++];
    blank_line_before(c.offset);
    line(comment(c));
    last_end_ = end(c);
  }
}

void Printer::trailing(std::size_t after) {
  last_end_ = std::max(last_end_, after);
  while (next_comment_ < comments_.size()) {
    auto c = comments_[next_comment_];
    auto gap = src_.substr(last_end_, c.offset - std::min<std::size_t>(c.offset, last_end_));
    if (c.offset < last_end_ || gap.find('\n') != std::string_view::npos) return;
    out_.pop_back();
    out_ += "  " + comment(c) + '\n';
    last_end_ = end(c);
    ++next_comment_;
  }
}

// A one-line item: comments inside it are printed before it.
void Printer::item(Loc loc, std::string const& text) {
  leading(end(loc));
  blank_line_before(loc.offset);
  line(text);
  trailing(end(loc));
}

std::string Printer::print(Revision const& r) {
  header(r);
  block("upgrade", r.upgrade);
  block("downgrade", r.downgrade);
  leading(src_.size() + 1);
  return out_;
}

void Printer::header(Revision const& r) {
  struct Field {
    std::string key, value;
    Loc loc;
  };
  auto list = [](std::vector<Name> const& v) {  // revision ids and labels are never quoted
    std::string out;
    for (auto const& n : v) (out += out.empty() ? "" : ", ") += n.text;
    return v.size() == 1 ? out : '(' + out + ')';
  };
  std::vector<Field> fields{{"revision", std::string(r.id.text), r.id.loc},
                            {"revises", r.parents.empty() ? "base" : list(r.parents), r.revises_loc}};
  if (r.message) fields.push_back({"message", mig_string(r.message->text), r.message->loc});
  if (r.created) fields.push_back({"created", std::string(r.created->text), r.created->loc});
  if (!r.branch_labels.empty()) fields.push_back({"branch_labels", list(r.branch_labels), r.branch_labels[0].loc});
  if (!r.depends_on.empty()) fields.push_back({"depends_on", list(r.depends_on), r.depends_on[0].loc});
  // Fields keep their order in the source, so that comments stay with them.
  std::stable_sort(fields.begin(), fields.end(), [](Field const& a, Field const& b) { return a.loc.offset < b.loc.offset; });
  std::size_t width = 0;
  for (auto const& f : fields) width = std::max(width, f.key.size());
  for (auto const& f : fields) item(f.loc, fmt::format("{:<{}} {}", f.key, width, f.value));
}

void Printer::block(char const* keyword, Block const& b) {
  out_ += '\n';
  fresh_ = true;
  leading(b.loc.offset);
  if (b.irreversible) {
    item(b.loc, fmt::format("{} irreversible;", keyword));
    return;
  }
  line(fmt::format("{} {{", keyword));
  last_end_ = b.loc.offset;
  fresh_ = true;
  ++indent_;
  statements(b.statements);
  leading(end(b.loc));
  --indent_;
  line("}");
  trailing(end(b.loc));
}

void Printer::statements(std::vector<Statement> const& list) {
  for (auto const& s : list) statement(s);
}

void Printer::statement(Statement const& s) {
  if (auto const* nested = boost::get<x3::forward_ast<NestedBlock>>(&s.get())) {
    auto const& n = nested->get();
    leading(n.loc.offset);
    blank_line_before(n.loc.offset);
    line(n.kind == NestedKind::autocommit ? "autocommit {" : "assume {");
    last_end_ = n.loc.offset;
    fresh_ = true;
    ++indent_;
    statements(n.statements);
    leading(end(n.loc));
    --indent_;
    line("}");
    trailing(end(n.loc));
  } else if (auto const* table = boost::get<CreateTable>(&s.get())) {
    create_table(*table);
  } else if (auto const* ins = boost::get<Insert>(&s.get())) {
    insert(*ins);
  } else {
    auto loc = boost::apply_visitor([](auto const& v) -> Loc {
      if constexpr (requires { unboxed(v).loc; }) return unboxed(v).loc; else return {};
    }, s.get());
    item(loc, boost::apply_visitor([](auto const& v) -> std::string {
      if constexpr (requires { LineStatement{}(unboxed(v)); }) return LineStatement{}(unboxed(v)); else return {};
    }, s.get()));
  }
}

void Printer::create_table(CreateTable const& s) {
  leading(s.loc.offset);
  blank_line_before(s.loc.offset);
  line(fmt::format("create table {} (", qname(s.table)));
  last_end_ = s.loc.offset;
  fresh_ = true;
  ++indent_;
  for (std::size_t i = 0; i < s.elements.size(); ++i) {
    auto const& e = s.elements[i];
    std::string text;
    Loc loc;
    if (auto const* col = boost::get<ColumnDef>(&e.get())) {
      text = fmt::format("{} {}{}", mig_name(col->name.text), mig_type(col->type), column_options(col->options));
      loc = col->loc;
    } else {
      auto const& c = boost::get<x3::forward_ast<TableConstraint>>(e.get()).get();
      text = (c.name ? "constraint " + mig_name(c.name->text) + ' ' : "") + constraint_body(c.body);
      loc = c.loc;
    }
    item(loc, text + (i + 1 < s.elements.size() ? "," : ""));
  }
  leading(end(s.loc));
  --indent_;
  line(s.comment ? ") comment " + mig_string(s.comment->value) + ';' : ");");
  trailing(end(s.loc));
}

void Printer::insert(Insert const& s) {
  leading(s.loc.offset);
  blank_line_before(s.loc.offset);
  line(fmt::format("insert into {} ({}) values", qname(s.table), names(s.columns)));
  last_end_ = s.loc.offset;
  fresh_ = true;
  ++indent_;
  for (std::size_t i = 0; i < s.rows.size(); ++i) {
    std::string values;
    for (auto const& v : s.rows[i]) values += (values.empty() ? "" : ", ") + literal(v);
    auto first = s.rows[i].front().loc.offset;
    Loc loc{first, static_cast<std::uint32_t>(end(s.rows[i].back().loc) - first)};
    item(loc, '(' + values + (i + 1 < s.rows.size() ? ")," : ");"));
  }
  --indent_;
  trailing(end(s.loc));
}

}  // namespace

std::string mig_name(std::string_view name) {
  if (bare_word(name)) return std::string(name);
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + '"';
}

std::string mig_string(std::string_view value) {
  std::string out = "'";
  for (char c : value) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + '\'';
}

std::string mig_type(Type const& t) {
  static constexpr char const* words[] = {"integer", "smallint", "bigint", "boolean", "float", "numeric", "string",
                                          "char", "text", "unicode", "unicode_text", "date", "time", "datetime",
                                          "interval", "binary", "json", "uuid", "enum", "native"};
  std::string out = words[static_cast<int>(t.kind)];
  if (t.kind == TypeKind::enum_) {
    std::string values;
    for (auto const& v : t.values()) values += (values.empty() ? "" : ", ") + mig_string(v);
    return fmt::format("enum {} ({})", mig_name(t.name()), values);
  }
  if (t.kind == TypeKind::native) return "native " + mig_string(t.native());
  if (t.timezone) return out + "(timezone)";
  if (t.length && t.scale) return fmt::format("{}({}, {})", out, *t.length, *t.scale);
  if (t.length) return fmt::format("{}({})", out, *t.length);
  return out;
}

std::string format_revision(Revision const& revision, std::string_view source) {
  return Printer(source, revision.comments).print(revision);
}

}  // namespace retort
