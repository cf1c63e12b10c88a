// The end-to-end test driver over testdata/ (ARCHITECTURE.md, "Tests"):
//   errors/*.mig     each must fail with exactly the diagnostics in its `-- expect: L:C: ...`
//                    lines (or in NAME.mig.expect beside it, for files that cannot hold a comment)
//   projects/*/versions/*.mig
//                    must parse; fmt is canonical (the file is already fmt's output), idempotent,
//                    and parse(fmt(x)) == parse(x); every prefix of it ending at a blank gets a
//                    diagnostic in words (no internal parser names); on these files, their
//                    prefixes and errors/, parse_header + parse_blocks succeed where parse()
//                    does, with the same tree
//   semantic/NAME/   the same, for the schema model's errors: every diagnostic, with its
//                    position (`--update` rewrites these expectations for review)
//                    and its `cases` (`up postgresql upgrade base:heads`) give exactly the
//                    scripts in expected/DIALECT.NAME.sql, which differ from Alembic's
//                    (DIALECT.NAME.alembic.sql) by exactly the statements in DIALECT.NAME.diff
//   graphs/NAME/     versions/*.mig and `cases` (one command a line); each command's output
//                    must equal its block in `expected`, written from Alembic 1.19 by
//                    scripts/alembic_graph_oracle (an `error: X` line matches a message that
//                    starts with X: retort may add detail)
// and every syntax diagnostic kind must be triggered by some errors/ case.
// Usage: testdata_driver DIR [--update]   (--update rewrites the expectations: review the diff)
// Prints each failure, then `testdata: N passed, M failed`; exits 1 on any failure.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "grammar/parse.hpp"
#include "src/commands/commands.hpp"
#include "src/atomic_file.hpp"
#include "src/mig_format.hpp"
#include "src/pipeline_check.hpp"

namespace fs = std::filesystem;
using namespace retort;

