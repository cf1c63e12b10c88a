#include "src/key_map.hpp"

#include <doctest/doctest.h>

#include <map>
#include <random>
#include <string>

using retort::schema::KeyMap;

namespace {

// The map's elements, in key order (its own order has no meaning).
std::map<std::string, int> contents(KeyMap<int> const& m) {
  std::map<std::string, int> out;
  for (auto const& [k, v] : m) CHECK(out.emplace(k, v).second);
  return out;
}

}  // namespace

TEST_CASE("key map: the same elements as a std::map through inserts and erases, slots wrapping around") {
  // Few keys in a table of 16 to 64 slots: runs of taken slots reach its end and go on at its
  // start, where erasing moves later elements back across the end.
  std::mt19937 random(7);
  for (int round = 0; round < 200; ++round) {
    KeyMap<int> m;
    std::map<std::string, int> expected;
    for (int op = 0; op < 400; ++op) {
      auto const k = "t" + std::to_string(random() % 24);
      switch (random() % 4) {
        case 0:
        case 1: {
          auto const [it, inserted] = m.emplace(k, op);
          CHECK(inserted == expected.emplace(k, op).second);
          CHECK(it->first == k);
          CHECK(it->second == expected.at(k));
          break;
        }
        case 2:
          CHECK(m.erase(k) == expected.erase(k));
          break;
        default:
          if (auto it = m.find(k); it != m.end()) {
            m.erase(it);
            expected.erase(k);
          } else {
            CHECK(!expected.contains(k));
          }
      }
      REQUIRE(m.size() == expected.size());
      for (auto const& [ek, ev] : expected) {
        REQUIRE(m.contains(ek));
        CHECK(m.at(ek) == ev);
      }
    }
    CHECK(contents(m) == expected);
  }
}

TEST_CASE("key map: elements stay where they are as the map grows; copies, moves, equality") {
  KeyMap<int> m;
  int& first = m["a"];
  first = 1;
  for (int i = 0; i < 5000; ++i) m.emplace("k" + std::to_string(i), i);
  CHECK(&m.at("a") == &first);  // grown many times over
  CHECK(m.size() == 5001);
  CHECK(m.at("k4999") == 4999);
  CHECK(!m.contains("k5000"));
  CHECK_THROWS_AS(m.at("k5000"), std::out_of_range);

  KeyMap<int> copy = m;
  CHECK(copy == m);
  copy.at("k7") = -7;
  CHECK(!(copy == m));
  copy.at("k7") = 7;
  CHECK(copy == m);
  copy.erase("k7");
  CHECK(!(copy == m));

  KeyMap<int> moved = std::move(copy);
  CHECK(moved.size() == 5000);
  CHECK(copy.empty());  // NOLINT: a moved-from map is empty, and usable
  copy.emplace("again", 1);
  CHECK(copy.at("again") == 1);
  m.clear();
  CHECK(m.empty());
  CHECK(m.find("a") == m.end());
  m.emplace("b", 2);
  CHECK(contents(m) == std::map<std::string, int>{{"b", 2}});
}

TEST_CASE("key map: extract and insert under another key; merge moves what the other lacks") {
  KeyMap<int> m;
  m.emplace("old", 1);
  m.emplace("other", 2);
  auto node = m.extract("old");
  REQUIRE(node);
  CHECK(node.key() == "old");
  CHECK(!m.contains("old"));
  node.key() = "new";
  node.mapped() = 3;
  auto const put = m.insert(std::move(node));
  CHECK(put.inserted);
  CHECK(put.position->first == "new");
  CHECK(contents(m) == std::map<std::string, int>{{"new", 3}, {"other", 2}});
  CHECK(!m.extract("missing"));

  KeyMap<int> from;
  for (int i = 0; i < 100; ++i) from.emplace("k" + std::to_string(i), i);
  KeyMap<int> into;
  into.emplace("k5", -5);
  into.emplace("x", 0);
  into.merge(from);
  CHECK(into.size() == 101);
  CHECK(into.at("k5") == -5);  // kept: the key was there
  CHECK(into.at("k6") == 6);
  CHECK(contents(from) == std::map<std::string, int>{{"k5", 5}});  // what stayed behind
}
