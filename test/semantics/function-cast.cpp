// C++'s casts of functions: a handler table filled with
// 'reinterpret_cast<Hook>(&grab)', and a message map whose entries are
// pointers to members of the base class ('static_cast<Handler>(&Editor::onOpen)',
// as MFC's are). The cast's type is one of the function's signatures, so a
// call through a pointer of that type may run it. Before, 'tick' and 'pump'
// were 'none' (review4 #1). The twins call through pointers of the same
// types that only quiet functions are stored into.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
// RUN:   --config="{CheckOptions: {Roots: 'tick;tickQuiet;pump;pumpQuiet', Policy: strict}}" \
// RUN:   %s -- -std=c++17 | FileCheck %s --check-prefix=ROOTS \
// RUN:   --implicit-check-not="'tickQuiet' must not" --implicit-check-not="'pumpQuiet' must not"
// RUN: %oracle %s -- -std=c++17

#include <cstdlib>

using Hook = void *(*)(void *);
struct Pool;
static void *grab(Pool *) { return std::malloc(32); }
static void *pass(void *p) { return p; }
Hook hooks[2] = {pass, reinterpret_cast<Hook>(&grab)};
Hook quietHooks[1] = {pass};
void *tick(int i) { return hooks[i](nullptr); }
void *tickQuiet() { return quietHooks[0](nullptr); }

struct Window;
using Handler = void (Window::*)();
struct Entry { int msg; Handler fn; };
struct Window {
  void *kept = nullptr;
  void onIdle() {}
  void dispatch(const Entry *map, int n, int msg) {
    for (int i = 0; i < n; ++i)
      if (map[i].msg == msg)
        (this->*map[i].fn)();
  }
};
struct Editor : Window {
  void onOpen() { kept = std::malloc(64); }
};
const Entry editorMap[] = {
    {1, &Window::onIdle},
    {2, static_cast<Handler>(&Editor::onOpen)},
};
void pump(Editor &e, int msg) { e.dispatch(editorMap, 2, msg); }
struct QuietEntry { Handler fn; };
QuietEntry quietMap[] = {{&Window::onIdle}};
void pumpQuiet(Window &w) { (w.*quietMap[0].fn)(); }

// CHECK: "name": "tick",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "tickQuiet",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "pump",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "pumpQuiet",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"

// ROOTS-DAG: function-cast.cpp:24:28: warning: call through 'hooks[i]' may allocate on the heap [noalloc-call]
// ROOTS-DAG: function-cast.cpp:20:14: note: 'hooks[i]' may be 'grab', which is stored into it
// ROOTS-DAG: function-cast.cpp:46:35: warning: call to 'Window::dispatch' may allocate on the heap [noalloc-call]
// ROOTS-DAG: function-cast.cpp:40:8: note: '(this->*map[i].fn)' may be 'Editor::onOpen', which is stored into it

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  ORACLE_ALLOCATES("tick(1): grab, cast to Hook", std::free(tick(1)));
  ORACLE_NO_HEAP("tickQuiet: only pass", tickQuiet());
  Editor e;
  ORACLE_ALLOCATES("pump(2): Editor::onOpen, cast to Handler", pump(e, 2));
  std::free(e.kept);
  ORACLE_NO_HEAP("pumpQuiet: only Window::onIdle", pumpQuiet(e));
}
#endif
