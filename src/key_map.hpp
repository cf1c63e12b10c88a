// KeyMap: the schema model's maps by table or index key (src/schema.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <tuple>
#include <type_traits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace retort::schema {

// Hashes the keys of tables and indexes and the views they are looked up by alike, so that
// looking up an unqualified name builds no key (see KeyView). Keys are short names: FNV-1a,
// inline, where std::hash calls a general hash made for long strings.
struct KeyHash {
  std::size_t operator()(std::string_view s) const {
    std::uint64_t h = 0xcbf29ce484222325u;
    for (unsigned char c : s) h = (h ^ c) * 0x100000001b3u;
    return static_cast<std::size_t>(h ^ (h >> 32));
  }
};

// A hash map from a key to a V, with std::unordered_map's interface as far as the model uses
// it, and its stable elements (each in a node of its own: a pointer to one holds until it is
// erased), but found through a flat table of (hash, node) slots, by linear probing:
// std::unordered_map reaches an element through its bucket, the node before it in the map's
// one list, then the node itself, three places in memory that a map of 100,000 tables seldom
// has in the cache; here the slot and the node. At 100,000 revisions the replay's lookups
// took a quarter of the replaying thread's time.
// Iteration follows the slots: an order of no meaning, as a hashed map's (where an order
// shows, keys are sorted). Inserting invalidates iterators, as a rehash does; erasing too
// (later slots move back), but not pointers or references to other elements.
template <typename V>
class KeyMap {
 public:
  using key_type = std::string;
  using mapped_type = V;
  using value_type = std::pair<std::string const, V>;

 private:
  struct Node {
    value_type kv;
  };
  struct Slot {
    std::size_t hash = 0;
    Node* node = nullptr;  // none: empty
  };

 public:
  template <bool Const>
  class Iter {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = KeyMap::value_type;
    using difference_type = std::ptrdiff_t;
    using pointer = std::conditional_t<Const, value_type const*, value_type*>;
    using reference = std::conditional_t<Const, value_type const&, value_type&>;
    Iter() = default;
    template <bool C = Const, typename = std::enable_if_t<C>>
    Iter(Iter<false> const& o) : at_(o.at_), end_(o.end_) {}  // NOLINT: implicit, as std's
    reference operator*() const { return at_->node->kv; }
    pointer operator->() const { return &at_->node->kv; }
    Iter& operator++() {
      ++at_;
      skip();
      return *this;
    }
    Iter operator++(int) {
      auto was = *this;
      ++*this;
      return was;
    }
    friend bool operator==(Iter const& a, Iter const& b) { return a.at_ == b.at_; }

   private:
    friend class KeyMap;
    friend class Iter<!Const>;
    using SlotPtr = std::conditional_t<Const, Slot const*, Slot*>;
    Iter(SlotPtr at, SlotPtr end) : at_(at), end_(end) { skip(); }
    void skip() {
      while (at_ != end_ && !at_->node) ++at_;
    }
    SlotPtr at_ = nullptr;
    SlotPtr end_ = nullptr;
  };
  using iterator = Iter<false>;
  using const_iterator = Iter<true>;

  // An element taken out of the map (extract), to be put back, under another key if need be.
  class node_type {
   public:
    node_type() = default;
    explicit operator bool() const { return value_.has_value(); }
    std::string& key() { return key_; }
    V& mapped() { return *value_; }

   private:
    friend class KeyMap;
    std::string key_;
    std::optional<V> value_;
  };
  struct insert_return_type {
    iterator position;
    bool inserted;
  };

  KeyMap() = default;
  KeyMap(KeyMap const& o) {
    reserve(o.size_);
    for (auto const& [k, v] : o) emplace(k, v);
  }
  KeyMap(KeyMap&& o) noexcept
      : slots_(std::move(o.slots_)), size_(std::exchange(o.size_, 0)), shift_(std::exchange(o.shift_, 64)) {
    o.slots_.clear();
  }
  KeyMap& operator=(KeyMap const& o) {
    if (this != &o) {
      KeyMap copy(o);
      swap(copy);
    }
    return *this;
  }
  KeyMap& operator=(KeyMap&& o) noexcept {
    if (this != &o) {
      KeyMap gone(std::move(*this));
      swap(o);
    }
    return *this;
  }
  ~KeyMap() {
    for (auto& s : slots_) delete s.node;
  }
  void swap(KeyMap& o) noexcept {
    slots_.swap(o.slots_);
    std::swap(size_, o.size_);
    std::swap(shift_, o.shift_);
  }

