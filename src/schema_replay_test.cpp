// A downgrade replayed in two parts at once (schema::replay) is the one a single thread
// replays: the same script and the same errors, whether the second part's schema turns out
// to be the first part's end or not, and however far the second thread has got when the
// first needs its part (all of it, or a step, the rest replayed by the first). And `check`,
// whose two passes run at once from 64 revisions, reports what one thread would. And steps
// that wait for a rendering thread held back come out whole and in order; a step copied
// reads its own cards of its tables.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <optional>
#include <thread>

#include <unistd.h>

#include <fmt/format.h>

#include "src/atomic_file.hpp"
#include "src/graph.hpp"
#include "src/plan.hpp"
#include "src/project.hpp"
#include "src/schema.hpp"
#include "src/script.hpp"

namespace fs = std::filesystem;
using namespace retort;

namespace {

// A chain of revisions: the i-th creates table t<i> (a key referring to t<i-1>), adds a
// column to t<i-1> and widens another; its downgrade undoes all three, except at
// `inexact` (it also changes the type of t1.b: the schema before it is not restored) and
// at `broken` (it drops a column no table has).
struct Chain {
  int revisions = 12;
  int inexact = 0;  // 0: none
  int broken = 0;
  int broken_upgrade = 0;  // its upgrade widens a column t<i-1> does not have
};

fs::path write_chain(Chain const& chain, std::string const& name) {
  auto dir = fs::temp_directory_path() / fmt::format("retort-replay-test-{}-{}", name, ::getpid());
  fs::remove_all(dir);
  fs::create_directories(dir / "versions");
  std::ofstream(dir / "retort.ini") << "[retort]\nversions = versions\n";
  for (int i = 1; i <= chain.revisions; ++i) {
    std::string up = fmt::format("    create table t{} (\n        id integer primary key,\n        a string(20),\n", i);
    std::string down;
    if (i > 1) {
      up += fmt::format("        p integer references t{} (id)\n    );\n", i - 1);
      up += fmt::format("    add column t{}.x{} integer;\n    alter column t{}.{}a type string(40);\n", i - 1, i, i - 1,
                        i == chain.broken_upgrade ? "no_" : "");
      down += fmt::format("    alter column t{}.a type string(20);\n", i - 1);
      if (i == chain.inexact) down += "    alter column t1.b type bigint;\n";
      down += fmt::format("    drop column t{}.{}x{};\n", i - 1, i == chain.broken ? "no_" : "", i);
    } else {
      up += "        b integer\n    );\n";
    }
    down += fmt::format("    drop table t{};\n", i);
    std::ofstream(dir / "versions" / fmt::format("{:04}_r.mig", i))
        << fmt::format("revision {:04}\nrevises  {}\nmessage  'r{}'\n\nupgrade {{\n{}}}\n\ndowngrade {{\n{}}}\n", i,
                       i == 1 ? std::string("base") : fmt::format("{:04}", i - 1), i, up, down);
  }
  return dir;
}

// A project parsed and linked, in place (the graph points into the rest).
struct Linked {
  std::vector<ast::Revision> revisions;
  std::optional<Project> project;
  std::optional<Graph> graph;
  Graph const& load(fs::path const& dir, DiagnosticSink& diags) {
    project = open_and_parse(ProjectOptions{"", dir.string()}, diags, revisions);
    REQUIRE(project);
    graph = link(revisions, project->files, diags);
    REQUIRE(graph);
    return *graph;
  }
};

using ms = std::chrono::milliseconds;

// The project planned for a command, and an Assembler for PostgreSQL to assemble it with.
struct Compiling {
  DiagnosticSink diags;
  Linked linked;
  Graph const& graph;
  std::optional<Plan> plan;
  ScriptOptions const options;
  Assembler assembler;
  Compiling(fs::path const& dir, Command command, char const* range, AtomicFile* output = nullptr)
      : graph(linked.load(dir, diags)), plan(make_plan(graph, command, range, diags)),
        assembler(*dialects::find_dialect("postgresql"), graph, options, diags, output) {
    REQUIRE(plan);
  }
  // The script (where replay succeeded), then every diagnostic: the assembler's, then
  // `replay_diags`.
  std::string finish(bool replayed, DiagnosticSink&& replay_diags) {
    auto script = assembler.finish();
    diags.append(std::move(replay_diags));
    std::string out = replayed && script ? *script : "(no script)\n";
    for (auto const& d : diags.diagnostics()) out += render(d);
    return out;
  }
};

// `downgrade heads:base` of the project to PostgreSQL: the script, then every diagnostic.
// The second part renders its steps apart, as `retort downgrade` does. The first part takes
// `first_pause` after its first step (the second part gets ahead meanwhile); the second
// takes `pause` after each step past its first `quick` (the first gets to it meanwhile).
std::string downgrade(fs::path const& dir, std::size_t split_from, ms first_pause = ms(0), int quick = 0,
                      ms pause = ms(0)) {
  Compiling c(dir, Command::downgrade, "heads:base");
  DiagnosticSink replay_diags;
  Assembler::Apart apart(c.assembler);
  schema::ReplayHooks hooks;
  hooks.split_from = split_from;
  hooks.idle = [&](std::function<bool()> const* work) { c.assembler.when_idle(work); };
  int given = 0;
  hooks.ahead = [&](schema::CheckedStep&& step) {
    apart.add(std::move(step));
    if (++given > quick) std::this_thread::sleep_for(pause);
  };
  hooks.taken = [&] { c.assembler.splice(apart); };
  bool first = true;
  auto const each = [&](schema::CheckedStep&& step) {
    c.assembler.add(std::move(step));
    if (first) std::this_thread::sleep_for(first_pause);
    first = false;
  };
  bool const replayed = schema::replay(c.graph, "heads", *c.plan, {}, replay_diags, each, nullptr, {}, hooks);
  return c.finish(replayed, std::move(replay_diags));
}

constexpr auto one_thread = std::numeric_limits<std::size_t>::max();

}  // namespace

