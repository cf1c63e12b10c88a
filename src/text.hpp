// Short texts compared in place: names, revision ids, reserved words. Each is a few bytes,
// and a call to memcmp for them cost more than the bytes themselves.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace retort {

// Whether `a` and `b` are the same text. From 8 to 16 bytes, the first and the last eight are
// compared as two numbers (revision ids of one length mostly differ inside: r00010000050,
// r00020000050); other lengths compare the two ends first (names of one length mostly differ
// at one), then the bytes between.
[[gnu::always_inline]] inline bool same_text(std::string_view a, std::string_view b) {
  auto const n = a.size();
  if (n != b.size()) return false;
  if (n >= 8 && n <= 16) {
    auto const eight = [](char const* p) {
      std::uint64_t v;
      std::memcpy(&v, p, sizeof v);
      return v;
    };
    return eight(a.data()) == eight(b.data()) && eight(a.data() + n - 8) == eight(b.data() + n - 8);
  }
  if (n == 0) return true;
  if (a.front() != b.front() || a.back() != b.back()) return false;
  for (std::size_t i = 1; i + 1 < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

}  // namespace retort
