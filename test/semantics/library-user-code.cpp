// User code that library code calls (the comparator std::sort compares
// with, the function std::for_each applies, std::visit's visitor, a
// std::function's target, qsort's and bsearch's comparators) counts as if
// its caller called it. An unknown there (a call through a pointer that
// unseen code writes, a function no analysed file defines) stays unknown
// under the default policy, which accepts only what library code itself
// does without a body; an allocation there is reported with its chain
// through the library function. Twins: the same callbacks calling through
// a pointer the program only sets to null, or only to 'quiet', are clean,
// under Policy: strict too. Every label is the oracle's.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefixes=JSON,LENIENT
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --config="{CheckOptions: {Policy: strict}}" --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefixes=JSON,STRICT
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=CALL
// RUN: %oracle %s -- -std=c++17

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <memory>
#include <variant>

#define ROOT [[clang::annotate("noalloc")]]

// No function of the analysed code has the type of 'Hook': what 'install'
// stores is none of them.
using Hook = int (*)(int, int);
using Quiet = int (*)(int);
Hook unseenHook;         // 'install', defined in no analysed file, writes it
Hook nullHook = nullptr; // only ever null
Quiet quietHook;         // only ever 'quiet'
void install(Hook *slot);
int external(int x); // defined in no analysed file
int quiet(int x) { return x + 1; }
void setup() {
  install(&unseenHook);
  quietHook = quiet;
}

ROOT void sortUnseen(int *b, int *e) {
  std::sort(b, e, [](int x, int y) { return unseenHook(x, 0) < y; });
}
ROOT void sortNull(int *b, int *e) {
  std::sort(b, e, [](int x, int y) { return nullHook ? nullHook(x, 0) < y : x < y; });
}
ROOT void sortQuiet(int *b, int *e) {
  std::sort(b, e, [](int x, int y) { return quietHook(x) < y; });
}

ROOT void eachExternal(int *b, int *e) {
  std::for_each(b, e, [](int &x) { x = external(x); });
}
ROOT void eachBoxed(int *b, int *e) {
  std::for_each(b, e, [](int &x) { x = *std::make_unique<int>(x); });
}
ROOT void eachQuiet(int *b, int *e) {
  std::for_each(b, e, [](int &x) { x = quietHook(x); });
}

struct UnseenVisitor {
  int operator()(int x) const { return unseenHook(x, 0); }
  int operator()(long x) const { return int(x); }
};
struct NullVisitor {
  int operator()(int x) const { return nullHook ? nullHook(x, 0) : x; }
  int operator()(long x) const { return int(x); }
};
ROOT int visitUnseen(const std::variant<int, long> &v) {
  return std::visit(UnseenVisitor{}, v);
}
ROOT int visitNull(const std::variant<int, long> &v) {
  return std::visit(NullVisitor{}, v);
}

ROOT int invokeUnseen(const std::function<int(long)> &f, int x) { return f(x); }
ROOT int invokeQuiet(const std::function<int(long)> &f, int x) { return f(x); }
int unseenTarget(long x) { return unseenHook(int(x), 0); }
int quietTarget(long x) { return quietHook(int(x)); }
int invokeBoth(int x) {
  return invokeUnseen(unseenTarget, x) + invokeQuiet(quietTarget, x);
}

static int byUnseen(const void *a, const void *b) {
  return unseenHook(*static_cast<const int *>(a), 0) - *static_cast<const int *>(b);
}
static int byQuiet(const void *a, const void *b) {
  return quietHook(*static_cast<const int *>(a)) - *static_cast<const int *>(b);
}
ROOT void qsortUnseen(int *v, std::size_t n) { std::qsort(v, n, sizeof *v, byUnseen); }
ROOT void qsortQuiet(int *v, std::size_t n) { std::qsort(v, n, sizeof *v, byQuiet); }
ROOT bool findUnseen(const int *v, std::size_t n, int k) {
  return std::bsearch(&k, v, n, sizeof *v, byUnseen);
}
ROOT bool findQuiet(const int *v, std::size_t n, int k) {
  return std::bsearch(&k, v, n, sizeof *v, byQuiet);
}

