// The heap as the allocator keeps it (every build but retort linked with mimalloc).
#include "src/heap.hpp"

namespace retort::heap {

void other_threads_allocate() {}

}  // namespace retort::heap