TEST_CASE("replay: a downgrade in two parts is the one thread's, step for step and error for error") {
  // With 12 revisions, this thread downgrades 12..5 and the second 4..1, from the schema
  // of the upgrades 1..4.
  struct Case {
    char const* name;
    Chain chain;
    char const* expect;  // in the one thread's output
  } const cases[] = {
      {"exact", {}, "DROP TABLE t1;"},
      {"inexact_first_part", {12, 9, 0}, "DROP TABLE t1;"},     // the second part's schema is not the first's end
      {"inexact_second_part", {12, 3, 0}, "DROP TABLE t1;"},    // it is, and the inexact step is the second's
      {"broken_second_part", {12, 0, 2}, "has no column 'no_x2'"},
      {"broken_first_part", {12, 0, 10}, "has no column 'no_x10'"},
      {"broken_after_inexact", {12, 9, 3}, "has no column 'no_x3'"},
  };
  for (auto const& c : cases) {
    CAPTURE(c.name);
    auto const dir = write_chain(c.chain, c.name);
    auto const expected = downgrade(dir, one_thread);
    CHECK(expected.find(c.expect) != std::string::npos);
    CHECK(downgrade(dir, 2) == expected);  // the second part mostly not begun: this thread replays it
    CHECK(downgrade(dir, 2, ms(50)) == expected);  // the second part replayed
    CHECK(downgrade(dir, 2, ms(50), 2, ms(200)) == expected);  // three steps of it replayed, the rest here
    fs::remove_all(dir);
  }
}

namespace {

// `retort check` of the project: every diagnostic, and whether it passed.
std::string check(fs::path const& dir) {
  DiagnosticSink diags;
  Linked linked;
  std::string out = schema::check_all(linked.load(dir, diags), {}, diags) ? "passed\n" : "failed\n";
  for (auto const& d : diags.diagnostics()) out += render(d);
  return out;
}

}  // namespace

TEST_CASE("check: two passes at once report what one thread reports, in its order") {
  auto const at = [](fs::path const& dir, int revision) {
    return (dir / "versions" / fmt::format("{:04}_r.mig", revision)).string();
  };
  SUBCASE("a downgrade that fails, one that does not restore its schema: in revision order") {
    auto const dir = write_chain({200, 150, 40, 0}, "check_down");
    CHECK(check(dir) == fmt::format("failed\n"
                                    "{}:15:1: error: table 't39' has no column 'no_x40'\n"
                                    "downgrade {{\n"
                                    "^\n"
                                    "{}:15:1: warning: the downgrade of '0150' does not restore the schema before it: "
                                    "column 'b' of table 't1' differs\n"
                                    "downgrade {{\n"
                                    "^\n",
                                    at(dir, 40), at(dir, 150)));
    fs::remove_all(dir);
  }
  // Before the upgrade that fails, a downgrade that fails and one that does not restore its
  // schema, which the second pass may have checked: only the upgrade's error is reported.
  // At the second revision, the second pass waits for the first.
  for (int broken : {150, 2}) {
    CAPTURE(broken);
    auto const dir = write_chain({200, broken > 30 ? 30 : 0, broken > 20 ? 20 : 0, broken}, "check_up");
    CHECK(check(dir) == fmt::format("failed\n"
                                    "{}:12:18: error: table 't{}' has no column 'no_a'\n"
                                    "    alter column t{}.no_a type string(40);\n"
                                    "                 ^\n",
                                    at(dir, broken), broken - 1, broken - 1));
    fs::remove_all(dir);
  }
}