// The twins 'visitNull' and 'invokeQuiet' may allocate only when they fail
// (std::bad_variant_access, std::bad_function_call); under Policy: strict
// 'qsortQuiet' allocates, as qsort of any size may (knowledge/libc.yaml).
// Before, the library summaries said 'sortUnseen', 'eachExternal' and
// 'visitUnseen' were clean (or failed only) under the default policy, and
// 'sortNull' and 'visitNull' allocate under Policy: strict.
// CALL: library-user-code.cpp:43:3: warning: cannot show that 'sortUnseen' is allocation-free: call to 'std::sort<int *, (lambda at library-user-code.cpp:43:19)>' reaches a call through a pointer whose targets noalloc cannot see [noalloc-call]
// CALL: note: 'sortUnseen' must not allocate: it is a noalloc root
// CALL: {{.*}}: note: 'std::sort<int *, (lambda at library-user-code.cpp:43:19)>' calls 'lambda at library-user-code.cpp:43:19'
// CALL: library-user-code.cpp:43:45: note: 'lambda at library-user-code.cpp:43:19' calls through function pointer 'unseenHook' whose targets noalloc cannot see
// CALL: library-user-code.cpp:56:3: warning: call to 'std::for_each<int *, (lambda at library-user-code.cpp:56:23)>' may allocate on the heap [noalloc-call]
// CALL: note: 'eachBoxed' must not allocate: it is a noalloc root
// CALL: {{.*}}: note: 'std::for_each<int *, (lambda at library-user-code.cpp:56:23)>' calls 'lambda at library-user-code.cpp:56:23'
// CALL: library-user-code.cpp:56:41: note: 'lambda at library-user-code.cpp:56:23' calls 'std::make_unique<int, int &>', which may allocate on the heap

// JSON: "name": "sortUnseen",
// JSON-NEXT: "usr":
// LENIENT-NEXT: "verdict": "unknown"
// STRICT-NEXT: "verdict": "allocates"
// JSON: "name": "sortNull",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "none"
// JSON: "name": "sortQuiet",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "none"
// JSON: "name": "eachExternal",
// JSON-NEXT: "usr":
// LENIENT-NEXT: "verdict": "unknown"
// STRICT-NEXT: "verdict": "allocates"
// JSON: "name": "eachBoxed",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "eachQuiet",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "none"
// JSON: "name": "visitUnseen",
// JSON-NEXT: "usr":
// LENIENT-NEXT: "verdict": "unknown"
// STRICT-NEXT: "verdict": "allocates"
// JSON: "name": "visitNull",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates-on-failure"
// JSON: "name": "invokeUnseen",
// JSON-NEXT: "usr":
// LENIENT-NEXT: "verdict": "unknown"
// STRICT-NEXT: "verdict": "allocates"
// JSON: "name": "invokeQuiet",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates-on-failure"
// JSON: "name": "qsortUnseen",
// JSON-NEXT: "usr":
// LENIENT-NEXT: "verdict": "unknown"
// STRICT-NEXT: "verdict": "allocates"
// JSON: "name": "qsortQuiet",
// JSON-NEXT: "usr":
// LENIENT-NEXT: "verdict": "none"
// STRICT-NEXT: "verdict": "allocates"
// JSON: "name": "findUnseen",
// JSON-NEXT: "usr":
// LENIENT-NEXT: "verdict": "unknown"
// STRICT-NEXT: "verdict": "allocates"
// JSON: "name": "findQuiet",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "none"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
static int loud(int x, int y) { return *std::make_unique<int>(x + y); }
void install(Hook *slot) { *slot = loud; }
int external(int x) { return loud(x, 0); }
ORACLE_MAIN {
  setup();
  int v[4] = {3, 1, 2, 0};
  std::variant<int, long> one = 1;
  ORACLE_ALLOCATES("sortUnseen: 'loud', stored by install", sortUnseen(v, v + 4));
  ORACLE_NO_HEAP("sortNull: 'nullHook' is only ever null", sortNull(v, v + 4));
  ORACLE_NO_HEAP("sortQuiet: 'quietHook' is only ever 'quiet'", sortQuiet(v, v + 4));
  ORACLE_ALLOCATES("eachExternal: 'external' allocates", eachExternal(v, v + 4));
  ORACLE_ALLOCATES("eachBoxed: std::make_unique", eachBoxed(v, v + 4));
  ORACLE_NO_HEAP("eachQuiet: 'quiet'", eachQuiet(v, v + 4));
  ORACLE_ALLOCATES("visitUnseen: 'loud', stored by install", visitUnseen(one));
  ORACLE_NO_HEAP("visitNull: 'nullHook' is only ever null", visitNull(one));
  std::function<int(long)> unseen = unseenTarget, calm = quietTarget;
  ORACLE_ALLOCATES("invokeUnseen: 'unseenTarget' calls 'loud'", invokeUnseen(unseen, 1));
  ORACLE_NO_HEAP("invokeQuiet: 'quietTarget' calls 'quiet'", invokeQuiet(calm, 1));
  ORACLE_ALLOCATES("qsortUnseen: 'byUnseen' calls 'loud'", qsortUnseen(v, 4));
  ORACLE_NO_HEAP("qsortQuiet: 'byQuiet' calls 'quiet'", qsortQuiet(v, 4));
  ORACLE_ALLOCATES("findUnseen: 'byUnseen' calls 'loud'", findUnseen(v, 4, 3));
  ORACLE_NO_HEAP("findQuiet: 'byQuiet' calls 'quiet'", findQuiet(v, 4, 3));
}
#endif
