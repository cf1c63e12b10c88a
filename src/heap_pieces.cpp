// retort's operator new and delete, through its allocator (src/pieces.hpp): retort's build
// only (the tests keep the system's, and test the allocator through its functions).
#include <new>

#include "src/pieces.hpp"

// NOLINTBEGIN: the replaceable allocation functions, as the standard names them
void* operator new(std::size_t n) { return retort::pieces::allocate(n); }
void* operator new[](std::size_t n) { return retort::pieces::allocate(n); }
void* operator new(std::size_t n, std::nothrow_t const&) noexcept {
  try {
    return retort::pieces::allocate(n);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t n, std::nothrow_t const&) noexcept { return operator new(n, std::nothrow); }
void* operator new(std::size_t n, std::align_val_t a) { return retort::pieces::allocate_aligned(n, std::size_t(a)); }
void* operator new[](std::size_t n, std::align_val_t a) { return retort::pieces::allocate_aligned(n, std::size_t(a)); }
void* operator new(std::size_t n, std::align_val_t a, std::nothrow_t const&) noexcept {
  try {
    return retort::pieces::allocate_aligned(n, std::size_t(a));
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t n, std::align_val_t a, std::nothrow_t const&) noexcept {
  return operator new(n, a, std::nothrow);
}

void operator delete(void* p) noexcept { retort::pieces::release(p); }
void operator delete[](void* p) noexcept { retort::pieces::release(p); }
void operator delete(void* p, std::size_t) noexcept { retort::pieces::release(p); }
void operator delete[](void* p, std::size_t) noexcept { retort::pieces::release(p); }
void operator delete(void* p, std::nothrow_t const&) noexcept { retort::pieces::release(p); }
void operator delete[](void* p, std::nothrow_t const&) noexcept { retort::pieces::release(p); }
void operator delete(void* p, std::align_val_t) noexcept { retort::pieces::release(p); }
void operator delete[](void* p, std::align_val_t) noexcept { retort::pieces::release(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { retort::pieces::release(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { retort::pieces::release(p); }
void operator delete(void* p, std::align_val_t, std::nothrow_t const&) noexcept { retort::pieces::release(p); }
void operator delete[](void* p, std::align_val_t, std::nothrow_t const&) noexcept { retort::pieces::release(p); }
// NOLINTEND
