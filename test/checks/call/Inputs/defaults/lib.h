// Defaults written in a library's header, evaluated by the code that uses
// them (test/checks/call/defaults-in-header.cpp).
#pragma once
#include <cstddef>
#include <cstdlib>
inline void *grab(std::size_t n) { return std::malloc(n); }
inline void *none(std::size_t) { return nullptr; }
struct Buf {
  void *p;
};
inline Buf makeDefault() { return Buf{grab(16)}; }
inline int use(Buf b = makeDefault()) { return b.p != nullptr; }
inline int useQuiet(Buf b = Buf{none(16)}) { return b.p != nullptr; }
struct Node {
  Buf b = Buf{grab(4)};
  int x = 0;
};
struct QuietNode {
  Buf b = Buf{none(4)};
  int x = 0;
};
