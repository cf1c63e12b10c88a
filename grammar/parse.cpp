// The parse facade: checks that the file is text, runs the X3 revision rule, turns X3's
// expectation failures and the lexer's errors into diagnostics, then folds the header
// fields into an ast::Revision and checks what the grammar cannot (each field once,
// reserved ids, dialect names, row widths).
#include "grammar/parse.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <map>
#include <span>

#include "grammar/config.hpp"
#include "grammar/revision.hpp"

namespace retort::grammar {

std::vector<std::string_view> const dialect_names = {"postgresql", "mysql", "mariadb", "sqlite", "mssql", "oracle"};

namespace {

// The offset of the first byte that makes the text not UTF-8 (or a NUL), or npos.
std::size_t first_non_text(std::string_view text, std::string& why) {
  constexpr std::uint64_t ones = 0x0101010101010101, highs = 0x8080808080808080;
  // A word's bytes are all ASCII and none of them NUL: its high bits, and those of a byte
  // that borrowed (only a zero does), are clear.
  auto const plain = [&](std::size_t at) {
    std::uint64_t w;
    std::memcpy(&w, text.data() + at, 8);
    return (w | ((w - ones) & ~w)) & highs;
  };
  for (std::size_t i = 0; i < text.size();) {
    // Thirty-two bytes at a time, then eight, while they are plain; byte by byte where not.
    if (text.size() - i >= 32 && (plain(i) | plain(i + 8) | plain(i + 16) | plain(i + 24)) == 0) {
      i += 32;
      continue;
    }
    if (text.size() - i >= 8 && plain(i) == 0) {
      i += 8;
      continue;
    }
    auto c = static_cast<unsigned char>(text[i]);
    if (c == 0) return why = "a NUL byte", i;
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = n != 0 && i + n <= text.size() && !(n == 2 && c < 0xC2) && c <= 0xF4;
    for (std::size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    if (ok && n > 2) {  // no overlong forms, no UTF-16 surrogates, nothing past U+10FFFF
      auto c1 = static_cast<unsigned char>(text[i + 1]);
      ok = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0) && !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90);
    }
    if (!ok) return why = fmt::format("invalid UTF-8 byte 0x{:02x}", c), i;
    i += n;
  }
  return std::string_view::npos;
}

// What a failed expectation may suggest instead of the word found there.
struct Suggestion {
  std::string_view expected;
  std::string_view noun;
  std::vector<std::string_view> words;
};

std::vector<Suggestion> const suggestions = {
    {"a statement or '}'", "statement",
     {"create", "drop", "rename", "add", "alter", "comment", "insert", "execute", "autocommit", "assume"}},
    {"a header field ('revision', 'revises', 'message', 'created', 'branch_labels', 'depends_on') or the 'upgrade' "
     "block",
     "header field",
     {"revision", "revises", "message", "created", "branch_labels", "depends_on", "upgrade"}},
    {"'table' or 'index' after 'create'", "word", {"table", "index", "unique"}},
    {"'table', 'column', 'index' or 'constraint' after 'drop'", "word", {"table", "column", "index", "constraint"}},
    {"'column' or 'constraint' after 'add'", "word", {"column", "constraint"}},
    {"'table' or 'column' after 'rename'", "word", {"table", "column"}},
    {"'column' after 'alter'", "word", {"column"}},
    {"'into' after 'insert'", "word", {"into"}},
    {"',' or ')' after the table element", "column option",
     {"not", "null", "primary", "unique", "autoincrement", "default", "references", "check", "comment"}},
};

bool token_start(char c) {
  return lex::is_word_char(c) || std::string_view("\"'$(),;{}.-*/").find(c) != std::string_view::npos;
}

// The code point of the UTF-8 sequence at p (or its first byte), and the sequence's length.
std::pair<std::uint32_t, std::size_t> code_point(char const* p, char const* end) {
  auto c = static_cast<unsigned char>(*p);
  std::size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  if (static_cast<std::size_t>(end - p) < n) return {c, 1};
  std::uint32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
  for (std::size_t i = 1; i < n; ++i) cp = (cp << 6) | (static_cast<unsigned char>(p[i]) & 0x3F);
  return {cp, n};
}

// The character at p as the user would name it: '#', U+0007, '→' (U+2192), U+00A0 (no-break space).
std::string character_at(char const* p, char const* end) {
  static std::map<std::uint32_t, char const*> const invisible = {
      {0x00A0, "no-break space"}, {0x200B, "zero-width space"}, {0x200C, "zero-width non-joiner"},
      {0x200D, "zero-width joiner"}, {0x2028, "line separator"}, {0x2029, "paragraph separator"},
      {0x3000, "ideographic space"}, {0xFEFF, "zero-width no-break space"}, {0x00AD, "soft hyphen"},
      {0x2060, "word joiner"}, {0x202F, "narrow no-break space"}};
  auto [cp, n] = code_point(p, end);
  if (cp < 0x80 && cp >= 0x20 && cp != 0x7F) return fmt::format("'{}'", *p);
  if (cp < 0xA0) return fmt::format("U+{:04X}", cp);
  if (auto it = invisible.find(cp); it != invisible.end()) return fmt::format("U+{:04X} ({})", cp, it->second);
  return fmt::format("'{}' (U+{:04X})", std::string_view(p, n), cp);
}

std::string lowercase(std::string s) {
  for (auto& c : s) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
  return s;
}

void fit(std::vector<ast::Statement>& statements);

class Parser {
 public:
  Parser(SourceFile const& file, DiagnosticSink& diags, KeepBlocks keep = KeepBlocks::both)
      : file_(file), diags_(diags), keep_(keep), text_(file.text()),
        scanner_{text_.data(), text_.data() + text_.size(), &comments_, &file} {}

