// A call through a followed pointer that the whole program only ever sets
// to null (a default member initializer '{}' or '= nullptr', one of a
// template that no analysed code instantiates as in entt::delegate) runs no
// function: 'idle', 'fire' are clean. Twins: 'error' and 'fn' of
// 'Delegate<long>', into which Inputs/null-members-arm.cpp stores an
// allocating function, allocate; 'sink', whose address goes to 'attach'
// (defined in no analysed file), 'Table::run' (only copied from what an
// unseen function returns) and 'Maker::fn' (a template's initializer that
// is not null) are unknown. Without the other unit, 'error' and
// 'Delegate<long>::fn' are null only. Every label is the oracle's.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s %S/Inputs/null-members-arm.cpp -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=CALL --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s %S/Inputs/null-members-arm.cpp -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s %S/Inputs/null-members-main.cpp -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=ALONE
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --config="{CheckOptions: {Policy: strict}}" --format=json %s %S/Inputs/null-members-arm.cpp -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=STRICT
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --config="{CheckOptions: {Policy: strict}}" --format=json %s %S/Inputs/null-members-main.cpp -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=STRICT-ALONE
// RUN: %oracle %s -- -std=c++17 %S/Inputs/null-members-arm.cpp

#include "Inputs/null-members.h"
#include <algorithm>

#define ROOT [[clang::annotate("noalloc")]]

void setup(Hooks &h) { attach(&h.sink); }

ROOT int idle(Hooks &h, int x) { return h.idle ? h.idle(x) : x; }
ROOT int fail(Hooks &h, int x) { return h.error ? h.error(x) : x; }
ROOT void drain(Hooks &h, int *p) {
  if (h.sink)
    h.sink(p);
}
ROOT int fire(const Delegate<int> &d, int x) { return d(x); }
ROOT long fireLong(const Delegate<long> &d, long x) { return d(x); }
// Library code that calls user code is summarised without it: the lambda
// std::for_each calls is the link's to decide, with every unit in view, as
// if 'failAll' called it. With the other unit 'failAll' allocates, under
// every policy; without it, 'error' is null only and 'failAll' is clean, as
// 'fail' is. Twin: 'idleAll', through 'idle', is clean.
ROOT void failAll(Hooks *b, Hooks *e) {
  std::for_each(b, e, [](Hooks &h) { fail(h, 1); });
}
ROOT void idleAll(Hooks *b, Hooks *e) {
  std::for_each(b, e, [](Hooks &h) { idle(h, 1); });
}
// Negative twins, never clean. 'Table' is copied, by its implicit copy
// constructor, from what 'libTable' returns, which no analysed file
// defines: the copy stores nothing known, and unseen code filled it.
using Wide = long long (*)(long long);
struct Table {
  Wide run;
};
const Table *libTable();
ROOT long long viaLib(long long x) {
  Table t = *libTable();
  return t.run ? t.run(x) : x;
}
// A default member initializer of a template that is not null, whatever
// no analysed code instantiates.
struct Widget {
  int v;
  static Widget make(Widget w);
};
template <typename T> struct Maker {
  T (*fn)(T) = &T::make;
};
ROOT Widget remake(const Maker<Widget> &m, Widget w) { return m.fn(w); }

// CALL: null-members-arm.cpp:9:32: warning: call to 'loud' may allocate on the heap [noalloc-call]
// CALL: null-members.cpp:37:11: note: 'fireLong' must not allocate: it is a noalloc root
// CALL: null-members.h:20:41: warning: call through 'fn' may allocate on the heap [noalloc-call]
// CALL: null-members-arm.cpp:9:6: note: 'fn' may be 'loudLong', which is stored into it
// CALL: null-members.cpp:31:51: warning: call through 'h.error' may allocate on the heap [noalloc-call]
// CALL: null-members-arm.cpp:3:5: note: 'h.error' may be 'loud', which is stored into it
// CALL: null-members-arm.cpp:4:12: note: 'loud' allocates with 'new' here
// CALL: null-members.cpp:34:5: warning: cannot show that 'drain' is allocation-free: 'drain' calls through function pointer 'h.sink' whose targets noalloc cannot see [noalloc-call]
// CALL: null-members.cpp:37:62: warning: call to 'Delegate<long>::operator()' may allocate on the heap [noalloc-call]
// CALL: null-members.cpp:44:3: warning: call to 'std::for_each<Hooks *, (lambda at null-members.cpp:44:23)>' may allocate on the heap [noalloc-call]
// CALL: null-members.cpp:43:11: note: 'failAll' must not allocate: it is a noalloc root
// CALL: {{.*}}: note: 'std::for_each<Hooks *, (lambda at null-members.cpp:44:23)>' calls 'lambda at null-members.cpp:44:23'
// CALL: null-members.cpp:44:38: note: 'lambda at null-members.cpp:44:23' calls 'fail'
// CALL: null-members.cpp:31:51: note: 'fail' calls through 'h.error', which may be 'loud'
// CALL: null-members-arm.cpp:4:12: note: 'loud' allocates with 'new' here
// CALL: null-members.cpp:44:38: warning: call to 'fail' may allocate on the heap [noalloc-call]
// CALL: null-members.cpp:58:14: warning: cannot show that 'viaLib' is allocation-free: 'libTable' is defined in no analysed file [noalloc-call]
// CALL: null-members.cpp:70:63: warning: cannot show that 'remake' is allocation-free: 'remake' calls through function pointer 'm.fn' whose targets noalloc cannot see [noalloc-call]