TEST_CASE("check: a downgrade restores the schema as the database shows it (constraints in any order, on their column or not)") {
  // Each pair is a revision's upgrade and downgrade; the fillers take the check to two threads.
  std::vector<std::pair<std::string, std::string>> revisions = {
      {"create table a (id integer primary key, b integer, c integer, constraint uq_b unique (b),\n"
       "    constraint uq_c unique (c), constraint ck_b check (b > 0));\n"
       "create table d (id integer primary key, a_id integer references a (id) on delete cascade, e integer,\n"
       "    constraint fk_d_a foreign key (e) references a (id));",
       "drop table d;\ndrop table a;"},
      // The same constraints, in another order: restored.
      {"drop constraint uq_b on a;\nadd constraint uq_b on a unique (b);",
       "drop constraint uq_b on a;\nadd constraint uq_b on a unique (b);"},
      {"drop constraint uq_c on a;", "add constraint uq_c on a unique (c);"},
      // Put back with another rule, another condition: not restored.
      {"drop constraint fk_d_a on d;", "add constraint fk_d_a on d foreign key (e) references a (id) on delete cascade;"},
      {"drop constraint ck_b on a;", "add constraint ck_b on a check (b > 1);"},
      // The key written on its column, then apart from it: restored.
      {"drop table d;",
       "create table d (id integer primary key, a_id integer, e integer,\n"
       "    foreign key (a_id) references a (id) on delete cascade);"},
      // One constraint too many: not restored.
      {"add column a.w integer;", "drop column a.w;\nadd constraint uq_w on a unique (b);"},
      // A column's comment set and taken off again: restored (a column that had none). Put
      // back as another: not restored.
      {"comment on column a.b is 'note';", "comment on column a.b is null;"},
      {"comment on column a.c is 'note';", "comment on column a.c is 'other';"},
  };
  for (int i = 0; i < 64; ++i) revisions.push_back({fmt::format("add column a.y{} integer;", i), fmt::format("drop column a.y{};", i)});
  auto const dir = fs::temp_directory_path() / fmt::format("retort-check-test-{}", ::getpid());
  fs::remove_all(dir);
  fs::create_directories(dir / "versions");
  std::ofstream(dir / "retort.ini") << "[retort]\nversions = versions\n";
  for (std::size_t i = 1; i <= revisions.size(); ++i)
    std::ofstream(dir / "versions" / fmt::format("{:04}_r.mig", i))
        << fmt::format("revision {:04}\nrevises  {}\n\nupgrade {{\n{}\n}}\n\ndowngrade {{\n{}\n}}\n", i,
                       i == 1 ? std::string("base") : fmt::format("{:04}", i - 1), revisions[i - 1].first,
                       revisions[i - 1].second);
  auto const warning = [&](int revision, int line, std::string_view what) {
    return fmt::format("{}:{}:1: warning: the downgrade of '{:04}' does not restore the schema before it: {}\n"
                       "downgrade {{\n^\n",
                       (dir / "versions" / fmt::format("{:04}_r.mig", revision)).string(), line, revision, what);
  };
  CHECK(check(dir) == "passed\n" + warning(4, 8, "foreign key 'fk_d_a' of table 'd' is missing or differs") +
                          warning(5, 8, "check constraint 'ck_b' of table 'a' is missing or differs") +
                          warning(7, 8, "table 'a' has an extra unique constraint 'uq_w'") +
                          warning(9, 8, "column 'c' of table 'a' differs"));
  fs::remove_all(dir);
}

namespace {

// `upgrade base:heads` of the project to PostgreSQL through an Assembler whose rendering
// thread is first held for `hold` (as when it starts behind another thread on the other
// core): the steps replayed meanwhile wait for it, a bounded number of batches at a time.
std::string upgrade(fs::path const& dir, ms hold) {
  Compiling c(dir, Command::upgrade, "base:heads");
  bool held = false;
  std::function<bool()> const hold_once = [&] {
    if (!held) std::this_thread::sleep_for(hold);
    held = true;
    return false;
  };
  if (hold > ms(0)) c.assembler.when_idle(&hold_once);
  DiagnosticSink replay_diags;
  bool const replayed = schema::replay(c.graph, "base", *c.plan, {}, replay_diags,
                                       [&](schema::CheckedStep&& step) { c.assembler.add(std::move(step)); });
  if (hold > ms(0)) c.assembler.when_idle(nullptr);
  CHECK(held == (hold > ms(0)));
  return c.finish(replayed, std::move(replay_diags));
}

}  // namespace

