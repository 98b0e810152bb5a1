// A function pointer that a function no analysed file defines returned may
// be a function the program does not have: stored into a pointer and
// called ('viaMade'), or called with a record whose pointer it may write,
// through a variable ('local', 'global': 'w = factory(); w(slot)') or as
// the result of a call's result ('getFactory()()(slot)'). Each was clean;
// the oracle's definitions of those functions allocate. A std::function
// that such a function returns is unknown too ('viaMadeFunction'). Twins
// stay clean: the pointer that an analysed factory returns, which returns
// only 'quiet' ('viaKnown'), and the record given to the function an
// analysed factory returns, which stores null only ('knownLocal'). Every
// label is the oracle's.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefix=WARN --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s -- -std=c++17

#include <functional>

#define ROOT [[clang::annotate("noalloc")]]

using Handler = int (*)(int);
int quiet(int x) { return x; }

Handler makeHandler(); // defined in no analysed file
Handler made = nullptr;
void make() { made = makeHandler(); }
ROOT int viaMade(int x) { return made ? made(x) : x; }

Handler makeKnownHandler() { return quiet; }
Handler known = nullptr;
void makeKnown() { known = makeKnownHandler(); }
ROOT int viaKnown(int x) { return known ? known(x) : x; }

std::function<int(int)> makeFunction(); // defined in no analysed file
std::function<int(int)> madeFunction;
void makeFunctionIn() { madeFunction = makeFunction(); }
ROOT int viaMadeFunction(int x) { return madeFunction ? madeFunction(x) : x; }

// Records whose pointer the function called may write. 'loudStep' is the
// one allocating function of the pointer's type whose address is taken:
// what code the program does not have stores, it may be.
using Step = long (*)(long);
long loudStep(long x) {
  long *p = new long(x);
  long v = *p;
  delete p;
  return v;
}
Step steps[] = {loudStep};
struct LocalSlot {
  Step run;
};
struct GlobalSlot {
  Step run;
};
struct CalledSlot {
  Step run;
};
struct KnownSlot {
  Step run;
};
using LocalFill = void (*)(LocalSlot &);
using GlobalFill = void (*)(GlobalSlot &);
using CalledFill = void (*)(CalledSlot &);
using KnownFill = void (*)(KnownSlot &);
void localReset(LocalSlot &s) { s.run = nullptr; }
void globalReset(GlobalSlot &s) { s.run = nullptr; }
void calledReset(CalledSlot &s) { s.run = nullptr; }
void knownReset(KnownSlot &s) { s.run = nullptr; }
LocalFill localFills[] = {localReset};
GlobalFill globalFills[] = {globalReset};
CalledFill calledFills[] = {calledReset};
LocalFill localFactory();           // defined in no analysed file
GlobalFill globalFactory();         // defined in no analysed file
CalledFill (*calledFactory())();    // defined in no analysed file
KnownFill knownFactory() { return knownReset; }

LocalSlot localSlot;
GlobalSlot globalSlot;
CalledSlot calledSlot;
KnownSlot knownSlot;
void fillLocal() {
  LocalFill w = localFactory();
  w(localSlot);
}
GlobalFill globalFill = globalFactory();
void fillGlobal() { globalFill(globalSlot); }
void fillCalled() { calledFactory()()(calledSlot); }
void fillKnown() {
  KnownFill w = knownFactory();
  w(knownSlot);
}
ROOT long local(long x) { return localSlot.run ? localSlot.run(x) : x; }
ROOT long global(long x) { return globalSlot.run ? globalSlot.run(x) : x; }
ROOT long called(long x) { return calledSlot.run ? calledSlot.run(x) : x; }
ROOT long knownLocal(long x) { return knownSlot.run ? knownSlot.run(x) : x; }

// JSON: "name": "viaMade",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "unknown"
// JSON: "name": "viaKnown",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "none"
// JSON: "name": "viaMadeFunction",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "unknown"
// JSON: "name": "local",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "global",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "called",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "knownLocal",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "none"

// WARN: null-members-returned.cpp:28:41: warning: cannot show that 'viaMade' is allocation-free: 'viaMade' calls through function pointer 'made' whose targets noalloc cannot see [noalloc-call]
// WARN: null-members-returned.cpp:38:57: warning: call to 'std::function<int (int)>::operator()' may allocate only when it fails (throws 'std::bad_function_call') [noalloc-call]
// WARN: null-members-returned.cpp:94:50: warning: call through 'localSlot.run' may allocate on the heap [noalloc-call]
// WARN: null-members-returned.cpp:95:52: warning: call through 'globalSlot.run' may allocate on the heap [noalloc-call]
// WARN: null-members-returned.cpp:96:52: warning: call through 'calledSlot.run' may allocate on the heap [noalloc-call]

#ifdef NOALLOC_ORACLE
#include "oracle.h"
static int loud(int x) {
  int *p = new int(x);
  int v = *p;
  delete p;
  return v;
}
Handler makeHandler() { return loud; }
std::function<int(int)> makeFunction() { return loud; }
static void localLoud(LocalSlot &s) { s.run = loudStep; }
static void globalLoud(GlobalSlot &s) { s.run = loudStep; }
static void calledLoud(CalledSlot &s) { s.run = loudStep; }
LocalFill localFactory() { return localLoud; }
GlobalFill globalFactory() { return globalLoud; }
static CalledFill giveCalled() { return calledLoud; }
CalledFill (*calledFactory())() { return giveCalled; }
ORACLE_MAIN {
  make();
  ORACLE_ALLOCATES("viaMade: 'makeHandler', unseen, returns 'loud'",
                   viaMade(1));
  makeKnown();
  ORACLE_NO_HEAP("viaKnown: 'makeKnownHandler' returns 'quiet'", viaKnown(1));
  makeFunctionIn();
  ORACLE_ALLOCATES("viaMadeFunction: 'makeFunction', unseen, holds 'loud'",
                   viaMadeFunction(1));
  fillLocal();
  ORACLE_ALLOCATES("local: 'localFactory', unseen, stores 'loudStep'",
                   local(1));
  fillGlobal();
  ORACLE_ALLOCATES("global: 'globalFactory', unseen, stores 'loudStep'",
                   global(1));
  fillCalled();
  ORACLE_ALLOCATES("called: 'calledFactory', unseen, stores 'loudStep'",
                   called(1));
  fillKnown();
  ORACLE_NO_HEAP("knownLocal: 'knownReset' stores null", knownLocal(1));
}
#endif
