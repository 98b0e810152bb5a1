// A record given to an indirect or virtual call: when every function the
// call may reach is analysed code, what they store is in the facts, and the
// call writes nothing unseen. 'calm' (through a pointer: 'calmReset' and
// 'calmClear' only store null) and 'settle' (virtual: 'Clear::fill' does)
// are clean; before, the call made 'run' written by unseen code, which
// reaches 'loud' (allocates). Twins: 'armed', whose targets include
// 'loudArm' that stores 'loud', allocates; so do 'far' and 'unsettle',
// whose targets include a function no analysed file defines ('farFill',
// 'Far::fill'): the call through 'run' reaches every address-taken
// function of its type, 'loud', beside the unseen call. Linked alone (the
// plugin without FactsDirectory), the targets are not all in view: 'calm'
// and 'settle' are not clean. A pointer or object that a function no
// analysed file defines returned is another's ('handed', 'borrowing'). Every
// label is the oracle's.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --config="{CheckOptions: {noalloc-call.ReportEveryCall: true}}" %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=EVERY --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 0 %clang-tidy-noalloc --checks='-*,noalloc-call' %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefix=PLUGIN
// RUN: %oracle %s -- -std=c++17

#include <algorithm>

#define ROOT [[clang::annotate("noalloc")]]

using Handler = int (*)(int);
int loud(int x) {
  int *p = new int(x);
  int v = *p;
  delete p;
  return v;
}

// Through a pointer: every function of the type 'void (Calm *)' whose
// address is taken stores null only.
struct Calm {
  Handler run;
};
void calmReset(Calm *c) { c->run = nullptr; }
void calmClear(Calm *c) { *c = Calm{}; }
using CalmFill = void (*)(Calm *);
CalmFill calmFills[] = {calmReset, calmClear};
ROOT int calm(int which, int x) { // A table, not a client's parameter.
  Calm c{};
  calmFills[which & 1](&c);
  return c.run ? c.run(x) : x;
}

struct Loud {
  Handler run;
};
void loudReset(Loud *l) { l->run = nullptr; }
void loudArm(Loud *l) { l->run = loud; }
using LoudFill = void (*)(Loud *);
LoudFill loudFills[] = {loudReset, loudArm};
ROOT int armed(LoudFill fill, int x) {
  Loud l{};
  fill(&l);
  return l.run ? l.run(x) : x;
}

struct Farther {
  Handler run;
};
void farReset(Farther *f) { f->run = nullptr; }
void farFill(Farther *f); // defined in no analysed file
using FarFill = void (*)(Farther *);
FarFill farFills[] = {farReset, farFill};
ROOT int far(FarFill fill, int x) {
  Farther f{};
  fill(&f);
  return f.run ? f.run(x) : x;
}

namespace { // Virtual: every overrider of 'Filler::fill' stores null only.
struct Slot {
  Handler run;
};
struct Filler {
  virtual void fill(Slot &s) = 0;
  virtual ~Filler() = default;
};
struct Clear : Filler {
  void fill(Slot &s) override { s.run = nullptr; }
}; } // namespace: no client adds an overrider (client-overrides.cpp)
ROOT int settle(Filler &f, int x) {
  Slot s{};
  f.fill(s);
  return s.run ? s.run(x) : x;
}

struct FarSlot {
  Handler run;
};
struct FarFiller {
  virtual void fill(FarSlot &s) = 0;
  virtual ~FarFiller() = default;
};
struct FarClear : FarFiller {
  void fill(FarSlot &s) override { s.run = nullptr; }
};
struct Far : FarFiller {
  void fill(FarSlot &s) override; // defined in no analysed file
};
ROOT int unsettle(FarFiller &f, int x) {
  FarSlot s{};
  f.fill(s);
  return s.run ? s.run(x) : x;
}

// Called by library code: 'std::for_each' runs 'lentFill', defined in no
// analysed file, on each element: 'lent' is not clean (it was). Its twin
// 'kept', whose elements only 'keptReset' (analysed, stores null) is run
// on, is.
struct Lent {
  Handler run;
};
void lentReset(Lent &l) { l.run = nullptr; }
void lentFill(Lent &l); // defined in no analysed file
Lent lents[1] = {};
void fillLents() { std::for_each(lents, lents + 1, lentFill); }
ROOT int lent(int x) { return lents[0].run ? lents[0].run(x) : x; }

struct Kept {
  Handler run;
};
void keptReset(Kept &k) { k.run = nullptr; }
Kept kepts[1] = {};
void resetKepts() { std::for_each(kepts, kepts + 1, keptReset); }
ROOT int kept(int x) { return kepts[0].run ? kepts[0].run(x) : x; }

// Through a pointer, or on an object, that a function no analysed file
// defines returned: it may be a function, or of a class, the program does
// not have, whatever the analysed ones of its type do. 'handed' and
// 'borrowing' are not clean (they were). Twins: 'known', whose pointer
// 'knownFactory' (analysed) returns, is clean; so is 'settle'.
struct Handed {
  Handler run;
};
using HandedFill = void (*)(Handed &);
void handedReset(Handed &h) { h.run = nullptr; }
HandedFill handedFills[] = {handedReset};
HandedFill handedFactory(); // defined in no analysed file
Handed handedSlot;
void handOut() { handedFactory()(handedSlot); }
ROOT int handed(int x) { return handedSlot.run ? handedSlot.run(x) : x; }

