// A global that no analysed unit defines holds what its initializer, not
// in view, puts there: the pointers in it, and in what it reaches, are not
// null only, whatever the units store ('= nullptr' here). 'lib' reads
// 'libHooks', 'hook' the pointer 'libHook'; 'viaItems' and 'viaCells' read
// copies that libstdc++ makes ('items = libItems', 'std::copy' from
// 'libCells'): unknown, never clean (the oracle's definitions hold an
// allocating function). Their twins read globals that
// Inputs/null-members-extern-app.cpp defines, null: clean. Without that
// unit, those are defined nowhere either: unknown. Every label is the
// oracle's.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s %S/Inputs/null-members-extern-app.cpp -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=ALONE
// RUN: %oracle %s -- -std=c++17 %S/Inputs/null-members-extern-app.cpp

#include "Inputs/null-members-extern.h"
#include <algorithm>

#define ROOT [[clang::annotate("noalloc")]]

std::vector<LibItem> items;
std::vector<AppItem> appItemCopies;
LibCell cells[1];
AppCell appCellCopies[1];

void copyAll() {
  items = libItems;
  appItemCopies = appItems;
  std::copy(libCells, libCells + 1, cells);
  std::copy(appCells, appCells + 1, appCellCopies);
}
void resetHooks() {
  libHook = nullptr;
  appHook = nullptr;
}

ROOT int lib(int x) { return libHooks.run ? libHooks.run(x) : x; }
ROOT int app(int x) { return appHooks.run ? appHooks.run(x) : x; }
ROOT int hook(int x) { return libHook ? libHook(x) : x; }
ROOT int appHookCall(int x) { return appHook ? appHook(x) : x; }
ROOT int viaItems(int x) { return items[0].run ? items[0].run(x) : x; }
ROOT int viaAppItems(int x) {
  return appItemCopies[0].run ? appItemCopies[0].run(x) : x;
}
ROOT int viaCells(int x) { return cells[0].run ? cells[0].run(x) : x; }
ROOT int viaAppCells(int x) {
  return appCellCopies[0].run ? appCellCopies[0].run(x) : x;
}

// JSON: "name": "lib",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "unknown"
// JSON: "name": "app",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "none"
// JSON: "name": "hook",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "unknown"
// JSON: "name": "appHookCall",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "none"
// JSON: "name": "viaItems",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "unknown"
// JSON: "name": "viaAppItems",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "none"
// JSON: "name": "viaCells",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "unknown"
// JSON: "name": "viaAppCells",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "none"

// ALONE: "name": "app",
// ALONE-NEXT: "usr":
// ALONE-NEXT: "verdict": "unknown"
// ALONE: "name": "appHookCall",
// ALONE-NEXT: "usr":
// ALONE-NEXT: "verdict": "unknown"
// ALONE: "name": "viaAppItems",
// ALONE-NEXT: "usr":
// ALONE-NEXT: "verdict": "unknown"
// ALONE: "name": "viaAppCells",
// ALONE-NEXT: "usr":
// ALONE-NEXT: "verdict": "unknown"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
static int loud(int x) {
  int *p = new int(x);
  int v = *p;
  delete p;
  return v;
}
LibHooks libHooks{loud};
Handler libHook = loud;
std::vector<LibItem> libItems{LibItem{loud}};
extern const LibCell libCells[1] = {{loud}};
ORACLE_MAIN {
  copyAll();
  ORACLE_ALLOCATES("lib: 'libHooks' holds 'loud'", lib(1));
  ORACLE_NO_HEAP("app: 'appHooks' is null", app(1));
  ORACLE_ALLOCATES("hook: 'libHook' holds 'loud'", hook(1));
  ORACLE_NO_HEAP("appHookCall: 'appHook' is null", appHookCall(1));
  ORACLE_ALLOCATES("viaItems: copied from 'libItems'", viaItems(1));
  ORACLE_NO_HEAP("viaAppItems: copied from 'appItems'", viaAppItems(1));
  ORACLE_ALLOCATES("viaCells: copied from 'libCells'", viaCells(1));
  ORACLE_NO_HEAP("viaAppCells: copied from 'appCells'", viaAppCells(1));
  resetHooks();
}
#endif
