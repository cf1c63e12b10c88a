// Tests of the dialect table's pieces that rendering asks of every name.
#include "dialects/dialect.hpp"

#include <doctest/doctest.h>

using retort::dialects::WordSet;

TEST_CASE("dialects: a word set finds its members and nothing else, whatever their shapes") {
  std::string const long_word(70, 'x');
  std::string_view const words[] = {"select", "order", "on", "x", long_word};
  WordSet const set(std::begin(words), std::end(words));
  for (auto w : words) CHECK(set.contains(w));
  CHECK_FALSE(set.contains("selects"));               // a member's first letter, another length
  CHECK_FALSE(set.contains("sample"));                // a member's first letter and length
  CHECK_FALSE(set.contains("ox"));                    // a member's first letter, shorter
  CHECK_FALSE(set.contains(std::string(64, 'x')));    // past 63: the lengths share one bit
  CHECK_FALSE(set.contains(""));
  CHECK_FALSE(WordSet().contains("select"));
}

TEST_CASE("dialects: a word set tells apart the many members of one first letter, given in any order, twice") {
  std::string_view const words[] = {"over", "or", "on", "order", "of", "outer", "off", "only", "on", "order"};
  WordSet const set(std::begin(words), std::end(words));
  for (auto w : words) CHECK(set.contains(w));
  for (auto w : {"ox", "oo", "ovel", "orders", "o", "OR", "onlY"}) CHECK_FALSE(set.contains(w));
}

TEST_CASE("dialects: a word set finds a member among others of its first letter and of other lengths, the longest alike") {
  std::string const a63(63, 'a'), a70(70, 'a'), a64(64, 'a');
  std::string_view const words[] = {"abcdefg", "az", "abc", "ab", "abcde", "b", a70, a63, "zz"};
  WordSet const set(std::begin(words), std::end(words));
  for (auto w : words) CHECK(set.contains(w));
  for (std::string_view w : {"ay", "abd", "abcdf", "abcdefh", "ba", "zy", "z"}) CHECK_FALSE(set.contains(w));
  CHECK_FALSE(set.contains(a64));  // (lengths from 63 on share one bit: two members there, and not this one)
}
