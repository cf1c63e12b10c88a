// Grammar tests: each statement parsed and printed back in the canonical layout (a compact,
// readable dump of the AST), plus the AST details that printing does not show.
#include "grammar/parse.hpp"

#include <doctest/doctest.h>

#include <memory>

#include "src/mig_format.hpp"

using namespace retort;

namespace {

std::string const header = "revision 0001\nrevises base\n";

std::optional<ast::Revision> parse_text(std::string const& text, DiagnosticSink& diags) {
  static std::vector<std::unique_ptr<SourceFile>> keep;  // positions refer into the text
  keep.push_back(std::make_unique<SourceFile>("t.mig", text));
  return grammar::parse(*keep.back(), diags);
}

// The upgrade block's statements, printed canonically (without the block's indentation).
std::string canon(std::string const& statements) {
  std::string text = header + "upgrade {\n" + statements + "\n}\ndowngrade {\n}\n";
  DiagnosticSink diags;
  auto revision = parse_text(text, diags);
  if (!revision) return "error: " + (diags.size() ? render(diags.diagnostics().front()) : std::string("?"));
  revision->comments.clear();
  auto out = format_revision(*revision, text);
  auto begin = out.find("upgrade {\n") + 10;
  auto end = out.find("\n}\n", begin);
  std::string body = out.substr(begin, end - begin), result;
  for (std::size_t pos = 0; pos < body.size();) {
    auto eol = body.find('\n', pos);
    auto line = body.substr(pos, eol == std::string::npos ? std::string::npos : eol - pos);
    result += (result.empty() ? "" : "\n") + line.substr(std::min<std::size_t>(4, line.find_first_not_of(' ')));
    pos = eol == std::string::npos ? body.size() : eol + 1;
  }
  return result;
}

std::string first_error(std::string const& text) {
  DiagnosticSink diags;
  auto revision = parse_text(text, diags);
  if (revision || diags.size() == 0) return "no error";
  return render_headline(diags.diagnostics().front());
}

}  // namespace

TEST_CASE("grammar: create table with columns, options and constraints") {
  CHECK(canon("CREATE TABLE Users (ID Integer PRIMARY KEY, email STRING(255) NOT NULL UNIQUE)") ==
        "error: t.mig:4:79: error: expected ';' after the statement\n"
        "CREATE TABLE Users (ID Integer PRIMARY KEY, email STRING(255) NOT NULL UNIQUE)\n"
        "                                                                              ^\n");
  CHECK(canon("CREATE TABLE Users (ID Integer PRIMARY KEY, email STRING(255) NOT NULL UNIQUE);") ==
        "create table Users (\n    ID integer primary key,\n    email string(255) not null unique\n);");
  CHECK(canon("create table s.t (a int8x integer);") == "error: t.mig:4:21: error: unknown type 'int8x'\n"
                                                        "create table s.t (a int8x integer);\n"
                                                        "                    ^\n");
  CHECK(canon("create table s.t (a integer, constraint pk primary key (a), unique (a), "
              "check (a > 0), foreign key (a) references s.o (b) on delete cascade on update set null "
              "deferrable initially deferred) comment 'it''s';") ==
        "create table s.t (\n    a integer,\n    constraint pk primary key (a),\n    unique (a),\n    check (a > 0),\n"
        "    foreign key (a) references s.o (b) on delete cascade on update set null deferrable initially "
        "deferred\n) comment 'it''s';");
  CHECK(canon("create table t (a integer autoincrement false null default -1 comment 'x' check ((a) <> 2), "
              "b bigint autoincrement references u (id) on delete no action on update restrict);") ==
        "create table t (\n    a integer autoincrement false null default -1 comment 'x' check ((a) <> 2),\n"
        "    b bigint autoincrement references u (id) on delete no action on update restrict\n);");
}

