// A function that returns an object by value does not destroy it: the
// prvalue initializes the caller's object (C++17 makes no temporary; C++14
// elides the copy), a named return value in the function's outermost scope
// is the caller's object (NRVO), and the members of an aggregate returned
// are the aggregate's. The caller destroys it. Before, each 'return T(...)'
// of a class with a destructor was a call of that destructor: 'releases'
// for leveldb's every 'return Status::OK();' (review3 F1).
// The twins destroy a real temporary, or a local whose scope can end
// without returning it: they release, and the oracle counts it.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++14 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s -- -std=c++17

#include <memory>

#define ROOT [[clang::annotate("noalloc")]]

using Owned = std::unique_ptr<int>;

ROOT Owned wrap(int *p) { return Owned(p); }
ROOT Owned forward(int *p) { return wrap(p); }
ROOT Owned adopt(int *p) {
  Owned u(p);
  return u;
}
ROOT Owned pick(int *p, bool b) { return b ? Owned(p) : Owned(); }
struct Pair {
  Owned first;
  int n;
};
ROOT Pair pack(int *p) { return Pair{Owned(p), 1}; }

// The twins.
ROOT void discard(int *p) { wrap(p); }
// CHECK: returned-objects.cpp:[[@LINE-1]]:29: warning: call to 'std::unique_ptr<int>::~unique_ptr' may release heap memory [noalloc-call]
ROOT bool peek(int *p) { return wrap(p) != nullptr; }
// CHECK: returned-objects.cpp:[[@LINE-1]]:33: warning: call to 'std::unique_ptr<int>::~unique_ptr' may release heap memory [noalloc-call]
ROOT Owned maybe(int *p, bool b) {
  {
    Owned u(p);
    if (b)
      return u;
  }
  return nullptr;
}
// CHECK: returned-objects.cpp:[[@LINE-6]]:11: warning: call to 'std::unique_ptr<int>::~unique_ptr' may release heap memory [noalloc-call]

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  int *a = new int(1), *b = new int(2), *c = new int(3), *d = new int(4),
      *e = new int(5), *f = new int(6), *g = new int(7), *h = new int(8);
  ORACLE_NO_HEAP("wrap", { Owned o = wrap(a); o.release(); });
  ORACLE_NO_HEAP("forward", { Owned o = forward(b); o.release(); });
  ORACLE_NO_HEAP("adopt", { Owned o = adopt(c); o.release(); });
  ORACLE_NO_HEAP("pick", { Owned o = pick(d, true); o.release(); });
  ORACLE_NO_HEAP("pack", { Pair q = pack(e); q.first.release(); });
  ORACLE_RELEASES("discard", discard(f));
  ORACLE_RELEASES("peek", peek(g));
  ORACLE_RELEASES("maybe", maybe(h, false));
  delete a; delete b; delete c; delete d; delete e;
}
#endif
