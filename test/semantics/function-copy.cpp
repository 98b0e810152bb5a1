// Copying a std::function copies the callable it holds: with what the
// whole program stores into std::function objects, noalloc decides
// whether that may allocate. The twins of function-destruction.cpp: here
// Inputs/function-copy-small.cpp stores only a callable held in the
// std::function's own buffer, so copying one ('copySmall', 'copyMade')
// and destroying one ('dropSmall') use no heap with libstdc++ (none);
// libc++'s wrapper copies a callable on the heap with the same virtual
// member whatever its size, so there a copy allocates and a destruction
// releases (no heap in this run: a false alarm, never a wrong clean).
// 'handed' (Inputs/function-copy-lib.cpp) returns a std::function holding
// a callable on the heap: without that unit, noalloc cannot see what the
// std::functions of the program may hold, and every copy and destruction
// is unknown; with it, copies allocate and destructions release. No
// analysed unit storing a callable at all, they are unknown too; and so
// with the clang-tidy plugin without FactsDirectory, which sees one unit
// only (here one storing a small callable). Every label is the oracle's,
// with libstdc++ and libc++; every function is a root.
// RUN: %noalloc --checks='-*,noalloc-call' --format=json %s %S/Inputs/function-copy-small.cpp -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=SMALL
// RUN: %noalloc --checks='-*,noalloc-call' --format=json %S/Inputs/function-copy-small.cpp %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=SMALL
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s %S/Inputs/function-copy-small.cpp -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefix=LIBCXX
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=UNSEEN
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s %S/Inputs/function-copy-small.cpp -- -std=c++17 -DHANDED \
// RUN:   | FileCheck %s --check-prefix=UNSEEN
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %S/Inputs/function-copy-lib.cpp %s %S/Inputs/function-copy-small.cpp -- -std=c++17 -DHANDED \
// RUN:   | FileCheck %s --check-prefix=HANDED
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %S/Inputs/function-copy-small.cpp %s %S/Inputs/function-copy-lib.cpp -- -std=c++17 -DHANDED \
// RUN:   | FileCheck %s --check-prefix=HANDED
// RUN: %oracle %s -- -std=c++17 %S/Inputs/function-copy-small.cpp
// RUN: %oracle %s -- -std=c++17 -DHANDED %S/Inputs/function-copy-small.cpp %S/Inputs/function-copy-lib.cpp
// The reason is given where the copy is reported.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-unknown-call' %s %S/Inputs/function-copy-small.cpp -- -std=c++17 -DHANDED 2>&1 \
// RUN:   | FileCheck %s --check-prefix=WHY
// WHY: a std::function may come from 'handed', which no analysed file defines
// RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-call' %s -- -std=c++17 -DHERE 2>&1 \
// RUN:   | FileCheck %s --check-prefix=PLUGIN
// PLUGIN: warning: cannot show that 'copySmall' is allocation-free: 'copying the callable of a std::function' runs code noalloc cannot see: the callables other translation units store are not in view [noalloc-call]

#include "Inputs/function-copy.h"

#define ROOT [[clang::annotate("noalloc")]]

ROOT void copySmall(const Task &from, Task &into) { into.step = from.step; }
ROOT void copyMade(const Task &from) {
  std::function<void()> made(from.step);
}
ROOT void dropSmall(Task &t) { std::function<void()> gone(std::move(t.step)); }
#ifdef HERE
void fillHere(Task &t) { t.step = [] {}; }
#endif
#ifdef HANDED
ROOT void takeHanded(Task &t) { t.step = handed(); }
#endif

// SMALL: "name": "copySmall",
// SMALL-NEXT: "usr":
// SMALL-NEXT: "verdict": "none"
// SMALL: "name": "copyMade",
// SMALL-NEXT: "usr":
// SMALL-NEXT: "verdict": "none"
// SMALL: "name": "dropSmall",
// SMALL-NEXT: "usr":
// SMALL-NEXT: "verdict": "none"

// LIBCXX: "name": "copySmall",
// LIBCXX-NEXT: "usr":
// LIBCXX-NEXT: "verdict": "allocates"
// LIBCXX: "name": "copyMade",
// LIBCXX-NEXT: "usr":
// LIBCXX-NEXT: "verdict": "allocates"
// LIBCXX: "name": "dropSmall",
// LIBCXX-NEXT: "usr":
// LIBCXX-NEXT: "verdict": "releases"

// UNSEEN: "name": "copySmall",
// UNSEEN-NEXT: "usr":
// UNSEEN-NEXT: "verdict": "unknown"
// UNSEEN: "name": "copyMade",
// UNSEEN-NEXT: "usr":
// UNSEEN-NEXT: "verdict": "unknown"
// UNSEEN: "name": "dropSmall",
// UNSEEN-NEXT: "usr":
// UNSEEN-NEXT: "verdict": "unknown"

// HANDED: "name": "copySmall",
// HANDED-NEXT: "usr":
// HANDED-NEXT: "verdict": "allocates"
// HANDED: "name": "copyMade",
// HANDED-NEXT: "usr":
// HANDED-NEXT: "verdict": "allocates"
// HANDED: "name": "dropSmall",
// HANDED-NEXT: "usr":
// HANDED-NEXT: "verdict": "releases"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  Task t, twin;
  fillSmall(t);
  ORACLE_NO_HEAP("copying a callable held in place", copySmall(t, twin));
  ORACLE_NO_HEAP("constructing a copy of it", copyMade(t));
  ORACLE_NO_HEAP("destroying a callable held in place", dropSmall(twin));
#ifdef HANDED
  ORACLE_ALLOCATES("taking a std::function with a callable on the heap", takeHanded(t));
  ORACLE_ALLOCATES("copying a callable on the heap", copySmall(t, twin));
  ORACLE_ALLOCATES("constructing a copy of it", copyMade(t));
  ORACLE_RELEASES("destroying a callable on the heap", dropSmall(twin));
#endif
}
#endif