  iterator begin() { return {slots_.data(), slots_.data() + slots_.size()}; }
  iterator end() { return {slots_.data() + slots_.size(), slots_.data() + slots_.size()}; }
  const_iterator begin() const { return {slots_.data(), slots_.data() + slots_.size()}; }
  const_iterator end() const { return {slots_.data() + slots_.size(), slots_.data() + slots_.size()}; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  // Room for `n` elements without growing (at most half the slots are taken).
  void reserve(std::size_t n) {
    std::size_t want = 16;
    while (want < 2 * n) want *= 2;
    if (want > slots_.size()) rehash(want);
  }
  void clear() {
    for (auto& s : slots_) {
      delete s.node;
      s = Slot{};
    }
    size_ = 0;
  }

  iterator find(std::string_view k) { return at_slot(locate(k, KeyHash{}(k))); }
  const_iterator find(std::string_view k) const {
    auto const i = locate(k, KeyHash{}(k));
    return i == npos ? end() : const_iterator(slots_.data() + i, slots_.data() + slots_.size());
  }
  bool contains(std::string_view k) const { return locate(k, KeyHash{}(k)) != npos; }
  V& at(std::string_view k) {
    auto const i = locate(k, KeyHash{}(k));
    if (i == npos) throw std::out_of_range("KeyMap::at");
    return slots_[i].node->kv.second;
  }
  V const& at(std::string_view k) const { return const_cast<KeyMap&>(*this).at(k); }
  V& operator[](std::string_view k) { return try_emplace(k).first->second; }

  template <typename... Args>
  std::pair<iterator, bool> try_emplace(std::string_view k, Args&&... args) {
    auto const h = KeyHash{}(k);
    if (auto const i = locate(k, h); i != npos) return {at_slot(i), false};
    return {at_slot(place(h, new Node{value_type(std::piecewise_construct, std::forward_as_tuple(k),
                                                  std::forward_as_tuple(std::forward<Args>(args)...))})),
            true};
  }
  template <typename K, typename... Args>
  std::pair<iterator, bool> emplace(K&& k, Args&&... args) {
    auto const h = KeyHash{}(std::string_view(k));
    if (auto const i = locate(k, h); i != npos) return {at_slot(i), false};
    return {at_slot(place(h, new Node{value_type(std::forward<K>(k), std::forward<Args>(args)...)})), true};
  }

  std::size_t erase(std::string_view k) {
    auto const i = locate(k, KeyHash{}(k));
    if (i == npos) return 0;
    remove(i);
    return 1;
  }
  void erase(const_iterator it) { remove(static_cast<std::size_t>(it.at_ - slots_.data())); }

  node_type extract(std::string_view k) {
    node_type out;
    auto const i = locate(k, KeyHash{}(k));
    if (i == npos) return out;
    auto* n = slots_[i].node;
    out.key_ = std::move(const_cast<std::string&>(n->kv.first));  // (the node goes)
    out.value_.emplace(std::move(n->kv.second));
    remove(i);
    return out;
  }
  insert_return_type insert(node_type&& n) {
    if (!n) return {end(), false};
    auto [it, inserted] = emplace(std::move(n.key_), std::move(*n.value_));
    if (inserted) n.value_.reset();
    return {it, inserted};
  }
  // Moves in every element of `other` whose key this map lacks (the others stay there).
  void merge(KeyMap& other) {
    for (std::size_t i = 0; i < other.slots_.size();) {
      auto const s = other.slots_[i];
      if (!s.node || locate(s.node->kv.first, s.hash) != npos) {
        ++i;
        continue;
      }
      other.slots_[i].node = nullptr;  // taken: the slot emptied as remove() empties one
      other.close_gap(i);
      --other.size_;
      place(s.hash, s.node);  // (slot i holds the next element now, or is empty: looked at again)
    }
  }

  friend bool operator==(KeyMap const& a, KeyMap const& b) {
    if (a.size_ != b.size_) return false;
    for (auto const& [k, v] : a) {
      auto const i = b.locate(k, KeyHash{}(k));
      if (i == npos || !(b.slots_[i].node->kv.second == v)) return false;
    }
    return true;
  }

 private:
  static constexpr std::size_t npos = std::size_t(-1);

  // A hash's first slot: its high bits, after a multiplication that spreads every bit of it
  // upward (Fibonacci hashing), so that keys alike (t1, t2, ...) land apart.
  std::size_t home(std::size_t hash) const {
    return static_cast<std::size_t>((static_cast<std::uint64_t>(hash) * 0x9E3779B97F4A7C15u) >> shift_);
  }
  std::size_t locate(std::string_view k, std::size_t hash) const {
    if (slots_.empty()) return npos;
    std::size_t const mask = slots_.size() - 1;
    for (std::size_t i = home(hash);; i = (i + 1) & mask) {
      auto const& s = slots_[i];
      if (!s.node) return npos;
      if (s.hash == hash && s.node->kv.first == k) return i;
    }
  }
  iterator at_slot(std::size_t i) {
    return i == npos ? end() : iterator(slots_.data() + i, slots_.data() + slots_.size());
  }
  // Puts a node not in the map into it (growing it first if half its slots would be taken).
  std::size_t place(std::size_t hash, Node* n) {
    if (2 * (size_ + 1) > slots_.size()) rehash(slots_.empty() ? 16 : 2 * slots_.size());
    std::size_t const mask = slots_.size() - 1;
    std::size_t i = home(hash);
    while (slots_[i].node) i = (i + 1) & mask;
    slots_[i] = {hash, n};
    ++size_;
    return i;
  }
  void rehash(std::size_t count) {  // count: a power of two
    std::vector<Slot> old(count);
    old.swap(slots_);
    shift_ = 64;
    for (std::size_t c = count; c > 1; c /= 2) --shift_;
    size_ = 0;
    for (auto const& s : old)
      if (s.node) place(s.hash, s.node);
  }
  void remove(std::size_t i) {
    delete slots_[i].node;
    slots_[i].node = nullptr;
    close_gap(i);
    --size_;
  }
  // Slot i has just been emptied: moves back the elements after it that would no longer be
  // found past the gap (backward-shift deletion: no markers of erased slots).
  void close_gap(std::size_t i) {
    std::size_t const mask = slots_.size() - 1;
    for (std::size_t j = (i + 1) & mask; slots_[j].node; j = (j + 1) & mask) {
      std::size_t const h = home(slots_[j].hash);
      // j stays where its home lies in (i, j], cyclically.
      bool const stays = i <= j ? (i < h && h <= j) : (i < h || h <= j);
      if (stays) continue;
      slots_[i] = slots_[j];
      slots_[j] = Slot{};
      i = j;
    }
  }

  std::vector<Slot> slots_;  // a power of two of them, or none
  std::size_t size_ = 0;
  int shift_ = 64;  // 64 - log2(slots)
};

}  // namespace retort::schema
