// Container adaptors allocate exactly when the container they wrap does,
// including the container a default template argument names.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-std-type,noalloc-call' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %oracle %s -- -std=c++17

#include <array>
#include <cstddef>
#include <queue>
#include <stack>

void push(std::priority_queue<int> &q) { q.push(1); }
// CHECK: adaptors.cpp:[[@LINE-1]]:44: warning: call to 'std::priority_queue<int>::push' may allocate on the heap [noalloc-call]
int top(const std::priority_queue<int> &q) { return q.top(); }

void locals() {
  std::priority_queue<int> q;
  // CHECK: adaptors.cpp:[[@LINE-1]]:28: warning: variable 'q' of type 'std::priority_queue<int>' allocates on the heap [noalloc-std-type]
  std::stack<int> s;
  // CHECK: adaptors.cpp:[[@LINE-1]]:19: warning: variable 's' of type 'std::stack<int>' allocates on the heap [noalloc-std-type]
  std::queue<int> fifo;
  // CHECK: adaptors.cpp:[[@LINE-1]]:19: warning: variable 'fifo' of type 'std::queue<int>' allocates on the heap [noalloc-std-type]
}

// The negative twin: an adaptor over a fixed-capacity container.
struct Ring {
  using value_type = int;
  using reference = int &;
  using const_reference = const int &;
  using size_type = std::size_t;
  std::array<int, 8> Slots{};
  std::size_t Size = 0;
  void push_back(int V) { Slots[Size++ % 8] = V; }
  void pop_back() { --Size; }
  int &back() { return Slots[(Size - 1) % 8]; }
  const int &back() const { return Slots[(Size - 1) % 8]; }
  bool empty() const { return Size == 0; }
  std::size_t size() const { return Size; }
};

void fixed(std::stack<int, Ring> &s) { s.push(1); }
void fixedLocal() { std::stack<int, Ring> s; }

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  std::priority_queue<int> q;
  ORACLE_ALLOCATES("priority_queue::push", push(q));
  ORACLE_NO_HEAP("priority_queue::top", top(q));
  ORACLE_NO_HEAP("an empty priority_queue", std::priority_queue<int> e);
  // std::stack<int> is a std::deque: libstdc++'s allocates its map and a
  // first node when constructed, libc++'s only on the first push.
#ifdef _LIBCPP_VERSION
  ORACLE_NO_HEAP("an empty std::stack<int>", std::stack<int> s);
#else
  ORACLE_ALLOCATES("an empty std::stack<int>", std::stack<int> s);
#endif
  std::stack<int, Ring> r;
  ORACLE_NO_HEAP("std::stack<int, Ring>::push", fixed(r));
  ORACLE_NO_HEAP("an empty std::stack<int, Ring>", fixedLocal());
}
#endif
