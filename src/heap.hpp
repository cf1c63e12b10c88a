// How the heap takes memory from the system, where the allocator lets retort choose:
// src/heap_mimalloc.cpp in retort linked with mimalloc, src/heap_system.cpp (which leaves the
// allocator as it is) everywhere else.
#pragma once

namespace retort::heap {

// Another thread is about to allocate (the spare thread, reading files as they are listed):
// its heap is committed as it is mapped, not a piece at a time as it is first used.
void other_threads_allocate();

}  // namespace retort::heap
