// A new-expression whose allocation function is a placement form the
// program defines ('operator new(size_t, Arena &)', an arena with a heap
// fallback) calls that function's code: it is no replaceable 'operator
// new' and the knowledge of the heap's does not describe it. Before, the
// knowledge name 'operator new' matched it, so the call was left to
// noalloc-new-delete (which reports the replaceable forms only) and the
// root got no finding: none at all with the header on -isystem, or with
// the header filtered out, though its verdict was 'allocates'. An explicit
// call 'operator new(n, a)' was noalloc-c-allocation's "call to 'operator
// new' allocates on the heap". The twin: a pool whose operator new never
// falls back (null when full) is clean.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-c-allocation,noalloc-new-delete' \
// RUN:   --config="{CheckOptions: {Roots: 'spawn;spawnInPool;viaCall'}}" %s -- -std=c++17 -isystem %S/Inputs/arena \
// RUN:   2>&1 | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-c-allocation,noalloc-new-delete' \
// RUN:   --exclude-header-filter=arena --config="{CheckOptions: {Roots: 'spawn;spawnInPool;viaCall'}}" \
// RUN:   %s -- -std=c++17 -I %S/Inputs/arena 2>&1 | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 -I %S/Inputs/arena \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %oracle %s -- -std=c++17 -I %S/Inputs/arena
#include <arena.h>

struct Voice {
  float phase[8];
};

// CHECK: arena-operator-new.cpp:[[@LINE+3]]:33: warning: call to 'operator new' may allocate on the heap [noalloc-call]
// JSON: "name": "spawn",
// JSON: "verdict": "allocates"
Voice *spawn(Arena &a) { return new (a) Voice{}; }
// JSON: "name": "spawnInPool",
// JSON: "verdict": "none"
Voice *spawnInPool(Pool &p) { return new (p) Voice{}; }
// CHECK: arena-operator-new.cpp:[[@LINE+3]]:34: warning: call to 'operator new' may allocate on the heap [noalloc-call]
// JSON: "name": "viaCall",
// JSON: "verdict": "allocates"
void *viaCall(Arena &a) { return operator new(sizeof(Voice), a); }

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  Arena a;
  spawn(a);
  spawn(a);
  ORACLE_ALLOCATES("a new-expression on a full arena", spawn(a));
  ORACLE_ALLOCATES("operator new on a full arena", viaCall(a));
  Pool p;
  spawnInPool(p);
  spawnInPool(p);
  ORACLE_NO_HEAP("a new-expression on a full pool", spawnInPool(p));
}
#endif
