// Library code that calls user code defined in another unit: through a
// function pointer (std::sort's comparator, a std::unique_ptr's deleter),
// or virtually (a std::streambuf's overflow, a std::shared_ptr's control
// block, made in Inputs/library-other-unit-code.cpp, released here). This
// unit instantiates the library code and sees none of the targets: its
// summaries keep the dispatched calls, which the link resolves. qsort's
// comparator is passed in a parameter or a followed variable. With NOISY
// the other unit's functions allocate, and so does each call here; the
// twins: 'sortLongs' and 'releaseLong' reach only quiet user code or
// library code (none, releases), and without NOISY every call is clean but
// the std::streambuf ones: the buffer behind a std::streambuf& may also be
// one of the library's own, whose overflow, xsputn and uflow are compiled
// into it and allocate (a std::stringbuf grows its string, a std::filebuf
// allocates its buffer: test/semantics/library-overrides-streambuf.cpp), so
// 'put', 'putAll' and 'get' allocate whatever the program's buffer does.
// Every label is the oracle's, with libstdc++ and libc++.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s %S/Inputs/library-other-unit-code.cpp -- -std=c++17 -DNOISY \
// RUN:   | FileCheck %s --check-prefix=NOISY
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %S/Inputs/library-other-unit-code.cpp %s -- -std=c++17 -DNOISY -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefix=NOISY
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s %S/Inputs/library-other-unit-code.cpp -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=QUIET
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %S/Inputs/library-other-unit-code.cpp %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefix=QUIET
// RUN: %oracle %s -- -std=c++17 -DNOISY %S/Inputs/library-other-unit-code.cpp
// RUN: %oracle %s -- -std=c++17 %S/Inputs/library-other-unit-code.cpp

#include "Inputs/library-other-unit.h"
#include <algorithm>
#include <cstdlib>

#define ROOT [[clang::annotate("noalloc")]]

ROOT void sortWith(std::vector<int> &v, Less less) {
  std::sort(v.begin(), v.end(), less);
}
ROOT void sortLongs(std::vector<long> &v, LessLong less) {
  std::sort(v.begin(), v.end(), less);
}
ROOT void qsortWith(int *b, std::size_t n, Compare compare) {
  std::qsort(b, n, sizeof(int), compare);
}
ROOT void qsortHooked(int *b, std::size_t n) {
  std::qsort(b, n, sizeof(int), compareHook);
}
ROOT void put(std::streambuf &b) { b.sputc('x'); }
ROOT void putAll(std::streambuf &b) { b.sputn("xyz", 3); }
ROOT int get(std::streambuf &b) { return b.sbumpc(); }
ROOT void release(std::unique_ptr<int, Free> &p) { p.reset(); }
ROOT void releaseLong(std::unique_ptr<long, FreeLong> &p) { p.reset(); }
ROOT void releaseShared(std::shared_ptr<int> &p) { p.reset(); }

// NOISY: "name": "sortWith",
// NOISY-NEXT: "usr":
// NOISY-NEXT: "verdict": "allocates"
// NOISY: "name": "sortLongs",
// NOISY-NEXT: "usr":
// NOISY-NEXT: "verdict": "none"
// NOISY: "name": "qsortWith",
// NOISY-NEXT: "usr":
// NOISY-NEXT: "verdict": "allocates"
// NOISY: "name": "qsortHooked",
// NOISY-NEXT: "usr":
// NOISY-NEXT: "verdict": "allocates"
// NOISY: "name": "put",
// NOISY-NEXT: "usr":
// NOISY-NEXT: "verdict": "allocates"
// NOISY: "name": "putAll",
// NOISY-NEXT: "usr":
// NOISY-NEXT: "verdict": "allocates"
// NOISY: "name": "get",
// NOISY-NEXT: "usr":
// NOISY-NEXT: "verdict": "allocates"
// NOISY: "name": "release",
// NOISY-NEXT: "usr":
// NOISY-NEXT: "verdict": "allocates"
// NOISY: "name": "releaseLong",
// NOISY-NEXT: "usr":
// NOISY-NEXT: "verdict": "releases"
// NOISY: "name": "releaseShared",
// NOISY-NEXT: "usr":
// NOISY-NEXT: "verdict": "allocates"

