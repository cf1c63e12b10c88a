// Tests of SourceFile: reading files, and offsets to lines and columns.
#include "src/source.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <doctest/doctest.h>

using retort::SourceFile;

TEST_CASE("source: offsets map to 1-based lines and columns") {
  SourceFile f("a.mig", "ab\ncd\n\nx");
  CHECK(f.position(0).line == 1);
  CHECK(f.position(1).column == 2);
  CHECK(f.position(3).line == 2);
  CHECK(f.position(3).column == 1);
  CHECK(f.position(7).line == 4);
  CHECK(f.position(100).line == 4);  // past the end: the last position
  CHECK(f.line_text(2) == "cd");
  CHECK(f.line_text(3) == "");
  CHECK(f.line_text(9) == "");
}

TEST_CASE("source: a UTF-8 byte-order mark is dropped") {
  SourceFile f("a.mig", "\xEF\xBB\xBFrevision x");
  CHECK(f.text() == "revision x");
  CHECK(f.position(0).column == 1);
}

TEST_CASE("source: columns count characters, not bytes; a tab is one column") {
  SourceFile f("a.mig", "\t'\xC3\xA9t\xC3\xA9' x");
  CHECK(f.position(1).column == 2);  // after the tab
  CHECK(f.position(8).column == 7);  // `x`, after two 2-byte characters
}

TEST_CASE("source: CRLF line ends are not part of the line") {
  SourceFile f("a.mig", "one\r\ntwo\r\n");
  CHECK(f.line_text(1) == "one");
  CHECK(f.position(5).line == 2);
  CHECK(f.position(5).column == 1);
}

TEST_CASE("source: views of the text and of kept spellings survive the file's moves") {
  SourceFile f("a.mig", "ab");  // short enough for a string to hold it in place
  auto const text = f.text();
  auto const kept = f.keep("it's");
  std::vector<SourceFile> files;
  files.push_back(std::move(f));
  for (int i = 0; i < 8; ++i) files.emplace_back("b.mig", "");  // the vector moves its files
  CHECK(text == "ab");
  CHECK(text.data() == files.front().text().data());
  CHECK(kept == "it's");
}

TEST_CASE("source: a file is read whole, at every size around the read buffer's, listed or not") {
  char folder[] = "/tmp/retort-source-test-XXXXXX";
  REQUIRE(mkdtemp(folder) != nullptr);
  for (std::size_t size : {0, 1, 4095, 65535, 65536, 65537, 200000}) {
    std::string content(size, '\0');
    for (std::size_t i = 0; i < size; ++i) content[i] = static_cast<char>('a' + i % 23);
    std::string const path = std::string(folder) + "/f.mig";
    std::FILE* out = std::fopen(path.c_str(), "wb");
    REQUIRE(out != nullptr);
    REQUIRE(std::fwrite(content.data(), 1, size, out) == size);
    REQUIRE(std::fclose(out) == 0);
    for (bool listed_regular : {true, false}) {
      CAPTURE(size);
      CAPTURE(listed_regular);
      std::string error;
      auto const file = SourceFile::read_in(AT_FDCWD, path, 0, listed_regular, error);
      REQUIRE(file.has_value());
      CHECK(error.empty());
      CHECK(file->text() == content);
      CHECK(file->path() == path);
    }
    std::remove(path.c_str());
  }
  std::string error;
  CHECK_FALSE(SourceFile::read_in(AT_FDCWD, folder, 0, false, error).has_value());
  CHECK(error == "it is a directory");
  rmdir(folder);
}