  std::optional<ast::Revision> run();
  std::optional<ast::Revision> header(std::size_t& body);
  bool blocks(std::size_t body, ast::Revision& revision);
  void take_blocks(ast::Block& upgrade, ast::Block& downgrade, ast::Revision& revision);
  template <typename Rule, typename Attribute>
  bool parses(Rule const& rule, ParseContext const& context, char const*& first, Attribute& out);

 private:
  void expected(char const* where, std::string const& what);
  void fold_header(ast::RevisionSyntax& syntax, ast::Revision& out);
  void check_statements(std::vector<ast::Statement> const& statements);
  void check_options(std::vector<ast::ColumnOption> const& options);
  void check_changes(std::vector<ast::Change> const& changes);
  using Conflict = std::pair<std::string_view, std::string_view>;
  void check_once(std::span<std::pair<std::string_view, ast::Loc> const> words, std::span<Conflict const> conflicts);
  std::size_t offset(char const* p) const { return static_cast<std::size_t>(p - scanner_.begin); }

  SourceFile const& file_;
  DiagnosticSink& diags_;
  KeepBlocks const keep_;
  std::string_view text_;
  std::vector<ast::Loc> comments_;
  lex::Scanner scanner_;
};

std::optional<ast::Revision> Parser::run() {
  std::string why;
  if (auto bad = first_non_text(text_, why); bad != std::string_view::npos) {
    diags_.error(file_, bad, DiagKind::not_text, why);
    return std::nullopt;
  }
  ParseContext const parse_context(scanner_);
  ast::RevisionSyntax syntax;
  char const* first = scanner_.begin;
  try {
    if (lex::skip_blanks(scanner_, first) == scanner_.end) {
      diags_.error(file_, text_.size(), DiagKind::field_missing, "revision");
      return std::nullopt;
    }
    revision_rule().parse(first, scanner_.end, parse_context.context, x3::unused, syntax);
  } catch (x3::expectation_failure<iterator_type> const& e) {
    expected(e.where(), e.which());
    return std::nullopt;
  } catch (lex::SyntaxError const& e) {
    diags_.add(file_, offset(e.where), e.kind, e.message);
    return std::nullopt;
  }
  ast::Revision revision;
  revision.path = file_.path();
  std::size_t errors_before = diags_.size();
  fold_header(syntax, revision);
  check_statements(syntax.upgrade.statements);
  check_statements(syntax.downgrade.statements);
  if (diags_.size() != errors_before) return std::nullopt;
  take_blocks(syntax.upgrade, syntax.downgrade, revision);
  return revision;
}

// The checked blocks into the revision, given back the room they do not use, and the
// comments seen (with those the revision has) in file order, each once.
void Parser::take_blocks(ast::Block& upgrade, ast::Block& downgrade, ast::Revision& revision) {
  revision.upgrade = std::move(upgrade);
  revision.downgrade = std::move(downgrade);
  if (keep_ != KeepBlocks::both) std::vector<ast::Statement>().swap(revision.downgrade.statements);
  if (keep_ == KeepBlocks::none) std::vector<ast::Statement>().swap(revision.upgrade.statements);
  fit(revision.upgrade.statements);
  fit(revision.downgrade.statements);
  comments_.insert(comments_.end(), revision.comments.begin(), revision.comments.end());
  std::sort(comments_.begin(), comments_.end(), [](auto a, auto b) { return a.offset < b.offset; });
  comments_.erase(std::unique(comments_.begin(), comments_.end(),
                              [](auto a, auto b) { return a.offset == b.offset; }),
                  comments_.end());
  revision.comments = std::move(comments_);
}

// Whether `rule` parses from `first` (moved past what it took), a failed expectation or a
// lexer error being a no: header() and blocks() leave the diagnostic to run().
template <typename Rule, typename Attribute>
bool Parser::parses(Rule const& rule, ParseContext const& context, char const*& first, Attribute& out) {
  try {
    return rule.parse(first, scanner_.end, context.context, x3::unused, out);
  } catch (x3::expectation_failure<iterator_type> const&) {
    return false;
  } catch (lex::SyntaxError const&) {
    return false;
  }
}

// The header alone; nullopt where run() would report anything (not text, a syntax error in
// the header, no 'upgrade' after it, a field missing, repeated or reserved): run() reports it.
std::optional<ast::Revision> Parser::header(std::size_t& body) {
  std::string why;
  if (first_non_text(text_, why) != std::string_view::npos) return std::nullopt;
  ParseContext const parse_context(scanner_);
  ast::RevisionSyntax syntax;
  char const* first = scanner_.begin;
  if (!parses(header_part_rule(), parse_context, first, syntax.header) || syntax.header.empty())  // empty: no 'revision'
    return std::nullopt;
  ast::Revision revision;
  revision.path = file_.path();
  std::size_t const errors_before = diags_.size();
  fold_header(syntax, revision);
  if (diags_.size() != errors_before) return std::nullopt;
  body = offset(first);
  revision.comments = std::move(comments_);
  return revision;
}

// The blocks from `body` (where header() stopped) into `revision`; false where run() would
// report anything.
bool Parser::blocks(std::size_t body, ast::Revision& revision) {
  ParseContext const parse_context(scanner_);
  ast::BlocksSyntax syntax;
  char const* first = scanner_.begin + body;
  if (!parses(blocks_part_rule(), parse_context, first, syntax)) return false;
  std::size_t const errors_before = diags_.size();
  check_statements(syntax.upgrade.statements);
  check_statements(syntax.downgrade.statements);
  if (diags_.size() != errors_before) return false;
  take_blocks(syntax.upgrade, syntax.downgrade, revision);
  return true;
}

// An expectation failed at `where` (X3 has skipped the blanks before it). A missing `;` or
// a missing token at the end of the file is shown right after the previous token; anything
// else at the token that was found instead, with a suggestion when it is a near miss.
void Parser::expected(char const* where, std::string const& what) {
  char const* next = where;
  try {
    next = lex::skip_blanks(scanner_, where);
  } catch (lex::SyntaxError const& e) {
    diags_.add(file_, offset(e.where), e.kind, e.message);
    return;
  }
  if (next == scanner_.end || what.starts_with("';'")) {
    auto const* previous_end = where;
    while (previous_end != scanner_.begin && std::string_view(" \t\r\n\f\v").find(previous_end[-1]) != std::string_view::npos)
      --previous_end;
    diags_.error(file_, offset(previous_end), DiagKind::expected, what);
    return;
  }
  if (!token_start(*next)) {
    diags_.error(file_, offset(next), DiagKind::unexpected_character, character_at(next, scanner_.end));
    return;
  }
  auto const* word_end = lex::scan_word(scanner_, next);
  auto word = lowercase(std::string(next, word_end));
  if (what == "a statement or '}'" && (word == "autocommit" || word == "assume")) {
    diags_.error(file_, offset(next), DiagKind::nested_block, word);
    return;
  }
  for (auto const& s : suggestions) {
    if (s.expected != what || word.empty()) continue;
    auto guess = lex::suggest(word, s.words);
    if (guess.empty() || guess == word) break;
    diags_.error(file_, offset(next), DiagKind::unknown_keyword_suggestion, s.noun, std::string(next, word_end), guess);
    return;
  }
  diags_.error(file_, offset(next), DiagKind::expected, what);
}

char const* header_key_name(ast::HeaderKey key) {
  static constexpr char const* names[] = {"revision", "revises", "message", "created", "branch_labels", "depends_on"};
  return names[static_cast<int>(key)];
}

void Parser::fold_header(ast::RevisionSyntax& syntax, ast::Revision& out) {
  std::array<ast::HeaderField*, 6> seen{};  // by key (a map cost a tenth of reading a header)
  auto const field_of = [&](ast::HeaderKey key) { return seen[static_cast<std::size_t>(key)]; };
  for (auto& field : syntax.header) {
    auto& first = seen[static_cast<std::size_t>(field.key)];
    if (first) {
      diags_.error(file_, field.loc.offset, DiagKind::field_twice, header_key_name(field.key));
      continue;
    }
    first = &field;
    bool const ids = field.key != ast::HeaderKey::message && field.key != ast::HeaderKey::created;
    for (auto& v : field.values) {
      auto const is = [&](std::string_view word) { return lex::same_word(v.text, word); };
      bool const base_parent = field.key == ast::HeaderKey::revises && field.values.size() == 1 && is("base");
      if (base_parent) v.text = "base";
      if (ids && !base_parent && (is("head") || is("heads") || is("base")))
        diags_.error(file_, v.loc.offset, DiagKind::reserved_id, v.text);
    }
  }
  auto const at = syntax.header.empty() ? syntax.upgrade.loc.offset : syntax.header.front().loc.offset;
  for (auto key : {ast::HeaderKey::revision, ast::HeaderKey::revises})
    if (!field_of(key)) diags_.error(file_, at, DiagKind::field_missing, header_key_name(key));
  auto const first_value = [&](ast::HeaderKey key, auto& into) {
    if (auto const* f = field_of(key); f && !f->values.empty()) into = f->values.front();
  };
  auto const values = [&](ast::HeaderKey key, std::vector<ast::Name>& into) {
    if (auto* f = field_of(key)) into = std::move(f->values);
  };
  first_value(ast::HeaderKey::revision, out.id);
  if (auto* revises = field_of(ast::HeaderKey::revises)) {
    out.revises_loc = revises->loc;
    if (!(revises->values.size() == 1 && revises->values.front().text == "base")) out.parents = std::move(revises->values);
  }
  first_value(ast::HeaderKey::message, out.message);
  first_value(ast::HeaderKey::created, out.created);
  values(ast::HeaderKey::branch_labels, out.branch_labels);
  values(ast::HeaderKey::depends_on, out.depends_on);
}

// Reports a word given twice, or two words that contradict each other (the later one).
void Parser::check_once(std::span<std::pair<std::string_view, ast::Loc> const> words,
                        std::span<Conflict const> conflicts) {
  for (std::size_t i = 0; i < words.size(); ++i)
    for (std::size_t j = 0; j < i; ++j) {
      auto const& [a, loc] = words[i];
      auto const& b = words[j].first;
      if (a == b) {
        diags_.error(file_, loc.offset, DiagKind::duplicate_option, std::string(a));
        return;
      }
      for (auto [x, y] : conflicts)
        if ((a == x && b == y) || (a == y && b == x)) {
          diags_.error(file_, loc.offset, DiagKind::conflicting_options, std::string(a), std::string(b));
          return;
        }
    }
}

// The words of a column's options or a column's changes, in order, for check_once: on the
// stack while there are few (every column has options), on the heap past that.
class Words {
 public:
  void add(std::string_view word, ast::Loc loc) {
    if (size_ == fixed_.size() && spill_.empty()) spill_.assign(fixed_.begin(), fixed_.end());
    if (spill_.empty())
      fixed_[size_] = {word, loc};
    else
      spill_.emplace_back(word, loc);
    ++size_;
  }
  std::span<std::pair<std::string_view, ast::Loc> const> all() const {
    if (spill_.empty()) return {fixed_.data(), size_};
    return spill_;
  }