// Each call reported: the call through 't.run' is unknown, not only the
// call of 'libTable'.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --config="{CheckOptions: {noalloc-call.ReportEveryCall: true}}" %s %S/Inputs/null-members-arm.cpp -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=EVERY
// EVERY: null-members.cpp:59:18: warning: cannot show that 'viaLib' is allocation-free: 'viaLib' calls through function pointer 't.run' whose targets noalloc cannot see [noalloc-call]

// The plugin without FactsDirectory links this unit alone, which cannot
// tell what another unit stores: 'h.error' (null here, 'loud' in
// null-members-arm.cpp) is unknown, never clean; so is 'h.idle'.
// RUN: %expect-exit 0 %clang-tidy-noalloc --checks='-*,noalloc-call' %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefix=PLUGIN
// PLUGIN: null-members.cpp:30:50: warning: cannot show that 'idle' is allocation-free: 'idle' calls through function pointer 'h.idle' whose targets noalloc cannot see [noalloc-call]
// PLUGIN: null-members.cpp:31:51: warning: cannot show that 'fail' is allocation-free: 'fail' calls through function pointer 'h.error' whose targets noalloc cannot see [noalloc-call]

// JSON: "name": "idle",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "none"
// JSON: "name": "fail",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "drain",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "unknown"
// JSON: "name": "fire",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "none"
// JSON: "name": "fireLong",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "failAll",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "idleAll",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "none"
// JSON: "name": "viaLib",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "unknown"
// JSON: "name": "remake",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "unknown"

// ALONE: "name": "idle",
// ALONE-NEXT: "usr":
// ALONE-NEXT: "verdict": "none"
// ALONE: "name": "fail",
// ALONE-NEXT: "usr":
// ALONE-NEXT: "verdict": "none"
// ALONE: "name": "drain",
// ALONE-NEXT: "usr":
// ALONE-NEXT: "verdict": "unknown"
// ALONE: "name": "fire",
// ALONE-NEXT: "usr":
// ALONE-NEXT: "verdict": "none"
// ALONE: "name": "fireLong",
// ALONE-NEXT: "usr":
// ALONE-NEXT: "verdict": "none"
// ALONE: "name": "failAll",
// ALONE-NEXT: "usr":
// ALONE-NEXT: "verdict": "none"
// ALONE: "name": "idleAll",
// ALONE-NEXT: "usr":
// ALONE-NEXT: "verdict": "none"

// STRICT: "name": "idle",
// STRICT-NEXT: "usr":
// STRICT-NEXT: "verdict": "none"
// STRICT: "name": "fire",
// STRICT-NEXT: "usr":
// STRICT-NEXT: "verdict": "none"
// STRICT: "name": "failAll",
// STRICT-NEXT: "usr":
// STRICT-NEXT: "verdict": "allocates"
// STRICT: "name": "idleAll",
// STRICT-NEXT: "usr":
// STRICT-NEXT: "verdict": "none"

// STRICT-ALONE: "name": "idle",
// STRICT-ALONE-NEXT: "usr":
// STRICT-ALONE-NEXT: "verdict": "none"
// STRICT-ALONE: "name": "fail",
// STRICT-ALONE-NEXT: "usr":
// STRICT-ALONE-NEXT: "verdict": "none"
// STRICT-ALONE: "name": "failAll",
// STRICT-ALONE-NEXT: "usr":
// STRICT-ALONE-NEXT: "verdict": "none"
// STRICT-ALONE: "name": "idleAll",
// STRICT-ALONE-NEXT: "usr":
// STRICT-ALONE-NEXT: "verdict": "none"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
#include <memory>
static void grab(int *p) { delete new int(*p); }
void attach(Sink *slot) { *slot = grab; }
static long long wide(long long x) { return *std::make_unique<long long>(x); }
const Table *libTable() {
  static const Table Filled{wide};
  return &Filled;
}
Widget Widget::make(Widget w) {
  delete new int(w.v);
  return w;
}
ORACLE_MAIN {
  Hooks h;
  Delegate<int> di;
  Delegate<long> dl;
  int v = 1;
  setup(h);
  arm(h, dl);
  ORACLE_NO_HEAP("idle: 'h.idle' is only ever null", idle(h, 1));
  ORACLE_NO_HEAP("fire: 'Delegate<int>::fn' is only ever null", fire(di, 1));
  ORACLE_ALLOCATES("fail: 'loud', stored into 'h.error' by arm", fail(h, 1));
  ORACLE_ALLOCATES("fireLong: 'loudLong', stored by arm", fireLong(dl, 1));
  ORACLE_ALLOCATES("drain: 'grab', stored by attach, unseen", drain(h, &v));
  ORACLE_ALLOCATES("failAll: 'loud', through std::for_each", failAll(&h, &h + 1));
  ORACLE_NO_HEAP("idleAll: 'h.idle' is only ever null, through std::for_each",
                 idleAll(&h, &h + 1));
  ORACLE_ALLOCATES("viaLib: 'wide', stored by libTable, unseen", viaLib(1));
  Maker<Widget> m;
  ORACLE_ALLOCATES("remake: 'Widget::make', the template's initializer",
                   remake(m, Widget{1}));
}
#endif
