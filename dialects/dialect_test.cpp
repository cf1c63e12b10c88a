// Tests of the dialect table's pieces that rendering asks of every name.
#include "dialects/dialect.hpp"
#include "grammar/parse.hpp"

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

TEST_CASE("dialects: every dialect the language names is found by its name, and is the one of that name") {
  for (auto name : retort::grammar::dialect_names) {
    CAPTURE(name);
    auto const* d = retort::dialects::find_dialect(name);
    REQUIRE(d != nullptr);
    CHECK(d->name == name);
    CHECK(retort::dialects::find_dialect(name) == d);  // built once
  }
  CHECK(retort::dialects::find_dialect("postgres") == nullptr);
}

TEST_CASE("dialects: a name written as it is for one dialect is still quoted for another that reserves it") {
  using retort::dialects::find_dialect;
  using retort::dialects::quote;
  auto const& pg = *find_dialect("postgresql");
  auto const& mysql = *find_dialect("mysql");
  // Each name in turn for PostgreSQL (as it is), then for MySQL (reserved there), then again:
  // names of sizes held each way (3, 4 and 5, 10 and 16 bytes) and one too long to be held (17).
  for (std::string_view name : {"key", "rank", "index", "read_write", "hour_microsecond", "ignore_server_ids"}) {
    CAPTURE(name);
    CHECK(quote(pg, name) == name);
    CHECK(quote(mysql, name) == "`" + std::string(name) + "`");
    CHECK(quote(pg, name) == name);
  }
  // Names told apart by one byte only, at each place a size's two words hold it.
  CHECK(quote(mysql, "ranx") == "ranx");
  CHECK(quote(mysql, "rank") == "`rank`");
  CHECK(quote(mysql, "hour_microsecxnd") == "hour_microsecxnd");
  CHECK(quote(mysql, "hour_microsecond") == "`hour_microsecond`");
  CHECK(quote(mysql, "xour_microsecond") == "xour_microsecond");
  CHECK(quote(mysql, "hour_xicrosecond") == "hour_xicrosecond");
  CHECK(quote(mysql, "hour_microsecond") == "`hour_microsecond`");
  CHECK(quote(mysql, "kex") == "kex");
  CHECK(quote(mysql, "key") == "`key`");
  CHECK(quote(mysql, "kxy") == "kxy");
  CHECK(quote(mysql, "key") == "`key`");
}
