// A default argument or default member initializer is evaluated where it
// is used: its calls are reported there, in the function that takes the
// default ('use()', 'Node n{}'), not in the header that wrote it, which a
// header filter may leave out (review5 #2: with --exclude-header-filter
// both roots had no finding and exit 0, while their verdicts were
// 'allocates'). A NOLINT where the default is used accepts it. Twins: the
// quiet defaults of the same shapes.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --exclude-header-filter=defaults \
// RUN:   --config="{CheckOptions: {Roots: 'takesDefault;initializesNode;takesQuiet;initializesQuiet;accepted'}}" \
// RUN:   %s -- -std=c++17 -I %S/Inputs/defaults 2>&1 | FileCheck %s --implicit-check-not='warning:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 -I %S/Inputs/defaults \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %oracle %s -- -std=c++17 -I %S/Inputs/defaults
#include <lib.h>

// CHECK: defaults-in-header.cpp:[[@LINE+3]]:29: warning: call to 'makeDefault' may allocate on the heap [noalloc-call]
// JSON: "name": "takesDefault",
// JSON: "verdict": "allocates"
int takesDefault() { return use(); }
// CHECK: defaults-in-header.cpp:[[@LINE+3]]:32: warning: call to 'grab' may allocate on the heap [noalloc-call]
// JSON: "name": "initializesNode",
// JSON: "verdict": "allocates"
int initializesNode() { Node n{}; return n.x; }
// JSON: "name": "takesQuiet",
// JSON: "verdict": "none"
int takesQuiet() { return useQuiet(); }
// JSON: "name": "initializesQuiet",
// JSON: "verdict": "none"
int initializesQuiet() { QuietNode n{}; return n.x; }
int accepted() { return use(); } // NOLINT(noalloc-call)

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  ORACLE_ALLOCATES("a default argument", takesDefault());
  ORACLE_ALLOCATES("a default member initializer", initializesNode());
  ORACLE_NO_HEAP("a quiet default argument", takesQuiet());
  ORACLE_NO_HEAP("a quiet default member initializer", initializesQuiet());
}
#endif
