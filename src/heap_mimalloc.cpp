// The heap's policy, through mimalloc's options (retort linked with mimalloc only).
#include "src/heap.hpp"

#include <mimalloc.h>
#include <sys/mman.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <utility>

namespace retort::heap {

// The mapping of the process that holds `address` (from /proc/self/maps), as [from, to);
// {0, 0} where it cannot be told.
static std::pair<std::uintptr_t, std::uintptr_t> mapping_of(void const* address) {
  auto const at = reinterpret_cast<std::uintptr_t>(address);
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> maps(std::fopen("/proc/self/maps", "re"), &std::fclose);
  if (!maps) return {0, 0};
  char line[512];
  bool starts = true;  // `line` starts a line (a longer one's rest is read in pieces, not parsed)
  unsigned long from = 0, to = 0;
  while (std::fgets(line, sizeof line, maps.get())) {
    if (starts && std::sscanf(line, "%lx-%lx ", &from, &to) == 2 && from <= at && at < to) return {from, to};
    starts = std::strchr(line, '\n') != nullptr;
  }
  return {0, 0};
}

// mimalloc reads an option each time it takes memory from the system, so the setting holds
// for every segment taken after it, on any thread (the threads that allocate next are handed
// their work after this call, through the synchronization that hands it).
void expect_files(std::size_t files, void const* other) {
  if (files < huge_pages_from_files) return;
  mi_option_set(mi_option_large_os_pages, 1);  // madvise(MADV_HUGEPAGE) on what it maps
  other_threads_allocate();                     // a thread's first segment committed whole too
  // This thread's first segment was mapped before main() began, with no advice: its pages
  // not yet touched are advised now (those touched, each 2 MiB around them, stay 4 KiB).
  // At 10,000 files that segment took 6,300 of the run's 7,800 page faults. So is the other
  // thread's, mapped before this call (it read files while the folder was listed: 8,000
  // faults more at 10,000 files where it was not advised).
  // (Both are often in one mapping: it is read from /proc and advised once.)
  std::pair<std::uintptr_t, std::uintptr_t> advised{0, 0};
  for (auto const* in : {this_threads_heap(), other}) {
    auto const at = reinterpret_cast<std::uintptr_t>(in);
    if (!in || (advised.first <= at && at < advised.second)) continue;
    advised = mapping_of(in);
    if (advised.first != advised.second)  // (advice: nothing to do if refused)
      madvise(reinterpret_cast<void*>(advised.first), advised.second - advised.first, MADV_HUGEPAGE);
  }
}

void other_threads_allocate() {
  // mimalloc commits a thread's first segment a piece at a time by default, each piece made
  // accessible just before it is used: no 2 MiB of it is ever whole in one mapping, so no
  // advice can give it huge pages. Committed whole (made accessible, nothing touched: no
  // more resident memory), it can be advised later by expect_files.
  mi_option_set(mi_option_eager_commit_delay, 0);
}

void const* this_threads_heap() {
  void* probe = mi_malloc(1);
  mi_free(probe);
  return probe;  // (freed: only its address is of use)
}

}  // namespace retort::heap
