// Tests of `retort fmt`'s printer: layout, comments, blank lines, quoting.
#include "src/mig_format.hpp"

#include <doctest/doctest.h>

#include "grammar/parse.hpp"

using namespace retort;

namespace {
std::string format(std::string const& text) {
  SourceFile file("t.mig", text);
  DiagnosticSink diags;
  auto revision = grammar::parse(file, diags);
  REQUIRE(revision);
  return format_revision(*revision, file.text());
}
}  // namespace

TEST_CASE("fmt: canonical layout, aligned header in source order, comments and single blank lines kept") {
  std::string const messy =
      "-- leading comment\n"
      "MESSAGE 'Add age'  REVISES 0001 revision 0002\n"
      "created 2024-01-15   10:30:00\n"
      "UPGRADE{ ADD COLUMN users.age INTEGER ; -- why\n"
      "\n\n\n"
      "  /* block\n     comment */\n"
      "DROP   TABLE x;}\n"
      "downgrade { create table x (\n"
      "  a integer, -- first\n"
      "  b text\n"
      "  -- last\n"
      "); }  -- end\n";
  std::string const canonical =
      "-- leading comment\n"
      "message  'Add age'\n"
      "revises  0001\n"
      "revision 0002\n"
      "created  2024-01-15 10:30:00\n"
      "\n"
      "upgrade {\n"
      "    add column users.age integer;  -- why\n"
      "\n"
      "    /* block\n     comment */\n"
      "    drop table x;\n"
      "}\n"
      "\n"
      "downgrade {\n"
      "    create table x (\n"
      "        a integer,  -- first\n"
      "        b text\n"
      "        -- last\n"
      "    );  -- end\n"
      "}\n";
  CHECK(format(messy) == canonical);
  CHECK(format(canonical) == canonical);
}

TEST_CASE("fmt: a header field's trailing comment stays on its line") {
  std::string const text =
      "depends_on 0000  -- why it depends\nrevision 0001\nrevises base\n\nupgrade {\n}\n\n"
      "downgrade irreversible /* why */ ;\n";
  CHECK(format(text) ==
        "depends_on 0000  -- why it depends\nrevision   0001\nrevises    base\n\nupgrade {\n}\n\n/* why */\n"
        "downgrade irreversible;\n");
}

TEST_CASE("fmt: irreversible downgrade, tuples, labels") {
  std::string const text =
      "revision m\nrevises (a, b)\nbranch_labels (x, y)\ndepends_on z\n\nupgrade {\n}\n\ndowngrade irreversible;\n";
  CHECK(format(text) ==
        "revision      m\nrevises       (a, b)\nbranch_labels (x, y)\ndepends_on    z\n\nupgrade {\n}\n\n"
        "downgrade irreversible;\n");
}

TEST_CASE("fmt: names are quoted only when they must be") {
  CHECK(mig_name("users") == "users");
  CHECK(mig_name("Users$2") == "Users$2");
  CHECK(mig_name("2fa") == "\"2fa\"");
  CHECK(mig_name("my table") == "\"my table\"");
  CHECK(mig_name("a\"b") == "\"a\"\"b\"");
  CHECK(mig_name("Constraint") == "\"Constraint\"");
  CHECK(mig_string("O'Reilly") == "'O''Reilly'");
}
