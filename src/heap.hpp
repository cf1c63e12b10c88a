// How the heap takes memory from the system, where the allocator lets retort choose:
// src/heap_mimalloc.cpp in retort linked with mimalloc, src/heap_system.cpp (which leaves the
// allocator as it is) everywhere else.
#pragma once

#include <cstddef>

namespace retort::heap {

// Files from which a project's heap is taken in huge pages (expect_files).
inline constexpr std::size_t huge_pages_from_files = 2000;

// A project of `files` files is about to be read, by this thread and, where `other` is an
// address in its heap (this_threads_heap()), one more thread that has allocated already
// (call it before any other does). From huge_pages_from_files on, memory taken from the system
// from here on, and what these threads' heaps have mapped and not touched, is committed in 2 MiB
// transparent huge pages where the system gives them (Linux's `madvise` mode), so that the
// kernel faults a page in per 2 MiB touched rather than per 4 KiB: at 10,000 files the run
// took 19,100 faults, a ninth of its CPU time (1,550 now).
// Smaller projects keep 4 KiB pages: their trees are a few megabytes, and whole huge pages
// of them would be a third more resident memory.
void expect_files(std::size_t files, void const* other = nullptr);

// Another thread is about to allocate before expect_files() is called: its heap is taken in
// a form that expect_files can still have faulted in huge pages.
void other_threads_allocate();

// An address in the calling thread's heap, for expect_files (nullptr where it cannot tell).
void const* this_threads_heap();

}  // namespace retort::heap
