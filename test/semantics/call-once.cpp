// std::call_once runs its callable before it returns: a lazy
// initialisation that allocates is the caller's allocation. libc++ hands
// a proxy of the callable to std::__call_once, compiled into libc++.so:
// its knowledge entry says it calls that argument, so 'lazy' reaches the
// lambda's new; before, the call was unknown and the default policy called
// 'lazy' clean (review2-2). The twin's lambda only writes an int: the
// proxy passed as 'std::addressof(proxy)' is named, so each call_once
// reaches its own lambda.
// With libstdc++, call_once hands __gthread_once the address of
// __once_proxy, compiled into libstdc++.so, which __gthread_once passes on
// to pthread_once: the proxy calls the callable that call_once's
// '_Prepare_execution' object holds, so each call_once reaches its own
// lambda. Before, __gthread_once's parameter reached every 'void ()'
// function whose address is taken, and 'flag' was reported through
// 'lazy's lambda; now only its failure path is (call_once throws
// std::system_error when pthread_once fails).
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
// RUN:   --config="{CheckOptions: {Roots: 'lazy;flag'}}" %s -- -std=c++17 -stdlib=libc++ \
// RUN:   2>&1 | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
// RUN:   --config="{CheckOptions: {Roots: 'lazy;flag'}}" %s -- -std=c++17 \
// RUN:   2>&1 | FileCheck %s --check-prefix=LIBSTDCXX --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %oracle %s -- -std=c++17

#include <mutex>
#include <vector>

static std::once_flag lazyOnce;
static std::vector<int> *table;

void lazy() {
  std::call_once(lazyOnce, [] { table = new std::vector<int>(64); });
}
// CHECK: call-once.cpp:[[@LINE-2]]:3: warning: call to 'std::call_once<(lambda at call-once.cpp:[[@LINE-2]]:28)>' may allocate on the heap [noalloc-call]
// CHECK: call-once.cpp:[[@LINE-3]]:41: note: 'lambda at call-once.cpp:[[@LINE-3]]:28' allocates with 'new' here
// CHECK: call-once.cpp:[[@LINE-4]]:45: warning: call to 'std::vector<int>::vector' may allocate on the heap [noalloc-call]
// LIBSTDCXX: call-once.cpp:[[@LINE-5]]:3: warning: call to 'std::call_once<(lambda at call-once.cpp:[[@LINE-5]]:28)>' may allocate on the heap [noalloc-call]
// LIBSTDCXX: call-once.cpp:[[@LINE-6]]:41: note: 'lambda at call-once.cpp:[[@LINE-6]]:28' allocates with 'new' here
// LIBSTDCXX: call-once.cpp:[[@LINE-7]]:45: warning: call to 'std::vector<int>::vector' may allocate on the heap [noalloc-call]

static std::once_flag flagOnce;
static int ready;
void flag() {
  std::call_once(flagOnce, [] { ready = 1; });
}
// LIBSTDCXX: call-once.cpp:[[@LINE-2]]:3: warning: call to 'std::call_once<(lambda at call-once.cpp:[[@LINE-2]]:28)>' may allocate only when it fails (throws 'std::system_error') [noalloc-call]
// JSON: "name": "lazy",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "flag",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates-on-failure"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  ORACLE_ALLOCATES("std::call_once's lambda", lazy());
  ORACLE_NO_HEAP("std::call_once's flag lambda", flag());
}
#endif
