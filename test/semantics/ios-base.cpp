// std::ios_base keeps a few iword/pword slots and no callbacks in the
// object: an index past those slots grows an array on the heap (like a
// container's growth: 'allocates'), a callback is a heap node, and copyfmt
// copies what the source holds on the heap. Compiled into the libraries,
// they are the knowledge base's (measured by the oracle below with
// libstdc++ and libc++). libstdc++ holds 8 slots in the object, libc++
// none: a small index and a copy of a plain format use no heap with
// libstdc++ only. libstdc++'s sync_with_stdio(false) makes new buffers for
// the standard streams the first time only (libc++'s does nothing):
// 'may-allocate', like printf's stdout buffer, which the default policy
// accepts and the strict one counts. The negative twin: the stream's
// inline format members.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++20 \
// RUN:   | FileCheck %s --check-prefixes=JSON,LENIENT
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++20 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefixes=JSON,LENIENT
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json \
// RUN:   --config="{CheckOptions: {Policy: strict}}" %s -- -std=c++20 \
// RUN:   | FileCheck %s --check-prefixes=JSON,STRICT
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json \
// RUN:   --config="{CheckOptions: {Policy: strict}}" %s -- -std=c++20 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefixes=JSON,STRICT
// RUN: %oracle %s -- -std=c++20

#include <ios>
#include <sstream>

long &slot(std::ios_base &S, int I) { return S.iword(I); }
void *&pointerSlot(std::ios_base &S, int I) { return S.pword(I); }
static void onEvent(std::ios_base::event, std::ios_base &, int) {}
void watch(std::ios_base &S) { S.register_callback(onEvent, 0); }
void copyFormat(std::ios &To, const std::ios &From) { To.copyfmt(From); }
bool unsync() { return std::ios_base::sync_with_stdio(false); }
// Negative twin: the format flags are members of the object.
void hexFormat(std::ios_base &S) { S.flags(std::ios_base::hex); }

// JSON: "message": "'slot' calls 'std::ios_base::iword', which {{(may )?}}allocate{{s?}} on the heap"
// JSON: "name": "slot",
// JSON-NEXT: "usr"
// JSON-NEXT: "verdict": "allocates"
// JSON: "message": "'pointerSlot' calls 'std::ios_base::pword', which {{(may )?}}allocate{{s?}} on the heap"
// JSON: "name": "pointerSlot",
// JSON-NEXT: "usr"
// JSON-NEXT: "verdict": "allocates"
// JSON: "message": "'watch' calls 'std::ios_base::register_callback', which allocates on the heap"
// JSON: "name": "watch",
// JSON-NEXT: "usr"
// JSON-NEXT: "verdict": "allocates"
// JSON: "message": "'copyFormat' calls 'std::basic_ios<char>::copyfmt', which allocates on the heap"
// JSON: "name": "copyFormat",
// JSON-NEXT: "usr"
// JSON-NEXT: "verdict": "allocates"
// STRICT: "message": "'unsync' calls 'std::ios_base::sync_with_stdio', which may allocate on the heap (libstdc++: the first sync_with_stdio(false) makes new buffers for the standard streams (measured 6))"
// JSON: "name": "unsync",
// JSON-NEXT: "usr"
// LENIENT-NEXT: "verdict": "none"
// STRICT-NEXT: "verdict": "allocates"
// JSON: "name": "hexFormat",
// JSON-NEXT: "usr"
// JSON-NEXT: "verdict": "none"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  std::stringstream A, B, C, D;
  // libstdc++ holds 8 slots in the object, libc++ none.
#ifdef _LIBCPP_VERSION
  ORACLE_ALLOCATES("ios_base::iword, index 0", slot(C, 0));
  ORACLE_ALLOCATES("ios_base::pword, index 0", pointerSlot(C, 0));
  ORACLE_ALLOCATES("basic_ios::copyfmt of a plain format", copyFormat(D, C));
#else
  ORACLE_NO_HEAP("ios_base::iword, index 0", slot(C, 0));
  ORACLE_NO_HEAP("ios_base::pword, index 0", pointerSlot(C, 0));
  ORACLE_NO_HEAP("basic_ios::copyfmt of a plain format", copyFormat(D, C));
#endif
  ORACLE_NO_HEAP("ios_base::flags", hexFormat(C));
  ORACLE_ALLOCATES("ios_base::iword", slot(A, 50));
  ORACLE_ALLOCATES("ios_base::pword", pointerSlot(A, 60));
  ORACLE_ALLOCATES("ios_base::register_callback", watch(A));
  B.iword(70) = 1;
  ORACLE_ALLOCATES("basic_ios::copyfmt", copyFormat(A, B));
#ifdef _LIBCPP_VERSION
  ORACLE_NO_HEAP("ios_base::sync_with_stdio(false)", unsync());
#else
  ORACLE_ALLOCATES("ios_base::sync_with_stdio(false)", unsync());
#endif
}
#endif
