// A constexpr table of function pointers written out in user code is a
// followed pointer like any other: its functions go where the table
// goes, not into every pointer of their type. 'runLocal' calls through
// the table and reaches 'loudHandler'; 'runCurrent' calls through
// 'Current', which only 'quietHandler' is stored into. Before, reading the
// table's value marked its functions as escaping, and 'runCurrent' reached
// 'loudHandler' too. A table that library code builds still makes its
// functions escape (test/semantics/constexpr-dispatch.cpp).
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s
// RUN: %oracle %s -- -std=c++17

#include <cstdlib>

using Handler = void (*)();
void loudHandler() { std::free(std::malloc(8)); }
void quietHandler() {}
void runLocal(int I) {
  constexpr Handler Table[] = {loudHandler, quietHandler};
  Table[I]();
}
static Handler Current = quietHandler;
void runCurrent() { Current(); }

// CHECK: "name": "runLocal",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "runCurrent",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  ORACLE_ALLOCATES("a constexpr table's loud handler", runLocal(0));
  ORACLE_NO_HEAP("a pointer only the quiet handler is stored into", runCurrent());
}
#endif
