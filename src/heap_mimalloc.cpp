// The heap's policy, through mimalloc's options (retort linked with mimalloc only).
#include "src/heap.hpp"

#include <mimalloc.h>

namespace retort::heap {

// mimalloc commits a thread's first segment a piece at a time by default, each piece made
// accessible (a call into the kernel, and a mapping split) just before it is used; committed
// whole as it is mapped, nothing of it is touched before it is used (no more resident
// memory). The option holds for every segment mapped after it, on any thread. 1,000-revision
// upgrade, in turn with it left as it is: 10.57 -> 10.15 ms (40 runs each); 10,000 96.9 ->
// 98.6 ms (12 runs each: within their spread).
void other_threads_allocate() { mi_option_set(mi_option_eager_commit_delay, 0); }

}  // namespace retort::heap
