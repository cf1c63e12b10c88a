// retort's allocator (see pieces.hpp).
#include "src/pieces.hpp"

#include <sys/mman.h>
#include <sys/resource.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cstdint>
#include <mutex>
#include <new>

namespace retort::pieces {

namespace {

constexpr std::size_t piece_bytes = std::size_t{64} << 10;
// A piece begins with its header; a block's piece is its address with the low bits cleared,
// so every block handed out lies within the first piece of what holds it.
constexpr std::size_t header_bytes = 64;
constexpr unsigned small_classes = 32;
constexpr std::size_t small_max = 4096;
constexpr std::uint32_t large = 0xFFFF'FFFF;

struct Header {
  std::uint32_t size_class;  // or `large`
  std::uint32_t pieces;      // large: how many pieces the block spans
  Header* next_free;         // large, while free
};

// Sizes of 16 to 256 bytes by 16; then four classes between each power of two and the next.
constexpr unsigned class_of(std::size_t bytes) noexcept {
  if (bytes <= 256) return bytes == 0 ? 0 : static_cast<unsigned>((bytes + 15) / 16 - 1);
  std::size_t s = bytes - 1;
  unsigned p = static_cast<unsigned>(std::bit_width(s)) - 1;  // 8 to 11
  return 16 + (p - 8) * 4 + static_cast<unsigned>((s >> (p - 2)) & 3);
}

constexpr std::size_t bytes_of(unsigned c) noexcept {
  if (c < 16) return (c + 1) * 16;
  unsigned p = 8 + (c - 16) / 4;
  return (std::size_t{1} << p) + ((c - 16) % 4 + 1) * (std::size_t{1} << (p - 2));
}

constexpr auto class_sizes = [] {
  std::array<std::uint32_t, small_classes> sizes{};
  for (unsigned c = 0; c < small_classes; ++c) sizes[c] = static_cast<std::uint32_t>(bytes_of(c));
  return sizes;
}();
static_assert(class_of(small_max) == small_classes - 1 && class_sizes[small_classes - 1] == small_max);
static_assert(class_of(257) == 16 && class_sizes[16] == 320 && class_of(320) == 16 && class_of(321) == 17);

struct FreeBlock {
  FreeBlock* next;
};

// Each thread's own: its free blocks and the piece it carves each class from. Zero to begin
// with (no constructor runs on a new thread).
struct Local {
  std::array<FreeBlock*, small_classes> free;
  std::array<char*, small_classes> next;
  std::array<char*, small_classes> end;
  // The rest of the stretch it takes its pieces from.
  char* stretch_next;
  char* stretch_end;
};
constinit thread_local Local local{};

// The range pieces are carved from, and the large blocks freed, by how many pieces they span
// (the last list holds those of more, taken by first fit).
struct Shared {
  std::mutex mutex;
  char* next = nullptr;
  char* end = nullptr;
  std::array<Header*, 65> free_large{};
};
constinit Shared shared;

// The process's limit on address space (`ulimit -v`), or 0 where it has none.
rlim_t address_space_limit() {
  rlimit limit{};
  return getrlimit(RLIMIT_AS, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY ? limit.rlim_cur : 0;
}

// Reserves a range of at least `bytes`: address space only (the pages are the system's until
// written), as much of it as the system lets a process map, halving from 64 GiB, or from a
// quarter of the process's limit on address space where it has one (`ulimit -v`), so as to leave
// the rest of it to what else maps memory (threads' stacks, the C library's allocator), and to
// the ranges reserved after this one is used up.
bool reserve(std::size_t bytes) {
  std::size_t want = std::size_t{64} << 30;
  if (auto const limit = address_space_limit())
    while (want > limit / 4 && want / 2 >= bytes + piece_bytes) want /= 2;
  while (want >= bytes + piece_bytes) {
    void* p = mmap(nullptr, want, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p != MAP_FAILED) {
      // In 4 KiB pages, as mapped: where the system would back the range with huge pages,
      // each would be cleared whole at its first touch, and a run's memory would grow by 2 MiB
      // at a time.
      madvise(p, want, MADV_NOHUGEPAGE);
      auto start = (reinterpret_cast<std::uintptr_t>(p) + piece_bytes - 1) & ~(piece_bytes - 1);
      shared.next = reinterpret_cast<char*>(start);
      shared.end = static_cast<char*>(p) + want;
      return true;
    }
    want /= 2;
  }
  return false;
}

// Keeps the free large block `h` for the next block of as many pieces, under the lock.
void keep_free(Header* h) {
  std::size_t const slot = std::min<std::size_t>(h->pieces, shared.free_large.size() - 1);
  h->next_free = shared.free_large[slot];
  shared.free_large[slot] = h;
}

// `count` pieces, under the lock.
Header* take(std::size_t count) {
  std::size_t bytes = count * piece_bytes;
  if (count < shared.free_large.size() - 1) {
    if (Header* h = shared.free_large[count]) {
      shared.free_large[count] = h->next_free;
      return h;
    }
  } else {
    for (Header** at = &shared.free_large.back(); *at; at = &(*at)->next_free) {
      if ((*at)->pieces < count) continue;
      Header* h = *at;
      *at = h->next_free;
      if (h->pieces > count) {  // the rest stays free
        auto* rest = reinterpret_cast<Header*>(reinterpret_cast<char*>(h) + bytes);
        rest->size_class = large;
        rest->pieces = static_cast<std::uint32_t>(h->pieces - count);
        keep_free(rest);
      }
      return h;
    }
  }
  if (static_cast<std::size_t>(shared.end - shared.next) < bytes && !reserve(bytes)) throw std::bad_alloc();
  auto* h = reinterpret_cast<Header*>(shared.next);
  shared.next += bytes;
  return h;
}

// Whether the system fills a range's pages in one call (Linux 5.14 on); cleared at the first
// call that fails.
std::atomic<bool> can_populate{true};

// A thread takes its pieces from a stretch of 2 MiB of its own, aligned to 2 MiB: the pages
// of one stretch share a page table, whose lock each page fault and each page filled takes,
// and two threads faulting in pages beside each other's took turns at that lock (its slow path
// 0.69 % of a 1,000-revision upgrade's samples with the threads' pieces side by side, 0.03 %
// in stretches of their own; CPU 13.27 -> 13.12 ms, 7.74 -> 7.68 ms, 120 runs each in turn).
constexpr std::size_t stretch_bytes = std::size_t{2} << 20;

// Not under a limit on address space of less than a gigabyte (`ulimit -v`), where a stretch's
// alignment and the ranges reserved for them would leave too little of it to the rest (a
// thread's stack takes 8 MB of it): there the threads' pieces are taken in turn.
bool in_stretches() {
  static bool const roomy = [] {
    auto const limit = address_space_limit();
    return limit == 0 || limit >= (rlim_t{1} << 30);
  }();
  return roomy;
}

Header* take_stretch_piece() {
  Local& l = local;
  if (l.stretch_next == l.stretch_end) {
    std::lock_guard lock(shared.mutex);
    auto const aligned = [] {
      return (reinterpret_cast<std::uintptr_t>(shared.next) + stretch_bytes - 1) & ~(stretch_bytes - 1);
    };
    if ((!shared.next || aligned() + stretch_bytes > reinterpret_cast<std::uintptr_t>(shared.end)) &&
        !reserve(2 * stretch_bytes))
      throw std::bad_alloc();
    l.stretch_next = reinterpret_cast<char*>(aligned());
    l.stretch_end = l.stretch_next + stretch_bytes;
    shared.next = l.stretch_end;
  }
  auto* h = reinterpret_cast<Header*>(l.stretch_next);
  l.stretch_next += piece_bytes;
  return h;
}

[[gnu::noinline]] void* refill(unsigned c) {
  bool const again = local.end[c] != nullptr;
  Header* h;
  if (in_stretches()) {
    h = take_stretch_piece();
  } else {
    std::lock_guard lock(shared.mutex);
    h = take(1);
  }
  // A class's second piece and those after it on a thread are filled in one call, as they are
  // taken: a class that has filled a piece will likely fill another, and a page filled so costs
  // half what its first write's fault does. Every piece filled, rarely used classes' too, made
  // the run no faster (1.7 MB more touched and not used at 1,000 revisions). A 1,000-revision
  // upgrade, in turn with none filled: 7.42 -> 7.25 ms (60 runs each; CPU 12.56 -> 12.18 ms,
  // RSS 10.8 -> 11.4 MB); 10,000 78.8 -> 70.6 ms (10 runs each); 100,000 SQLite downgrade
  // 1.208 -> 1.166 s (RSS 876 -> 888 MB; 3 runs each). Large blocks filled as they are taken
  // made the 1,000 upgrade slower (7.34 -> 9.08 ms: not all of one is written).
  if (again && can_populate.load(std::memory_order_relaxed) && madvise(h, piece_bytes, MADV_POPULATE_WRITE) != 0)
    can_populate.store(false, std::memory_order_relaxed);
  h->size_class = c;
  h->pieces = 1;
  char* first = reinterpret_cast<char*>(h) + header_bytes;
  std::size_t size = class_sizes[c];
  local.next[c] = first + size;
  local.end[c] = first + (piece_bytes - header_bytes) / size * size;
  return first;
}

void* allocate_large(std::size_t bytes, std::size_t offset) {
  if (bytes > (std::size_t{1} << 46)) throw std::bad_alloc();
  std::size_t count = (bytes + offset + piece_bytes - 1) / piece_bytes;
  if (count > 0xFFFF'FFFF) throw std::bad_alloc();
  Header* h;
  {
    std::lock_guard lock(shared.mutex);
    h = take(count);
  }
  h->size_class = large;
  h->pieces = static_cast<std::uint32_t>(count);
  return reinterpret_cast<char*>(h) + offset;
}

Header* header_of(void const* block) {
  return reinterpret_cast<Header*>(reinterpret_cast<std::uintptr_t>(block) & ~(piece_bytes - 1));
}

void release_large(Header* h) {
  std::size_t count = h->pieces;
  // A large block's memory goes back to the system once freed (beyond its header's page),
  // where it spans a megabyte or more: kept, it would count in the run's memory until reused.
  if (count >= 16) madvise(reinterpret_cast<char*>(h) + 4096, count * piece_bytes - 4096, MADV_DONTNEED);
  std::lock_guard lock(shared.mutex);
  keep_free(h);
}

}  // namespace

unsigned size_class(std::size_t bytes) noexcept { return class_of(bytes); }
std::size_t class_bytes(unsigned c) noexcept { return class_sizes[c]; }

void* allocate(std::size_t bytes) {
  if (bytes > small_max) return allocate_large(bytes, header_bytes);
  unsigned c = class_of(bytes);
  Local& l = local;
  if (FreeBlock* b = l.free[c]) {
    l.free[c] = b->next;
    return b;
  }
  char* p = l.next[c];
  if (p == l.end[c]) return refill(c);  // (both null at first)
  l.next[c] = p + class_sizes[c];
  return p;
}

void* allocate_aligned(std::size_t bytes, std::size_t alignment) {
  if (alignment <= 16) return allocate(bytes);
  if (alignment >= piece_bytes / 2) throw std::bad_alloc();
  return allocate_large(bytes, alignment < header_bytes ? header_bytes : alignment);
}

void release(void* block) noexcept {
  if (!block) return;
  Header* h = header_of(block);
  if (h->size_class == large) return release_large(h);
  Local& l = local;
  auto* b = static_cast<FreeBlock*>(block);
  b->next = l.free[h->size_class];
  l.free[h->size_class] = b;
}

std::size_t usable_size(void const* block) noexcept {
  Header* h = header_of(block);
  if (h->size_class != large) return class_sizes[h->size_class];
  return h->pieces * piece_bytes - static_cast<std::size_t>(static_cast<char const*>(block) - reinterpret_cast<char*>(h));
}

}  // namespace retort::pieces