TEST_CASE("grammar: every type") {
  CHECK(canon("create table t (a integer, b smallint, c bigint, d boolean, e float, f numeric, g numeric(10), "
              "h numeric(10, 2), i string, j string(5), k char(3), l text, m unicode(9), n unicode_text, o date, "
              "p time, q datetime, r datetime(timezone), s interval, t binary, u json, v uuid, "
              "w enum mood ('sad', 'o''k'), x native 'tsvector', y char);") ==
        "create table t (\n    a integer,\n    b smallint,\n    c bigint,\n    d boolean,\n    e float,\n"
        "    f numeric,\n    g numeric(10),\n    h numeric(10, 2),\n    i string,\n    j string(5),\n"
        "    k char(3),\n    l text,\n    m unicode(9),\n    n unicode_text,\n    o date,\n    p time,\n"
        "    q datetime,\n    r datetime(timezone),\n    s interval,\n    t binary,\n    u json,\n    v uuid,\n"
        "    w enum mood ('sad', 'o''k'),\n    x native 'tsvector',\n    y char\n);");
}

TEST_CASE("grammar: every default form") {
  CHECK(canon("add column t.a integer default 42; add column t.b float default 3.25; "
              "add column t.c text default 'O''Reilly'; add column t.d boolean default TRUE; "
              "add column t.e boolean default false; add column t.f text default null; "
              "add column t.g datetime default CURRENT_TIMESTAMP; add column t.h date default current_date; "
              "add column t.i time default current_time; add column t.j uuid default gen_random_uuid(); "
              "add column t.k text default (lower('X')); add column t.l text default $$a$$;") ==
        "add column t.a integer default 42;\nadd column t.b float default 3.25;\n"
        "add column t.c text default 'O''Reilly';\nadd column t.d boolean default true;\n"
        "add column t.e boolean default false;\nadd column t.f text default null;\n"
        "add column t.g datetime default current_timestamp;\nadd column t.h date default current_date;\n"
        "add column t.i time default current_time;\nadd column t.j uuid default gen_random_uuid();\n"
        "add column t.k text default (lower('X'));\nadd column t.l text default $$a$$;");
}

TEST_CASE("grammar: the other statements") {
  CHECK(canon("drop table s.t; rename table t to u; drop column s.t.c; rename column t.a to b;") ==
        "drop table s.t;\nrename table t to u;\ndrop column s.t.c;\nrename column t.a to b;");
  CHECK(canon("alter column t.a type string(5) using (a::text), drop not null, set default 1, comment 'c';"
              "alter column t.a set not null, drop default, comment null;") ==
        "alter column t.a type string(5) using (a::text), drop not null, set default 1, comment 'c';\n"
        "alter column t.a set not null, drop default, comment null;");
  CHECK(canon("create unique index concurrently ix on s.t using gin (a desc, (lower(b)), c asc) where (a > 0);") ==
        "create unique index concurrently ix on s.t using gin (a desc, (lower(b)), c asc) where (a > 0);");
  CHECK(canon("drop index ix; drop index concurrently ix on s.t;") == "drop index ix;\ndrop index concurrently ix on s.t;");
  CHECK(canon("add constraint fk on t foreign key (a, b) references u (c, d) deferrable; "
              "drop constraint fk on t; add constraint pk on t primary key (a);") ==
        "add constraint fk on t foreign key (a, b) references u (c, d) deferrable;\ndrop constraint fk on t;\n"
        "add constraint pk on t primary key (a);");
  CHECK(canon("comment on table t is 'x'; comment on table t is null; comment on column s.t.c is 'y';") ==
        "comment on table t is 'x';\ncomment on table t is null;\ncomment on column s.t.c is 'y';");
  CHECK(canon("insert into t (a, b) values (1, 'x'), (-2.5, null), (true, false);") ==
        "insert into t (a, b) values\n    (1, 'x'),\n    (-2.5, null),\n    (true, false);");
  CHECK(canon("execute $$ UPDATE t SET a = 'O''R' $$; execute for postgresql, sqlite $x$ SELECT $$ $x$;") ==
        "execute $$ UPDATE t SET a = 'O''R' $$;\nexecute for postgresql, sqlite $x$ SELECT $$ $x$;");
  CHECK(canon("autocommit { create index concurrently ix on t (a); } assume { drop table x; }") ==
        "autocommit {\n    create index concurrently ix on t (a);\n}\nassume {\n    drop table x;\n}");
}

