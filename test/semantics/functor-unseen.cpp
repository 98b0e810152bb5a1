// A functor whose call operator no analysed file defines, called only by
// library code ('std::for_each'): the call runs code noalloc cannot see,
// unknown ('each'), never clean (the oracle's definition allocates). Twin:
// a functor whose operator is analysed and uses no heap, clean
// ('eachKnown'). Every label is the oracle's.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefix=WARN --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s -- -std=c++17

#include <algorithm>

#define ROOT [[clang::annotate("noalloc")]]

struct Bump {
  void operator()(int &x) const; // defined in no analysed file
};
struct KnownBump {
  void operator()(int &x) const { ++x; }
};
int counts[4];
ROOT void each() { std::for_each(counts, counts + 4, Bump{}); }
ROOT void eachKnown() { std::for_each(counts, counts + 4, KnownBump{}); }

// JSON: "name": "each",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "unknown"
// JSON: "name": "eachKnown",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "none"

// WARN: functor-unseen.cpp:23:20: warning: cannot show that 'each' is allocation-free: 'Bump::operator()' is defined in no analysed file [noalloc-call]

#ifdef NOALLOC_ORACLE
#include "oracle.h"
void Bump::operator()(int &x) const {
  int *p = new int(x + 1);
  x = *p;
  delete p;
}
ORACLE_MAIN {
  ORACLE_ALLOCATES("each: 'Bump::operator()', unseen, allocates", each());
  ORACLE_NO_HEAP("eachKnown: 'KnownBump::operator()'", eachKnown());
}
#endif