namespace {

int passed = 0, failed = 0;
std::set<DiagKind> seen_kinds;

void fail(std::string const& name, std::string const& why) {
  ++failed;
  std::cout << "FAIL " << name << "\n" << why << "\n";
}

std::vector<fs::path> files_in(fs::path const& dir, std::string const& extension) {
  std::vector<fs::path> out;
  if (!fs::is_directory(dir)) return out;
  for (auto const& e : fs::directory_iterator(dir))
    if (e.path().extension() == extension) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string slurp(fs::path const& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string join(std::vector<std::string> const& lines) {
  std::string out;
  for (auto const& l : lines) out += l + '\n';
  return out;
}

// `L:C: error: message` for every diagnostic (the path is the file under test).
std::vector<std::string> actual_diagnostics(DiagnosticSink const& diags) {
  std::vector<std::string> out;
  for (auto const& d : diags.diagnostics()) {
    seen_kinds.insert(d.kind);
    out.push_back(fmt::format("{}:{}: error: {}", d.position.line, d.position.column, d.message));
  }
  return out;
}

// parse_header then parse_blocks, as upgrade and downgrade parse (grammar/parse.hpp).
std::optional<ast::Revision> in_two_parts(SourceFile const& file) {
  std::size_t body = 0;
  auto revision = grammar::parse_header(file, body);
  if (!revision || !grammar::parse_blocks(file, body, *revision)) return std::nullopt;
  return revision;
}

// The two-part parse succeeds exactly where parse() does, with the same tree.
std::string two_parts_differ(SourceFile const& file, std::optional<ast::Revision> const& whole) {
  auto parts = in_two_parts(file);
  if (parts.has_value() != whole.has_value())
    return whole ? "parse() succeeds, the two-part parse fails" : "parse() fails, the two-part parse succeeds";
  if (whole && !(*parts == *whole && parts->comments == whole->comments && parts->path == whole->path))
    return "the two-part parse gives another tree than parse()";
  return {};
}

void error_case(fs::path const& path, bool update) {
  auto bytes = slurp(path);
  auto sidecar = fs::path(path.string() + ".expect");
  std::vector<std::string> expected;
  if (fs::exists(sidecar)) {
    std::istringstream in(slurp(sidecar));
    for (std::string line; std::getline(in, line);) expected.push_back(line);
  } else {
    std::istringstream in(bytes);
    for (std::string line; std::getline(in, line) && line.starts_with("-- expect: ");) {
      if (line.ends_with('\r')) line.pop_back();
      expected.push_back(line.substr(11));
    }
  }
  DiagnosticSink diags;
  SourceFile const file(path.string(), bytes);
  auto revision = grammar::parse(file, diags);
  auto actual = actual_diagnostics(diags);
  if (auto why = two_parts_differ(file, revision); !why.empty()) return fail(path.string(), why);
  if (actual == expected && !revision && !expected.empty()) return void(++passed);
  if (update && !actual.empty() && !fs::exists(sidecar)) {
    std::string rest = bytes;
    while (rest.starts_with("-- expect: ")) rest.erase(0, rest.find('\n') + 1);
    std::string head;
    for (auto const& a : actual) head += "-- expect: " + a + '\n';
    std::string error;
    write_file_atomically(path.string(), head + rest, error);
    std::cout << "updated " << path.string() << "\n";
    return void(++passed);
  }
  fail(path.string(), "expected:\n" + join(expected) + "actual:\n" + join(actual));
}

void project_file(fs::path const& path) {
  auto bytes = slurp(path);
  SourceFile file(path.string(), bytes);
  DiagnosticSink diags;
  auto revision = grammar::parse(file, diags);
  if (!revision) return fail(path.string(), "does not parse:\n" + join(actual_diagnostics(diags)));
  if (auto why = two_parts_differ(file, revision); !why.empty()) return fail(path.string(), why);
  auto once = format_revision(*revision, file.text());
  SourceFile formatted(path.string() + " (formatted)", once);
  auto reparsed = grammar::parse(formatted, diags);
  if (!reparsed) return fail(path.string(), "fmt output does not parse:\n" + join(actual_diagnostics(diags)) + once);
  if (!(*reparsed == *revision)) return fail(path.string(), "parse(fmt(x)) differs from parse(x):\n" + once);
  auto twice = format_revision(*reparsed, formatted.text());
  if (twice != once) return fail(path.string(), "fmt is not idempotent:\n--- once\n" + once + "--- twice\n" + twice);
  if (once != file.text()) return fail(path.string(), "not in canonical layout (run retort fmt):\n" + once);
  ++passed;
}

// Every prefix of a project file that ends at a blank is a likely mistake (a statement cut
// short); its diagnostic must be in words, never an internal parser name.
void truncations(fs::path const& path) {
  auto bytes = slurp(path);
  for (std::size_t end = 0; end < bytes.size(); ++end) {
    if (bytes[end] != ' ' && bytes[end] != '\n') continue;
    DiagnosticSink diags;
    SourceFile const prefix(path.string(), bytes.substr(0, end));
    auto const revision = grammar::parse(prefix, diags);
    if (auto why = two_parts_differ(prefix, revision); !why.empty())
      return fail(path.string() + " truncated at byte " + std::to_string(end), why);
    for (auto const& d : diags.diagnostics())
      if (d.message.find("boost") != std::string::npos || d.message.find("retort") != std::string::npos)
        return fail(path.string() + " truncated at byte " + std::to_string(end), d.message);
  }
  ++passed;
}

// Runs one case (`upgrade base:heads`) in the scenario folder: its output lines, or its
// first error as `error: message` (with `positions`, every error as `error: FILE:LINE:COL:
// message`, FILE relative to the scenario).
// `split_from`: where not 0, commands::Context::split_downgrades_from.
std::vector<std::string> run_case(fs::path const& dir, std::string const& line, bool positions,
                                  std::size_t split_from = 0) {
  std::istringstream words(line);
  std::vector<std::string> args;
  for (std::string w; words >> w;) args.push_back(w);
  commands::Context ctx;
  ctx.project.dir = dir.string();
  ctx.split_downgrades_from = split_from;
  auto run = commands::find_command(args.front());
  if (!run) return {"unknown command " + args.front()};
  ctx.args.assign(args.begin() + 1, args.end());
  if (!positions && (args.front() == "upgrade" || args.front() == "downgrade" || args.front() == "stamp"))
    ctx.args.push_back("--plan");
  int code = run(ctx);
  std::vector<std::string> out;
  if (code != 0) {
    for (auto const& d : ctx.diags.diagnostics()) seen_kinds.insert(d.kind);
    if (!positions) {
      out.push_back("error: " + (ctx.diags.size() ? ctx.diags.diagnostics().front().message : std::string("?")));
      return out;
    }
    for (auto const& d : ctx.diags.diagnostics()) {
      auto path = d.path.starts_with(dir.string() + "/") ? d.path.substr(dir.string().size() + 1) : d.path;
      out.push_back(d.path.empty() ? "error: " + d.message
                                   : fmt::format("error: {}:{}:{}: {}", path, d.position.line, d.position.column, d.message));
    }
    return out;
  }
  std::istringstream text(ctx.out);
  for (std::string l; std::getline(text, l);) out.push_back(l);
  while (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}

bool lines_match(std::vector<std::string> const& expected, std::vector<std::string> const& actual) {
  if (expected.size() != actual.size()) return false;
  for (std::size_t i = 0; i < expected.size(); ++i)
    if (expected[i] != actual[i] && !(expected[i].starts_with("error: ") && actual[i].starts_with(expected[i])))
      return false;
  return true;
}

void scenario(fs::path const& dir, bool positions, bool update) {
  std::istringstream expected_text(slurp(dir / "expected"));
  std::vector<std::pair<std::string, std::vector<std::string>>> blocks;
  for (std::string l; std::getline(expected_text, l);) {
    if (l.starts_with("$ "))
      blocks.push_back({l.substr(2), {}});
    else if (!blocks.empty() && (!l.starts_with("# ") || l.starts_with("# MISMATCH")))
      blocks.back().second.push_back(l);
  }
  for (auto& [c, lines] : blocks)
    while (!lines.empty() && lines.back().empty()) lines.pop_back();
  if (blocks.empty()) return fail(dir.string(), "no cases in expected");
  for (auto const& [c, lines] : blocks) {
    if (!lines.empty() && lines.front().starts_with("# MISMATCH")) {
      fail(dir.filename().string() + ": " + c, "retort's order is none of Alembic's");
      continue;
    }
    auto actual = run_case(dir, c, positions);
    if (lines_match(lines, actual)) {
      ++passed;
      if (positions && c.starts_with("downgrade ")) {  // replayed in two parts: the same, exactly
        if (auto split = run_case(dir, c, positions, 2); split == actual) ++passed;
        else fail(dir.filename().string() + ": " + c, "replayed in two parts:\n" + join(split) + "in one:\n" + join(actual));
      }
      continue;
    }
    if (update && positions) {  // semantic cases only: graph expectations come from Alembic
      std::string text;
      for (auto const& [c2, l2] : blocks) text += "$ " + c2 + "\n" + join(c2 == c ? actual : l2);
      std::string error;
      write_file_atomically((dir / "expected").string(), text, error);
      std::cout << "updated " << dir.string() << ": " << c << "\n";
      return scenario(dir, positions, true);
    }
    fail(dir.filename().string() + ": " + c, "expected:\n" + join(lines) + "actual:\n" + join(actual));
  }
}

// Kinds that only the command-line tests (scripts/cli_test) can trigger.
std::set<std::string_view> const cli_only = {"cannot_read", "no_config", "bad_config", "no_versions_folder",
                                             "cannot_write", "unknown_dialect", "cannot_create", "downgrade_differs"};

// A script as its statements: split at blank lines, white space collapsed.
std::vector<std::string> statements_of(std::string const& text) {
  std::vector<std::string> out;
  std::string current;
  std::istringstream in(text);
  auto flush = [&] {
    if (!current.empty()) out.push_back(current);
    current.clear();
  };
  for (std::string line; std::getline(in, line);) {
    std::string words;
    std::istringstream ws(line);
    for (std::string w; ws >> w;) words += (words.empty() ? "" : " ") + w;
    if (words.empty()) {
      flush();
    } else {
      current += (current.empty() ? "" : " ") + words;
    }
  }
  flush();
  return out;
}

// The statements only one side has (`- ` Alembic's, `+ ` retort's), by longest common subsequence.
std::string statement_diff(std::vector<std::string> const& a, std::vector<std::string> const& b) {
  std::vector<std::vector<std::uint32_t>> lcs(a.size() + 1, std::vector<std::uint32_t>(b.size() + 1, 0));
  for (std::size_t i = a.size(); i-- > 0;)
    for (std::size_t j = b.size(); j-- > 0;)
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  std::string out;
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      ++i, ++j;
    } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
      out += "+ " + b[j++] + "\n";
    } else {
      out += "- " + a[i++] + "\n";
    }
  }
  return out;
}

// projects/NAME/expected/DIALECT.CASE.alembic.sql (Alembic's script, by
// scripts/alembic_sql_oracle) and retort's DIALECT.CASE.sql differ exactly by the reviewed
// statements in DIALECT.CASE.diff.
void alembic_difference(fs::path const& golden, bool update) {
  auto alembic = fs::path(golden).replace_extension().string() + ".alembic.sql";
  if (!fs::exists(alembic)) return;
  if (slurp(golden).starts_with("error\n")) return;  // retort refuses (README says why); nothing to compare
  auto diff_path = fs::path(golden).replace_extension().string() + ".diff";
  auto actual = statement_diff(statements_of(slurp(alembic)), statements_of(slurp(golden)));
  if (fs::exists(diff_path) ? slurp(diff_path) == actual : actual.empty()) return void(++passed);
  if (update) {
    std::string error;
    write_file_atomically(diff_path, actual, error);
    std::cout << "updated " << diff_path << "\n";
    return void(++passed);
  }
  fail(golden.string(), "differs from Alembic's script by more (or less) than " + diff_path + ":\n" + actual);
}

// projects/NAME/expected/DIALECT.CASE.sql: the script of each case in projects/NAME/cases
// (`up base:heads`), exactly.
void golden_sql(fs::path const& project, bool update) {
  std::ifstream cases(project / "cases");
  for (std::string line; std::getline(cases, line);) {
    std::istringstream words(line);
    std::string name, dialect, command, range;
    if (!(words >> name >> dialect >> command >> range)) continue;
    // The case's script, or `error` and its diagnostics (`split_from`: as run_case's).
    auto const script = [&](std::size_t split_from) {
      commands::Context ctx;
      ctx.project.dir = project.string();
      ctx.args = {range, "--dialect", dialect};
      ctx.split_downgrades_from = split_from;
      std::string out = commands::find_command(command)(ctx) == 0 ? ctx.out : "error\n";
      for (auto const& d : ctx.diags.diagnostics()) out += render(d);
      return out;
    };
    auto path = project / "expected" / (dialect + "." + name + ".sql");
    std::string const actual = script(0);
    if (command == "downgrade") {  // replayed in two parts: the same script, exactly
      if (auto again = script(2); again == actual) ++passed;
      else fail(path.string(), "differs when replayed in two parts:\n" + again);
    }
    if (fs::exists(path) && slurp(path) == actual) {
      ++passed;
    } else if (update) {
      fs::create_directories(path.parent_path());
      std::string error;
      write_file_atomically(path.string(), actual, error);
      std::cout << "updated " << path.string() << "\n";
      ++passed;
    } else {
      fail(path.string(), "differs from `retort " + command + " " + range + " --dialect " + dialect + "`:\n" + actual);
    }
    alembic_difference(path, update);
  }
}

void kind_coverage() {
  for (auto kind : all_diag_kinds()) {
    if (seen_kinds.contains(kind) || cli_only.contains(diag_name(kind))) {
      ++passed;
      continue;
    }
    fail(fmt::format("coverage: {}", diag_name(kind)), "no testdata/errors case triggers this diagnostic");
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: testdata_driver DIR [--update]\n";
    return 2;
  }
  fs::path root = argv[1];
  bool update = argc > 2 && std::string_view(argv[2]) == "--update";
  for (auto const& path : files_in(root / "errors", ".mig")) error_case(path, update);
  if (fs::is_directory(root / "projects"))
    for (auto const& project : fs::directory_iterator(root / "projects"))
    {
      for (auto const& path : files_in(project.path() / "versions", ".mig")) {
        project_file(path);
        truncations(path);
      }
      golden_sql(project.path(), update);
    }
  if (fs::is_directory(root / "graphs")) {
    std::vector<fs::path> scenarios;
    for (auto const& e : fs::directory_iterator(root / "graphs")) scenarios.push_back(e.path());
    std::sort(scenarios.begin(), scenarios.end());
    for (auto const& dir : scenarios) scenario(dir, false, false);
  }
  if (fs::is_directory(root / "semantic")) {
    std::vector<fs::path> cases;
    for (auto const& e : fs::directory_iterator(root / "semantic")) cases.push_back(e.path());
    std::sort(cases.begin(), cases.end());
    for (auto const& dir : cases) scenario(dir, true, update);
  }
  // every input the fuzzer once crashed on (scripts/fuzz saves them) goes through every stage
  for (auto const& path : files_in(root / "fuzz", ".mig")) {
    auto bytes = slurp(path);
    run_pipeline(reinterpret_cast<std::uint8_t const*>(bytes.data()), bytes.size());
    ++passed;
  }
  kind_coverage();
  std::cout << "testdata: " << passed << " passed, " << failed << " failed\n";
  return failed == 0 ? 0 : 1;
}