// QUIET: "name": "sortWith",
// QUIET-NEXT: "usr":
// QUIET-NEXT: "verdict": "none"
// QUIET: "name": "sortLongs",
// QUIET-NEXT: "usr":
// QUIET-NEXT: "verdict": "none"
// QUIET: "name": "qsortWith",
// QUIET-NEXT: "usr":
// QUIET-NEXT: "verdict": "none"
// QUIET: "name": "qsortHooked",
// QUIET-NEXT: "usr":
// QUIET-NEXT: "verdict": "none"
// QUIET: "name": "put",
// QUIET-NEXT: "usr":
// QUIET-NEXT: "verdict": "allocates"
// QUIET: "name": "putAll",
// QUIET-NEXT: "usr":
// QUIET-NEXT: "verdict": "allocates"
// QUIET: "name": "get",
// QUIET-NEXT: "usr":
// QUIET-NEXT: "verdict": "allocates"
// QUIET: "name": "release",
// QUIET-NEXT: "usr":
// QUIET-NEXT: "verdict": "releases"
// QUIET: "name": "releaseLong",
// QUIET-NEXT: "usr":
// QUIET-NEXT: "verdict": "releases"
// QUIET: "name": "releaseShared",
// QUIET-NEXT: "usr":
// QUIET-NEXT: "verdict": "releases"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
#ifdef _LIBCPP_VERSION
#include <fstream>
#else
#include <ext/stdio_sync_filebuf.h>
#endif
ORACLE_MAIN {
  std::vector<int> v{3, 1, 2};
#ifdef NOISY
  ORACLE_ALLOCATES("sorting with an allocating comparator", sortBoxed(v));
  int a[3] = {3, 1, 2};
  ORACLE_ALLOCATES("qsort with an allocating comparator", qsortWith(a, 3, compareBoxed));
  ORACLE_ALLOCATES("qsort with the hooked comparator", qsortHooked(a, 3));
#else
  ORACLE_NO_ALLOC("sorting with a quiet comparator", sortBoxed(v));
  int a[3] = {3, 1, 2};
  ORACLE_NO_ALLOC("qsort with a quiet comparator", qsortWith(a, 3, compareBoxed));
  ORACLE_NO_ALLOC("qsort with the hooked comparator", qsortHooked(a, 3));
#endif
  ORACLE_NO_ALLOC("qsort with the quiet comparator", qsortWith(a, 3, compareQuiet));
  std::vector<long> longs{3, 1, 2};
  ORACLE_NO_ALLOC("sorting longs", sortQuiet(longs));
  std::streambuf &s = sink();
#ifdef NOISY
  ORACLE_ALLOCATES("sputc on a full buffer", put(s));
  ORACLE_ALLOCATES("sputn on a full buffer", putAll(s));
#else
  ORACLE_NO_ALLOC("sputc on a full buffer", put(s));
  ORACLE_NO_ALLOC("sputn on a full buffer", putAll(s));
#endif
  ORACLE_NO_ALLOC("sbumpc on an empty buffer", get(s));
  // The library's own buffers (library-overrides-streambuf.cpp).
#ifdef _LIBCPP_VERSION
  std::filebuf zeros;
  zeros.open("/dev/zero", std::ios_base::in);
#else
  __gnu_cxx::stdio_sync_filebuf<char> zeros(fopen("/dev/zero", "r"));
#endif
  ORACLE_ALLOCATES("the first sbumpc on a file's buffer", get(zeros));
  std::unique_ptr<int, Free> owned = makeOwned();
  std::unique_ptr<long, FreeLong> ownedLong = makeOwnedLong();
  std::shared_ptr<int> shared = makeShared();
#ifdef NOISY
  ORACLE_ALLOCATES("releasing with the deleter", release(owned));
  ORACLE_ALLOCATES("releasing the shared pointer", releaseShared(shared));
#else
  ORACLE_RELEASES("releasing with the deleter", release(owned));
  ORACLE_RELEASES("releasing the shared pointer", releaseShared(shared));
#endif
  ORACLE_RELEASES("releasing with the quiet deleter", releaseLong(ownedLong));
}
#endif
