#include "src/pieces.hpp"

#include <doctest/doctest.h>

#include <sys/mman.h>

#include <cstdint>
#include <array>
#include <cstring>
#include <new>
#include <random>
#include <thread>
#include <vector>

namespace pieces = retort::pieces;

namespace {

std::uintptr_t address(void const* p) { return reinterpret_cast<std::uintptr_t>(p); }

constexpr std::size_t piece = 64 * 1024;

}  // namespace

TEST_CASE("pieces: every small size has the least class that holds it, a class at most a quarter larger") {
  CHECK(pieces::size_class(0) == 0);
  CHECK(pieces::class_bytes(pieces::size_class(1)) == 16);
  CHECK(pieces::class_bytes(pieces::size_class(17)) == 32);
  CHECK(pieces::class_bytes(pieces::size_class(256)) == 256);
  CHECK(pieces::class_bytes(pieces::size_class(257)) == 320);
  CHECK(pieces::class_bytes(pieces::size_class(1025)) == 1280);
  CHECK(pieces::size_class(4096) == 31);
  CHECK(pieces::class_bytes(31) == 4096);
  for (std::size_t bytes = 1; bytes <= 4096; ++bytes) {
    unsigned c = pieces::size_class(bytes);
    CAPTURE(bytes);
    CHECK(pieces::class_bytes(c) >= bytes);
    CHECK(pieces::class_bytes(c) % 16 == 0);
    CHECK(pieces::class_bytes(c) <= bytes + bytes / 4 + 15);
    if (c > 0) CHECK(pieces::class_bytes(c - 1) < bytes);
  }
}

TEST_CASE("pieces: a thread carves a class's blocks in turn from a piece of their own, after its header") {
  std::vector<void*> got;
  std::thread([&] {  // a thread of its own: none of its classes has a piece yet
    for (int i = 0; i < 3; ++i) got.push_back(pieces::allocate(40));
    got.push_back(pieces::allocate(300));
  }).join();
  CHECK(address(got[0]) % piece == 64);
  CHECK(address(got[1]) == address(got[0]) + 48);
  CHECK(address(got[2]) == address(got[0]) + 96);
  CHECK(address(got[3]) % piece == 64);  // another class, another piece
  CHECK(address(got[3]) / piece != address(got[0]) / piece);
  for (void* p : got) pieces::release(p);
}

TEST_CASE("pieces: threads take their pieces from 2 MiB stretches of their own") {
  std::vector<void*> got(4);
  std::thread([&] { got[0] = pieces::allocate(24), got[1] = pieces::allocate(700); }).join();
  std::thread([&] { got[2] = pieces::allocate(24), got[3] = pieces::allocate(700); }).join();
  constexpr std::size_t stretch = 2 << 20;
  CHECK(address(got[0]) / stretch == address(got[1]) / stretch);  // one thread's two pieces
  CHECK(address(got[2]) / stretch == address(got[3]) / stretch);
  CHECK(address(got[0]) / stretch != address(got[2]) / stretch);
  CHECK(address(got[1]) - address(got[0]) == piece);  // its pieces in turn
  for (void* p : got) pieces::release(p);
}

TEST_CASE("pieces: a class's second piece on a thread is in memory as it is taken, its first only where written") {
  std::vector<void*> got;
  std::thread([&] {
    for (int i = 0; i < 16; ++i) got.push_back(pieces::allocate(4000));  // 15 blocks a piece
  }).join();
  auto resident = [](void* p) {
    std::array<unsigned char, 16> pages{};
    void* start = reinterpret_cast<void*>(address(p) & ~(piece - 1));
    REQUIRE(mincore(start, piece, pages.data()) == 0);
    int n = 0;
    for (unsigned char page : pages) n += page & 1;
    return n;
  };
  CHECK(address(got[15]) / piece != address(got[14]) / piece);
  CHECK(resident(got[0]) == 1);  // its header's page
  CHECK(resident(got[15]) == 16);
  for (void* p : got) pieces::release(p);
}

