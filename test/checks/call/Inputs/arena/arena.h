// Placement forms of 'operator new' a real-time program defines for its
// arenas (test/checks/call/arena-operator-new.cpp).
#pragma once
#include <cstddef>
#include <cstdlib>
#include <new>

// Falls back to the heap when the arena is full.
struct Arena {
  alignas(16) unsigned char buf[64];
  std::size_t used = 0;
};
inline void *operator new(std::size_t n, Arena &a) {
  if (a.used + n <= sizeof a.buf) {
    void *p = a.buf + a.used;
    a.used += (n + 15) & ~std::size_t(15);
    return p;
  }
  return std::malloc(n);
}
inline void operator delete(void *, Arena &) noexcept {}

// Never touches the heap: null when full.
struct Pool {
  alignas(16) unsigned char buf[64];
  std::size_t used = 0;
};
inline void *operator new(std::size_t n, Pool &p) noexcept {
  if (p.used + n > sizeof p.buf)
    return nullptr;
  void *q = p.buf + p.used;
  p.used += (n + 15) & ~std::size_t(15);
  return q;
}
inline void operator delete(void *, Pool &) noexcept {}
