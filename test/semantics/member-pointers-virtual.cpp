// A pointer to a virtual member function calls the overrider of the
// object's dynamic type: '(B.*Op)(16)' with 'Op = &Base::run' runs
// 'Derived::run', which mallocs. Whether the pointer is a parameter, a
// global that the program only sets to '&Base::run' or a local, the call
// reaches every overrider (before, only 'Base::run': clean, a wrong
// clean the oracle contradicts). The twins: a pointer to a non-virtual
// member runs that member and no function of a derived class that hides
// it, and a virtual member none of whose overriders allocates is clean.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=VERDICT
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
// RUN:   --config="{CheckOptions: {Roots: 'tick;tickGlobal;tickLocal;tickPlain;tickQuiet'}}" \
// RUN:   %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=ROOTS --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s -- -std=c++17
#include <cstdlib>

struct Base {
  virtual void *run(int) { return nullptr; }
  virtual ~Base() = default;
};
struct Derived : Base {
  void *run(int N) override { return std::malloc(N); }
// ROOTS-DAG: member-pointers-virtual.cpp:[[@LINE-1]]:38: warning: call to 'malloc' may allocate on the heap [noalloc-call]
};

// 'call' only calls its parameter, and 'tick' is its one caller: 'tick'
// calls what it passes, the overriders of 'Base::run' among them
// (test/semantics/callback-parameter.cpp).
void *call(Base &B, void *(Base::*Op)(int)) { return (B.*Op)(16); }
void *tick(Base &B) { return call(B, &Base::run); }
// ROOTS-DAG: member-pointers-virtual.cpp:[[@LINE-1]]:38: warning: call to 'Base::run' may allocate on the heap [noalloc-call]
// ROOTS-DAG: member-pointers-virtual.cpp:[[@LINE-10]]:9: note: 'Base::run' may be 'Derived::run', which overrides it
void *(Base::*Global)(int) = &Base::run;
void *tickGlobal(Base &B) { return (B.*Global)(16); }
// ROOTS-DAG: member-pointers-virtual.cpp:[[@LINE-1]]:36: warning: call through '(B.*Global)' may allocate on the heap [noalloc-call]
void *tickLocal(Base &B) {
  auto Op = &Base::run;
  return (B.*Op)(16);
// ROOTS-DAG: member-pointers-virtual.cpp:[[@LINE-1]]:10: warning: call through '(B.*Op)' may allocate on the heap [noalloc-call]
}

struct Shape {
  void *area(int) { return nullptr; }
  virtual ~Shape() = default;
};
struct Circle : Shape {
  void *area(int N) { return std::malloc(N); } // hides, does not override
};
void *tickPlain(Shape &S) {
  auto Op = &Shape::area;
  return (S.*Op)(16);
}

struct Quiet {
  virtual int level() { return 0; }
  virtual ~Quiet() = default;
};
struct Quieter : Quiet {
  int level() override { return 1; }
};
int tickQuiet(Quiet &Q) {
  int (Quiet::*Op)() = &Quiet::level;
  return (Q.*Op)();
}

// VERDICT: "name": "call",
// VERDICT: "verdict": "none"
// VERDICT: "name": "tick",
// VERDICT: "verdict": "allocates"
// VERDICT: "name": "tickGlobal",
// VERDICT: "verdict": "allocates"
// VERDICT: "name": "tickLocal",
// VERDICT: "verdict": "allocates"
// VERDICT: "name": "tickPlain",
// VERDICT: "verdict": "none"
// VERDICT: "name": "tickQuiet",
// VERDICT: "verdict": "none"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  Derived D;
  Circle C;
  Quieter Q;
  void *P = nullptr;
  ORACLE_ALLOCATES("call through a parameter", P = tick(D));
  std::free(P);
  ORACLE_ALLOCATES("call through a global", P = tickGlobal(D));
  std::free(P);
  ORACLE_ALLOCATES("call through a local", P = tickLocal(D));
  std::free(P);
  ORACLE_NO_HEAP("a non-virtual member", tickPlain(C));
  ORACLE_NO_HEAP("overriders that do not allocate", tickQuiet(Q));
}
#endif
