// The heap's policy, through mimalloc's options (retort linked with mimalloc only).
#include "src/heap.hpp"

#include <mimalloc.h>

namespace retort::heap {

// mimalloc reads an option each time it takes memory from the system, so the setting holds
// for every segment taken after it, on any thread (the threads that allocate next are handed
// their work after this call, through the synchronization that hands it).
void expect_files(std::size_t files) {
  if (files < huge_pages_from_files) return;
  mi_option_set(mi_option_large_os_pages, 1);       // madvise(MADV_HUGEPAGE) on what it maps
  mi_option_set(mi_option_eager_commit_delay, 0);   // a thread's first segment committed whole too
}

}  // namespace retort::heap