 private:
  std::array<std::pair<std::string_view, ast::Loc>, 8> fixed_;
  std::vector<std::pair<std::string_view, ast::Loc>> spill_;
  std::size_t size_ = 0;
};

void Parser::check_options(std::vector<ast::ColumnOption> const& options) {
  static constexpr std::string_view flags[] = {"not null", "null", "primary key", "unique", "autoincrement",
                                               "autoincrement false"};
  static constexpr Conflict conflicts[] = {{"not null", "null"}, {"autoincrement", "autoincrement false"}};
  if (options.size() < 2) return;
  Words words;
  for (auto const& o : options) {
    if (auto const* f = ast::get_if<ast::FlagOption>(o)) words.add(flags[static_cast<int>(f->flag)], f->loc);
    if (auto const* d = ast::get_if<ast::DefaultOption>(o)) words.add("default", d->loc);
    if (auto const* r = ast::get_if<ast::ReferencesOption>(o)) words.add("references", r->loc);
    if (auto const* c = ast::get_if<ast::CommentOption>(o)) words.add("comment", c->loc);
  }
  check_once(words.all(), conflicts);
}

void Parser::check_changes(std::vector<ast::Change> const& changes) {
  static constexpr std::string_view flags[] = {"set not null", "drop not null", "drop default"};
  static constexpr Conflict conflicts[] = {{"set not null", "drop not null"}, {"set default", "drop default"}};
  if (changes.size() < 2) return;
  Words words;
  for (auto const& c : changes) {
    if (auto const* t = ast::get_if<ast::TypeChange>(c)) words.add("type", t->loc);
    if (auto const* f = ast::get_if<ast::FlagChange>(c)) words.add(flags[static_cast<int>(f->flag)], f->loc);
    if (auto const* d = ast::get_if<ast::SetDefault>(c)) words.add("set default", d->loc);
    if (auto const* m = ast::get_if<ast::CommentChange>(c)) words.add("comment", m->loc);
  }
  check_once(words.all(), conflicts);
}

// Vectors grow by doubling as the grammar fills them: a table of 9 columns has room for
// 16. Trees live as long as the run, so each list is given back what it does not hold.
void fit(std::vector<ast::Statement>& statements) {
  statements.shrink_to_fit();
  for (auto& statement : statements) {
    if (auto* create = boost::get<ast::CreateTable>(&statement.get())) {
      create->elements.shrink_to_fit();
      for (auto& e : create->elements)
        if (auto* col = boost::get<ast::ColumnDef>(&e.get())) col->options.shrink_to_fit();
    } else if (auto* add = boost::get<ast::AddColumn>(&statement.get())) {
      add->options.shrink_to_fit();
    } else if (auto* nested = boost::get<x3::forward_ast<ast::NestedBlock>>(&statement.get())) {
      fit(nested->get().statements);
    }
  }
}

// What the grammar leaves to be checked: dialect names, row widths, column options and
// alter-column changes given twice or contradicting each other.
void Parser::check_statements(std::vector<ast::Statement> const& statements) {
  for (auto const& statement : statements) {
    if (auto const* add = ast::get_if<ast::AddColumn>(statement)) check_options(add->options);
    if (auto const* alter = ast::get_if<ast::AlterColumn>(statement)) check_changes(alter->changes);
    if (auto const* create = ast::get_if<ast::CreateTable>(statement))
      for (auto const& e : create->elements)
        if (auto const* col = ast::get_if<ast::ColumnDef>(e)) check_options(col->options);
    if (auto const* nested = ast::get_if<ast::NestedBlock>(statement)) {
      check_statements(nested->statements);
    } else if (auto const* exec = ast::get_if<ast::Execute>(statement)) {
      for (auto const& d : exec->dialects) {
        if (std::find(dialect_names.begin(), dialect_names.end(), d.text) != dialect_names.end()) continue;
        auto guess = lex::suggest(d.text, dialect_names);
        if (guess.empty())
          diags_.error(file_, d.loc.offset, DiagKind::unknown_dialect, d.text);
        else
          diags_.error(file_, d.loc.offset, DiagKind::unknown_dialect_suggestion, d.text, guess);
      }
    } else if (auto const* insert = ast::get_if<ast::Insert>(statement)) {
      for (auto const& row : insert->rows)
        if (row.size() != insert->columns.size())
          diags_.error(file_, row.front().loc.offset, DiagKind::row_width,
                       fmt::format("{} value{}", row.size(), row.size() == 1 ? "" : "s"),
                       fmt::format("{} column{}", insert->columns.size(), insert->columns.size() == 1 ? " is" : "s are"));
    }
  }
}

}  // namespace

std::optional<ast::Revision> parse(SourceFile const& file, DiagnosticSink& diags, KeepBlocks keep) {
  return Parser(file, diags, keep).run();
}

std::optional<ast::Revision> parse_header(SourceFile const& file, std::size_t& body) {
  DiagnosticSink unused;  // any diagnostic means nullopt: parse() reports them
  return Parser(file, unused).header(body);
}

bool parse_blocks(SourceFile const& file, std::size_t body, ast::Revision& revision, KeepBlocks keep) {
  DiagnosticSink unused;
  return Parser(file, unused, keep).blocks(body, revision);
}

}  // namespace retort::grammar