TEST_CASE("assemble: steps replayed while the rendering thread is held come out whole and in order") {
  // 1,500 steps are 23 batches: more than may wait for the rendering thread at once.
  auto const dir = write_chain({1500, 0, 0, 0}, "assemble_held");
  auto const script = upgrade(dir, ms(300));
  CHECK(script == upgrade(dir, ms(0)));
  std::size_t at = 0;
  for (int i = 1; i <= 1500; ++i) {
    auto const running = i == 1 ? std::string("-- Running upgrade  -> 0001\n")
                                : fmt::format("-- Running upgrade {:04} -> {:04}\n", i - 1, i);
    auto const found = script.find(running, at);
    REQUIRE_MESSAGE(found != std::string::npos, running);
    at = found + running.size();
  }
  CHECK(script.find("-- Running upgrade", at) == std::string::npos);
  CHECK(script.ends_with("COMMIT;\n\n"));
  fs::remove_all(dir);
}

TEST_CASE("assemble: steps rendered by turns, here and by a lent thread, as the parsing's lead comes and goes, are written in order") {
  // 1,500 steps; the lead the replay sees goes from none to 1,000 revisions and back every
  // 100 steps, so that the replaying thread renders steps itself, then hands batches over
  // (while the lent thread still "parses", serving between files, and once it has
  // "parsed": serving all), then renders again once every batch handed over is rendered.
  auto const dir = write_chain({1500, 0, 0, 0}, "assemble_turns");
  auto const expected = upgrade(dir, ms(0));
  for (bool to_file : {false, true}) {
    CAPTURE(to_file);
    // To a file, the pieces of the script this thread rendered are written by the lent thread
    // (0.6 MB: two full pieces and the rest).
    auto const path = dir / "out.sql";
    AtomicFile file(path.string());
    Compiling c(dir, Command::upgrade, "base:heads", to_file ? &file : nullptr);
    c.assembler.expect(c.plan->steps.size(), 0);
    c.assembler.lent(true);
    std::atomic<std::size_t> lead{0};
    std::atomic<bool> parsed{false};
    c.assembler.parsing_lead([&] { return lead.load(); });
    std::thread lent([&] {
      while (!parsed.load()) {
        c.assembler.serve_piece();
        std::this_thread::sleep_for(std::chrono::microseconds(20));
      }
      c.assembler.serve_all();
    });
    std::size_t added = 0;
    DiagnosticSink replay_diags;
    bool const replayed = schema::replay(c.graph, "base", *c.plan, {}, replay_diags, [&](schema::CheckedStep&& step) {
      c.assembler.add(std::move(step));
      ++added;
      lead = added / 100 % 2 ? 1000 : 0;
      if (added == 700) parsed = true;
    });
    auto script = c.finish(replayed, std::move(replay_diags));
    lent.join();
    CHECK(added == 1500);
    if (to_file) {
      CHECK(script.empty());
      std::string error;
      REQUIRE(file.commit(error));
      std::ifstream in(path, std::ios::binary);
      script.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
      CHECK(script.size() > (1u << 19));
    }
    CHECK(script == expected);
  }
  fs::remove_all(dir);
}

TEST_CASE("replay: a copied step's ops read the copy's own cards of their tables") {
  auto const dir = write_chain({3, 0, 0, 0}, "cards");
  DiagnosticSink diags;
  Linked linked;
  auto const& graph = linked.load(dir, diags);
  auto const plan = make_plan(graph, Command::upgrade, "base:heads", diags);
  REQUIRE(plan);
  std::vector<schema::CheckedStep> steps;
  schema::OpNeeds const cards_only{false, false};  // as PostgreSQL's rendering reads tables
  REQUIRE(schema::replay(graph, "", *plan, {}, diags, [&](schema::CheckedStep&& s) { steps.push_back(std::move(s)); },
                         nullptr, cards_only));
  // Revision 2 creates t2 (its op holds the table itself), adds a column to t1 and widens
  // another (a card of t1 each).
  auto const names = [](schema::CheckedStep const& s) {
    std::vector<std::string> n;
    for (auto const& op : s.ops) n.emplace_back(op.table ? op.table->name : "-");
    return n;
  };
  std::vector<std::string> const expected{"t2", "t1", "t1"};
  REQUIRE(names(steps.at(1)) == expected);
  REQUIRE(steps.at(1).cards.size() == 2);
  CHECK(steps.at(1).ops[1].table.get() == &steps.at(1).cards[0]);
  auto const copy = std::make_unique<schema::CheckedStep>(steps.at(1));
  steps.clear();  // the originals' cards gone
  CHECK(names(*copy) == expected);
  CHECK(copy->ops[1].table.get() == &copy->cards[0]);
  CHECK(copy->ops[2].table.get() == &copy->cards[1]);
  CHECK(copy->ops[2].column->name == "a");
  fs::remove_all(dir);
}