struct Known {
  Handler run;
};
using KnownFill = void (*)(Known &);
void knownReset(Known &k) { k.run = nullptr; }
KnownFill knownFactory() { return knownReset; }
Known knownSlot;
void handOutKnown() { knownFactory()(knownSlot); }
ROOT int known(int x) { return knownSlot.run ? knownSlot.run(x) : x; }

struct Borrowed {
  Handler run;
};
struct Lender {
  virtual void fill(Borrowed &) = 0;
};
struct QuietLender : Lender {
  void fill(Borrowed &b) override { b.run = nullptr; }
};
Lender *unseenLender(); // defined in no analysed file
Borrowed borrowed;
void borrow() { unseenLender()->fill(borrowed); }
ROOT int borrowing(int x) { return borrowed.run ? borrowed.run(x) : x; }

// JSON: "name": "calm",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "none"
// JSON: "name": "armed",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "far",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "settle",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "none"
// JSON: "name": "unsettle",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "lent",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "kept",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "none"
// JSON: "name": "handed",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "known",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "none"
// JSON: "name": "borrowing",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"

// Each call reported: not the calls through 'c.run' and 's.run' of 'calm'
// and 'settle', nor 'kepts[0].run' and 'knownSlot.run'.
// A root's parameter, which a client outside the run may pass anything
// (client-callbacks.c):
// EVERY: null-members-writers.cpp:59:3: warning: cannot show that 'armed' is allocation-free: 'armed' calls through 'fill', which client code outside the run may pass [noalloc-call]
// EVERY: null-members-writers.cpp:60:18: warning: call through 'l.run' may allocate on the heap [noalloc-call]
// EVERY: null-members-writers.cpp:72:3: warning: cannot show that 'far' is allocation-free: 'farFill' is defined in no analysed file [noalloc-call]
// EVERY: null-members-writers.cpp:73:18: warning: call through 'f.run' may allocate on the heap [noalloc-call]
// EVERY: null-members-writers.cpp:108:5: warning: cannot show that 'unsettle' is allocation-free: 'Far::fill' is defined in no analysed file [noalloc-call]
// EVERY: null-members-writers.cpp:109:18: warning: call through 's.run' may allocate on the heap [noalloc-call]
// EVERY: null-members-writers.cpp:123:46: warning: call through 'lents[0].run' may allocate on the heap [noalloc-call]
// EVERY: null-members-writers.cpp:147:50: warning: call through 'handedSlot.run' may allocate on the heap [noalloc-call]
// EVERY: null-members-writers.cpp:171:51: warning: call through 'borrowed.run' may allocate on the heap [noalloc-call]

// PLUGIN: null-members-writers.cpp:47:18: warning: call through 'c.run' may allocate on the heap [noalloc-call]
// PLUGIN: null-members-writers.cpp:90:18: warning: call through 's.run' may allocate on the heap [noalloc-call]

#ifdef NOALLOC_ORACLE
#include "oracle.h"
void farFill(Farther *f) { f->run = loud; }
void Far::fill(FarSlot &s) { s.run = loud; }
void lentFill(Lent &l) { l.run = loud; }
static void handedFill(Handed &h) { h.run = loud; }
HandedFill handedFactory() { return handedFill; }
struct LoudLender : Lender {
  void fill(Borrowed &b) override { b.run = loud; }
};
Lender *unseenLender() {
  static LoudLender lender;
  return &lender;
}
ORACLE_MAIN {
  Clear clear;
  Far farAway;
  ORACLE_NO_HEAP("calm: 'calmReset' stores null", calm(0, 1));
  ORACLE_NO_HEAP("calm: 'calmClear' stores null", calm(1, 1));
  ORACLE_ALLOCATES("armed: 'loudArm' stores 'loud'", armed(loudArm, 1));
  ORACLE_ALLOCATES("far: 'farFill', unseen, stores 'loud'", far(farFill, 1));
  ORACLE_NO_HEAP("settle: 'Clear::fill' stores null", settle(clear, 1));
  ORACLE_ALLOCATES("unsettle: 'Far::fill', unseen, stores 'loud'",
                   unsettle(farAway, 1));
  fillLents();
  ORACLE_ALLOCATES("lent: 'lentFill', unseen, stores 'loud'", lent(1));
  resetKepts();
  ORACLE_NO_HEAP("kept: 'keptReset' stores null", kept(1));
  handOut();
  ORACLE_ALLOCATES("handed: 'handedFill', unseen, stores 'loud'", handed(1));
  handOutKnown();
  ORACLE_NO_HEAP("known: 'knownReset' stores null", known(1));
  borrow();
  ORACLE_ALLOCATES("borrowing: 'LoudLender::fill', unseen, stores 'loud'",
                   borrowing(1));
}
#endif
