// RevList: a node's list of revisions, two in place and more apart, read as a vector is; and
// NameIndex: names to revisions.
#include <doctest/doctest.h>

#include <span>
#include <string>
#include <utility>
#include <vector>

#include "src/graph.hpp"

using namespace retort;

namespace {

std::vector<Rev> held(RevList const& l) { return {l.begin(), l.end()}; }

RevList of(std::vector<Rev> const& revs) {
  RevList l;
  l.assign(revs.begin(), revs.end());
  return l;
}

}  // namespace

TEST_CASE("RevList: holds what is pushed, in order, in place or apart") {
  for (std::size_t n : {0u, 1u, 2u, 3u, 4u, 5u, 9u}) {
    std::vector<Rev> want;
    RevList l;
    for (Rev r = 0; r < n; ++r) {
      l.push_back(10 * r + 7);
      want.push_back(10 * r + 7);
    }
    CHECK(held(l) == want);
    CHECK(l.size() == n);
    CHECK(l.empty() == (n == 0));
    if (n) {
      CHECK(l.front() == 7);
      CHECK(l.back() == want.back());
      CHECK(l[n - 1] == want.back());
    }
    CHECK(std::vector<Rev>(std::span<Rev const>(l).begin(), std::span<Rev const>(l).end()) == want);
  }
}

TEST_CASE("RevList: copies, moves and assignments keep their own revisions") {
  for (std::vector<Rev> const& revs : {std::vector<Rev>{}, {1}, {1, 2}, {1, 2, 3}, {1, 2, 3, 4, 5}}) {
    auto const original = of(revs);
    RevList copy = original;
    CHECK(held(copy) == revs);
    copy.push_back(99);  // the original keeps what it had
    CHECK(held(original) == revs);
    RevList moved = std::move(copy);
    auto with = revs;
    with.push_back(99);
    CHECK(held(moved) == with);
    CHECK(copy.empty());  // NOLINT: moved from, empty and usable
    copy.push_back(5);
    CHECK(held(copy) == std::vector<Rev>{5});
    for (std::vector<Rev> const& before : {std::vector<Rev>{8}, {8, 9, 10}}) {
      auto target = of(before);
      target = original;
      CHECK(held(target) == revs);
      auto other = of(before);
      other = of(revs);
      CHECK(held(other) == revs);
      CHECK(other == original);
    }
    auto& self = moved;
    moved = self;
    CHECK(held(moved) == with);
  }
  CHECK(of({1, 2, 3}) != of({1, 2}));
  CHECK(of({1, 2, 3}) != of({1, 2, 4}));
}

TEST_CASE("NameIndex: finds each name added, under the revision it was added with, and no other") {
  // Without room made first, and with it: the index grows as names come (each size's last
  // slots fill, and the probes wrap around to the first).
  for (bool reserved : {false, true}) {
    CAPTURE(reserved);
    std::vector<std::string> names;
    for (int i = 0; i < 1000; ++i) names.push_back("r" + std::to_string(i * 7919));
    names.push_back("");  // an empty name is a name like any other
    NameIndex index;
    if (reserved) index.reserve(names.size());
    CHECK_FALSE(index.find("r0"));
    for (Rev r = 0; r < names.size(); ++r) CHECK(index.emplace(names[r], r) == std::pair<Rev, bool>(r, true));
    for (Rev r = 0; r < names.size(); ++r) {
      CAPTURE(names[r]);
      CHECK(index.find(names[r]) == r);
      // The same name again keeps its revision; a name only found by a copy of its text too.
      CHECK(index.emplace(names[r], r + 5000) == std::pair<Rev, bool>(r, false));
      CHECK(index.find(std::string(names[r])) == r);
    }
    for (std::string_view absent : {"r1", "r7918", "r0 ", "R0", " "}) CHECK_FALSE(index.find(absent));
  }
}