TEST_CASE("grammar: names keep their case; quoted names hold any character") {
  CHECK(canon("create table \"My Table\" (\"a \"\"b\"\"\" integer, \"constraint\" integer, \"ok\" text);") ==
        "create table \"My Table\" (\n    \"a \"\"b\"\"\" integer,\n    \"constraint\" integer,\n    ok text\n);");
}

TEST_CASE("grammar: raw SQL in parentheses is taken verbatim, nested and quoted parentheses included") {
  DiagnosticSink diags;
  auto r = parse_text(header + "upgrade { execute (a(')') -- )\n \"(\" /* ) */ (b)); }\ndowngrade { }", diags);
  REQUIRE(r);
  auto const& exec = boost::get<ast::Execute>(r->upgrade.statements.at(0).get());
  CHECK(exec.sql.text == "a(')') -- )\n \"(\" /* ) */ (b)");
  CHECK_FALSE(exec.sql.dollar);
}

TEST_CASE("grammar: 100,000 nested parentheses cost no stack") {
  std::string deep(100000, '(');
  deep += std::string(100000, ')');
  DiagnosticSink diags;
  auto r = parse_text(header + "upgrade { execute " + deep + "; }\ndowngrade { }", diags);
  REQUIRE(r);
  CHECK(boost::get<ast::Execute>(r->upgrade.statements.at(0).get()).sql.text.size() == 199998);
}

TEST_CASE("grammar: header fields in any order, each folded into the revision") {
  DiagnosticSink diags;
  auto r = parse_text("depends_on (x, y)\nbranch_labels feature\ncreated 2024-01-15T10:30:00.5\n"
                      "message 'Add ''age'''\nrevises (a1, b2)\nREVISION c3\nupgrade { }\ndowngrade irreversible;",
                      diags);
  REQUIRE(r);
  CHECK(r->id.text == "c3");
  REQUIRE(r->parents.size() == 2);
  CHECK(r->parents[1].text == "b2");
  CHECK(r->message->text == "Add 'age'");
  CHECK(r->created->text == "2024-01-15T10:30:00.5");
  CHECK(r->branch_labels.at(0).text == "feature");
  CHECK(r->depends_on.size() == 2);
  CHECK(r->downgrade.irreversible);
  auto base = parse_text(header + "upgrade { }\ndowngrade { }", diags);
  REQUIRE(base);
  CHECK(base->parents.empty());
}

TEST_CASE("grammar: statements carry the position of their first keyword") {
  DiagnosticSink diags;
  std::string text = header + "upgrade {\n  drop table t;\n  alter column t.a drop default;\n}\ndowngrade { }";
  auto r = parse_text(text, diags);
  REQUIRE(r);
  auto const& alter = boost::get<ast::AlterColumn>(r->upgrade.statements.at(1).get());
  CHECK(text.substr(alter.loc.offset, alter.loc.length) == "alter column t.a drop default;");
  CHECK(text.substr(alter.column.loc.offset, alter.column.loc.length) == "t.a");
}

TEST_CASE("grammar: header errors are all reported") {
  DiagnosticSink diags;
  auto r = parse_text("revision head\nrevision x\nupgrade { }\ndowngrade { }", diags);
  CHECK_FALSE(r);
  REQUIRE(diags.size() == 3);
  CHECK(render_headline(diags.diagnostics()[0]) == "t.mig:1:10: error: 'head' is reserved and cannot be a revision id");
  CHECK(render_headline(diags.diagnostics()[1]) == "t.mig:2:1: error: 'revision' given twice");
  CHECK(render_headline(diags.diagnostics()[2]) == "t.mig:1:1: error: 'revises' is missing");
}

TEST_CASE("grammar: expectation errors name what was expected, where it was expected") {
  CHECK(first_error(header + "upgrade {\n  create tabel t (a integer);\n}\ndowngrade { }") ==
        "t.mig:4:10: error: unknown word 'tabel'; did you mean 'table'?");
  CHECK(first_error(header + "upgrade {\n  add column t integer;\n}\ndowngrade { }") ==
        "t.mig:4:14: error: expected a column ('table.column' or 'schema.table.column')");
  CHECK(first_error(header + "upgrade {\n  drop table t;\n") == "t.mig:4:16: error: expected '}' at the end of the block");
  CHECK(first_error(header + "upgrade { }\n") ==
        "t.mig:3:12: error: expected the 'downgrade' block (or 'downgrade irreversible;')");
  CHECK(first_error(header + "upgrade { execute $$ x; }\ndowngrade { }") ==
        "t.mig:3:19: error: unterminated $$ string that starts here");
}

