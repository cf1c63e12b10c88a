// retort's allocator (what its operator new and delete call: src/heap_pieces.cpp). A run of
// retort allocates many small blocks (syntax trees, names, the model's tables) and frees few
// until it exits, on two threads, and holds them until it ends: so blocks are carved in turn
// from 64 KiB pieces of one reserved range (a thread's from 2 MiB stretches of its own), each
// piece holding blocks of one size, and a block freed goes to a list of free blocks of its
// size on the thread that frees it, to be the next one handed out there. Nothing is taken from the system per allocation (a class's pieces
// after its first on a thread are filled in one call as they are taken); a large block (over
// 4 KiB) is whole pieces of its own, kept for the next of as many pieces once freed.
#pragma once

#include <cstddef>

namespace retort::pieces {

// A block of at least `bytes` (16-byte aligned); throws std::bad_alloc where the system has
// no more memory to give.
void* allocate(std::size_t bytes);
// The same, aligned to `alignment` (a power of two under 32 KiB).
void* allocate_aligned(std::size_t bytes, std::size_t alignment);
// A block from either, back to be used again (nullptr: nothing).
void release(void* block) noexcept;

// What the block can hold (at least the bytes it was allocated for).
std::size_t usable_size(void const* block) noexcept;

// The size-class arithmetic, for tests: the class of a small block of `bytes` (1 to 4,096),
// and a class's block size.
unsigned size_class(std::size_t bytes) noexcept;
std::size_t class_bytes(unsigned size_class) noexcept;

}  // namespace retort::pieces
