// Tests of the diagnostic renderer: the whole text, with source line and caret.
#include "src/diagnostics.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace retort;

namespace {
std::string render_one(std::string text, std::size_t offset, DiagKind kind, std::string arg) {
  DiagnosticSink sink;
  SourceFile file("versions/0042_x.mig", std::move(text));
  sink.error(file, offset, kind, arg);
  REQUIRE(sink.size() == 1);
  return render(sink.diagnostics().front());
}
}  // namespace

TEST_CASE("diagnostics: path:line:col, the source line and a caret under the column") {
  CHECK(render_one("upgrade {\n    drop table users\n}\n", 30, DiagKind::expected, "';' after the statement") ==
        "versions/0042_x.mig:2:21: error: expected ';' after the statement\n"
        "    drop table users\n"
        "                    ^\n");
}

TEST_CASE("diagnostics: the caret line keeps the source's tabs") {
  CHECK(render_one("\t\tdrop x;", 2, DiagKind::expected, "a statement") ==
        "versions/0042_x.mig:1:3: error: expected a statement\n"
        "\t\tdrop x;\n"
        "\t\t^\n");
}

TEST_CASE("diagnostics: multi-byte characters take one caret column") {
  CHECK(render_one("x '\xC3\xA9\xC3\xA9' #", 9, DiagKind::unexpected_character, "'#'") ==
        "versions/0042_x.mig:1:8: error: unexpected character '#'\n"
        "x '\xC3\xA9\xC3\xA9' #\n"
        "       ^\n");
}

TEST_CASE("diagnostics: CRLF is not shown, control characters are shown as '?'") {
  CHECK(render_one("a\x01 b\r\nc", 3, DiagKind::expected, "x") ==
        "versions/0042_x.mig:1:4: error: expected x\n"
        "a? b\n"
        "   ^\n");
}

TEST_CASE("diagnostics: errors about a whole file or about no file") {
  DiagnosticSink sink;
  sink.file_error("retort.ini", DiagKind::bad_config, "unknown setting 'retort.dialekt'");
  sink.error(DiagKind::no_config, "./retort.ini");
  CHECK(sink.has_errors());
  CHECK(render(sink.diagnostics()[0]) == "retort.ini: error: unknown setting 'retort.dialekt'\n");
  CHECK(render(sink.diagnostics()[1]) ==
        "retort: error: no './retort.ini' here; run 'retort init DIR' or pass -c FILE\n");
}

TEST_CASE("diagnostics: every kind has a unique name and a format") {
  std::set<std::string_view> names;
  for (auto kind : all_diag_kinds()) {
    CHECK(!diag_format(kind).empty());
    CHECK(names.insert(diag_name(kind)).second);
  }
}