TEST_CASE("grammar: `$` inside a name in raw SQL does not open a dollar quote") {
  CHECK(canon("create table t (a$b$c integer check (a$b$c > 0));") ==
        "create table t (\n    a$b$c integer check (a$b$c > 0)\n);");
}

TEST_CASE("grammar: `base`, `head` and `heads` are reserved in any case") {
  DiagnosticSink diags;
  auto r = parse_text("revision 0001\nrevises BASE\nupgrade { }\ndowngrade { }", diags);
  REQUIRE(r);
  CHECK(r->parents.empty());
  CHECK(first_error("revision HEAD\nrevises base\nupgrade { }\ndowngrade { }") ==
        "t.mig:1:10: error: 'HEAD' is reserved and cannot be a revision id");
  CHECK(first_error("revision a\nrevises (Base, b)\nupgrade { }\ndowngrade { }") ==
        "t.mig:2:10: error: 'Base' is reserved and cannot be a revision id");
}

TEST_CASE("grammar: keywords in any case, told apart past their eighth byte, and at the text's last byte") {
  CHECK(canon("CREATE TABLE T (A INTEGER NOT NULL AUTOINCREMENT FALSE, B DateTime(TimeZone) "
              "DEFAULT Current_Timestamp);") ==
        "create table T (\n    A integer not null autoincrement false,\n"
        "    B datetime(timezone) default current_timestamp\n);");
  // current_timestamq( is a function's name, not the keyword; unicode_texts is no type
  CHECK(canon("add column t.a datetime default current_timestamq();") ==
        "add column t.a datetime default current_timestamq();");
  CHECK(first_error(header + "upgrade {\n    add column t.a unicode_texts;\n}\ndowngrade {\n}\n") ==
        "t.mig:4:20: error: unknown type 'unicode_texts'; did you mean 'unicode_text'?");
  // `constrainx` has the length and the first eight bytes of `constraint`: a column's name
  CHECK(canon("create table t (constrainx integer, constraints integer);") ==
        "create table t (\n    constrainx integer,\n    constraints integer\n);");
  // the last word of the text has fewer than eight bytes after it
  CHECK(first_error(header + "upgrade {\n}\ndowngrade {\n    DROP") ==
        "t.mig:6:9: error: expected 'table', 'column', 'index' or 'constraint' after 'drop'");
}

TEST_CASE("grammar: a length is at most 2147483647, leading zeros aside") {
  CHECK(canon("add column t.a string(2147483647);") == "add column t.a string(2147483647);");
  CHECK(canon("add column t.a numeric(00000000000010, 000002);") == "add column t.a numeric(10, 2);");
  CHECK(first_error(header + "upgrade {\n    add column t.a string(2147483648);\n}\ndowngrade {\n}\n") ==
        "t.mig:4:27: error: number '2147483648' is too large");
  CHECK(first_error(header + "upgrade {\n    add column t.a string(184467440737095516150);\n}\ndowngrade {\n}\n") ==
        "t.mig:4:27: error: number '184467440737095516150' is too large");
}

TEST_CASE("grammar: a created time as written, its date and time one space apart") {
  auto created = [](std::string const& value) {
    DiagnosticSink diags;
    auto r = parse_text(header + "created " + value + "\nupgrade { }\ndowngrade { }", diags);
    return r && r->created ? std::string(r->created->text) : "error";
  };
  CHECK(created("2024-01-15 10:30:00") == "2024-01-15 10:30:00");
  CHECK(created("2024-01-15T10:30:00.25") == "2024-01-15T10:30:00.25");
  CHECK(created("2024-01-15   10:30:00") == "2024-01-15 10:30:00");
  CHECK(created("2024-01-15\t10:30:00") == "2024-01-15 10:30:00");
  CHECK(created("2024-01-15 \t 10:30:00.5") == "2024-01-15 10:30:00.5");
}
