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
#include <string_view>
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

// An empty folder of the test's own, in the system's temporary folder.
fs::path fresh_dir(std::string_view name) {
  auto const dir = fs::temp_directory_path() / fmt::format("retort-atomic-test-{}-{}", name, ::getpid());
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// Commits `file`, which then holds `expected` at `path`, the only file in its folder (no
// temporary file left).
void check_committed(AtomicFile& file, fs::path const& path, std::string const& expected) {
  std::string error;
  REQUIRE(file.commit(error));
  CHECK(error.empty());
  CHECK(slurp(path) == expected);
  CHECK(std::distance(fs::directory_iterator(path.parent_path()), fs::directory_iterator()) == 1);
}

}  // namespace

TEST_CASE("atomic file: the whole replaces the old file at commit, short or synced in rounds") {
  auto const dir = fresh_dir("whole");
  auto const path = dir / "out.sql";
  for (int pieces : {0, 1, 48}) {
    CAPTURE(pieces);
    std::ofstream(path) << "old";
    AtomicFile file(path.string());
    check_committed(file, path, write(file, pieces));
  }
  fs::remove_all(dir);
}

TEST_CASE("atomic file: without commit, the old file stays and no temporary file is left") {
  auto const dir = fresh_dir("discard");
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
  auto const dir = fresh_dir("own-table");
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
  check_committed(file, path, expected);
  fs::remove_all(dir);
}

// As upgrade -o has it: nothing is started on its way to the disk while the writeback is held;
// another thread starts it (after this one has written a part, or while it writes on), and
// the rest goes as it is written; or it is held to the end, and commit()'s fsync writes it all.
TEST_CASE("atomic file: held, nothing starts on its way to the disk until start_writeback(), from any thread") {
  auto const dir = fresh_dir("held");
  auto const path = dir / "out.sql";
  enum Start { between_writes, while_writing, never };
  for (Start start : {between_writes, while_writing, never}) {
    CAPTURE(start);
    std::ofstream(path) << "old";
    AtomicFile file(path.string());
    REQUIRE(file.open());
    file.hold_writeback();
    std::string expected = write(file, 8);  // 512 KB: past the rounds' threshold
    CHECK(file.started() == 0);
    auto const written = [&] { return static_cast<long long>(expected.size()); };
    if (start == between_writes) {
      std::thread([&] { file.start_writeback(); }).join();
      CHECK(file.started() == written());
      expected += write(file, 40);
      CHECK(file.started() == written());
    } else if (start == while_writing) {
      std::thread starter([&] { file.start_writeback(); });
      expected += write(file, 40);
      starter.join();
      CHECK(file.started() == written());
    } else {
      expected += write(file, 40);
      CHECK(file.started() == 0);
    }
    check_committed(file, path, expected);
  }
  fs::remove_all(dir);
}
