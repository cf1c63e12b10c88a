// Tests of AtomicFile: a file written in pieces replaces the old one whole at commit(), or
// not at all, also where it is long enough to be synced in rounds as it is written.
#include "src/atomic_file.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <doctest/doctest.h>
#include <fmt/format.h>

namespace fs = std::filesystem;
using retort::AtomicFile;

namespace {

std::string slurp(fs::path const& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// `pieces` pieces of 64 KB, each of its own letter: 3 MB are synced in rounds as they are written.
std::string write(AtomicFile& file, int pieces) {
  std::string all;
  for (int i = 0; i < pieces; ++i) {
    std::string const piece(64 << 10, static_cast<char>('a' + i % 26));
    file.write(piece);
    all += piece;
  }
  return all;
}

}  // namespace

TEST_CASE("atomic file: the whole replaces the old file at commit, short or synced in rounds") {
  auto const dir = fs::temp_directory_path() / fmt::format("retort-atomic-test-{}", ::getpid());
  fs::remove_all(dir);
  fs::create_directories(dir);
  auto const path = dir / "out.sql";
  for (int pieces : {0, 1, 48}) {
    CAPTURE(pieces);
    std::ofstream(path) << "old";
    std::string expected;
    {
      AtomicFile file(path.string());
      expected = write(file, pieces);
      std::string error;
      REQUIRE(file.commit(error));
      CHECK(error.empty());
    }
    CHECK(slurp(path) == expected);
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);  // no temporary file left
  }
  fs::remove_all(dir);
}

TEST_CASE("atomic file: without commit, the old file stays and no temporary file is left") {
  auto const dir = fs::temp_directory_path() / fmt::format("retort-atomic-test-discard-{}", ::getpid());
  fs::remove_all(dir);
  fs::create_directories(dir);
  auto const path = dir / "out.sql";
  for (int pieces : {1, 48}) {
    CAPTURE(pieces);
    std::ofstream(path) << "old";
    {
      AtomicFile file(path.string());
      write(file, pieces);
    }  // (an error elsewhere: never committed)
    CHECK(slurp(path) == "old");
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  }
  fs::remove_all(dir);
}