TEST_CASE("pieces: blocks of any size are aligned, hold what was asked, overlap no other, and are used again once freed") {
  std::mt19937 random(11);
  std::vector<std::pair<unsigned char*, std::size_t>> blocks;
  for (int i = 0; i < 3000; ++i) {
    std::size_t bytes = i % 100 == 0 ? 4097 + random() % (3 << 20) : 1 + random() % 5000;
    auto* p = static_cast<unsigned char*>(pieces::allocate(bytes));
    CHECK(address(p) % 16 == 0);
    CHECK(pieces::usable_size(p) >= bytes);
    std::memset(p, i & 0xFF, bytes);
    blocks.emplace_back(p, bytes);
  }
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    auto [p, bytes] = blocks[i];
    CAPTURE(i);
    CHECK(p[0] == (i & 0xFF));
    CHECK(p[bytes - 1] == (i & 0xFF));
    CHECK(p[bytes / 2] == (i & 0xFF));
  }
  // The last block freed of a class is the next one handed out there.
  for (auto [p, bytes] : blocks) {
    if (bytes > 4096) continue;
    pieces::release(p);
    CHECK(pieces::allocate(bytes) == p);
  }
  for (auto [p, bytes] : blocks) pieces::release(p);
  pieces::release(nullptr);
}

TEST_CASE("pieces: a large block spans whole pieces, kept once freed for the next of as many, the rest of a larger one kept apart") {
  auto* a = static_cast<char*>(pieces::allocate(200 * 1024));  // 4 pieces with the header
  CHECK(address(a) % piece == 64);
  CHECK(pieces::usable_size(a) == 4 * piece - 64);
  pieces::release(a);
  CHECK(pieces::allocate(210 * 1024) == a);  // as many pieces
  pieces::release(a);

  // 151 pieces, freed (its pages beyond the first given back), then 77 of them and the other
  // 74 (blocks of 64 pieces or more are taken by first fit, the rest kept apart).
  auto* big = static_cast<char*>(pieces::allocate(150 * piece));
  std::memset(big, 1, 150 * piece);
  pieces::release(big);
  auto* first = static_cast<char*>(pieces::allocate(77 * piece - 64));
  CHECK(first == big);
  std::memset(first, 2, 77 * piece - 64);
  auto* rest = static_cast<char*>(pieces::allocate(74 * piece - 64));
  CHECK(rest == big + 77 * piece);
  CHECK(pieces::usable_size(rest) == 74 * piece - 64);
  std::memset(rest, 3, 74 * piece - 64);
  pieces::release(first);
  pieces::release(rest);
}

TEST_CASE("pieces: aligned blocks") {
  for (std::size_t alignment : {32, 64, 256, 4096, 16384}) {
    CAPTURE(alignment);
    auto* p = static_cast<char*>(pieces::allocate_aligned(100, alignment));
    CHECK(address(p) % alignment == 0);
    CHECK(pieces::usable_size(p) >= 100);
    std::memset(p, 7, 100);
    pieces::release(p);
  }
  CHECK(address(pieces::allocate_aligned(24, 16)) % 16 == 0);
  CHECK_THROWS_AS(pieces::allocate_aligned(100, 32768), std::bad_alloc);
}

TEST_CASE("pieces: more than the system can give is std::bad_alloc") {
  CHECK_THROWS_AS(pieces::allocate(std::size_t{1} << 50), std::bad_alloc);
  CHECK_THROWS_AS(pieces::allocate(~std::size_t{0} - 8), std::bad_alloc);
}

TEST_CASE("pieces: a block freed on another thread is that thread's to hand out next") {
  void* made = nullptr;
  void* made_next = nullptr;
  std::thread([&] { made = pieces::allocate(72); }).join();
  pieces::release(made);
  CHECK(pieces::allocate(72) == made);
  std::thread([&] { made_next = pieces::allocate(72); }).join();
  CHECK(made_next != made);
  pieces::release(made);
  pieces::release(made_next);
}
