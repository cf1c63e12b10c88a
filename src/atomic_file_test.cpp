// Tests of AtomicFile: a file written in pieces replaces the old one whole at commit(), or
// not at all, also where it is long enough to be synced in rounds as it is written.
#include "src/atomic_file.hpp"
#include "src/threads.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

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

// As upgrade -o has it: the file is opened first, then written by a thread that has taken a
// table of open files of its own (the one that reads files beside the replay, lent to write
// the script's pieces), then committed by the thread that opened it. Opened at the first
// write, by the thread with its own table, the file would be a descriptor the committing
// thread does not have.
TEST_CASE("atomic file: opened, then written by a thread with a file table of its own") {
  auto const dir = fs::temp_directory_path() / fmt::format("retort-atomic-test-own-table-{}", ::getpid());
  fs::remove_all(dir);
  fs::create_directories(dir);
  auto const path = dir / "out.sql";
  std::ofstream(path) << "old";
  AtomicFile file(path.string());
  REQUIRE(file.open());
  std::string expected;
  bool own = false;
  int theirs = -1;  // a file the thread opens after taking its table
  std::thread([&] {
    own = retort::own_file_table();
    theirs = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    expected = write(file, 48);  // synced in rounds too, by a thread it starts
  }).join();
  if (own) CHECK(::fcntl(theirs, F_GETFD) == -1);  // not in this thread's table
  else MESSAGE("the kernel refused a table of its own: the thread shared this one");
  std::string error;
  REQUIRE(file.commit(error));
  CHECK(error.empty());
  CHECK(slurp(path) == expected);
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  fs::remove_all(dir);
}
