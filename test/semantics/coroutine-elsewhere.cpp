// A coroutine_handle<P> resumes or destroys a coroutine of promise type P.
// When the run has none (they are in a unit it lacks), what runs is code
// noalloc cannot see: *unknown*, as for any function defined in no
// analysed file (reported under roots, allocating under strict). Before,
// the library's resume() accepted it, and the lenient policy called
// 'stepLoud' clean. With the other unit, each handle reaches its own
// coroutines.
// RUN: %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++20 \
// RUN:   | FileCheck %s --check-prefix=ALONE
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s %S/Inputs/coroutine-elsewhere-code.cpp -- -std=c++20 \
// RUN:   | FileCheck %s --check-prefix=BOTH
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s %S/Inputs/coroutine-elsewhere-code.cpp -- -std=c++20 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefix=BOTH
// RUN: %oracle %s -- -std=c++20 %S/Inputs/coroutine-elsewhere-code.cpp

#include "Inputs/coroutine-elsewhere.h"

void stepLoud(RemoteLoud &R) { R.H.resume(); }
void stepQuiet(RemoteQuiet &R) { R.H.resume(); }
void dropLoud(RemoteLoud &R) { R.H.destroy(); }

// ALONE: "name": "stepLoud",
// ALONE-NEXT: "usr":
// ALONE-NEXT: "verdict": "unknown"
// ALONE: "name": "stepQuiet",
// ALONE-NEXT: "usr":
// ALONE-NEXT: "verdict": "unknown"
// ALONE: "name": "dropLoud",
// ALONE-NEXT: "usr":
// ALONE-NEXT: "verdict": "unknown"
// BOTH: "name": "stepLoud",
// BOTH-NEXT: "usr":
// BOTH-NEXT: "verdict": "allocates"
// BOTH: "name": "stepQuiet",
// BOTH-NEXT: "usr":
// BOTH-NEXT: "verdict": "none"
// BOTH: "name": "dropLoud",
// BOTH-NEXT: "usr":
// BOTH-NEXT: "verdict": "releases"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  RemoteLoud L = remoteLoud();
  ORACLE_ALLOCATES("resuming a coroutine of another unit that mallocs", stepLoud(L));
  ORACLE_RELEASES("destroying a coroutine of another unit", dropLoud(L));
  RemoteQuiet Q = remoteQuiet();
  ORACLE_NO_HEAP("resuming a quiet coroutine of another unit", stepQuiet(Q));
  Q.H.destroy();
}
#endif
