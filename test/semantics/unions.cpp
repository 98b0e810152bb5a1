// A union's destructor never destroys its variant members, and a class
// with an anonymous union member does not destroy the union either (its
// destructor is deleted and never runs): the destructors of 'Slot' and
// 'Tagged' use no heap. The twins: a union member of a class whose own
// destructor runs, a struct member destroyed as usual.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++20 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %oracle %s -- -std=c++20

#include <cstdlib>
#include <string>

struct Flushing {
  ~Flushing() { std::free(std::malloc(8)); }
};
union Slot {
  Flushing F;
  int I;
  Slot() : I(0) {}
  ~Slot() {}
};
int useSlot() {
  Slot S;
  return S.I;
}

struct Tagged {
  bool IsText;
  union {
    std::string Text;
    int Number;
  };
  Tagged() : IsText(false), Number(0) {}
  ~Tagged() {}
};
int useTagged() {
  Tagged T;
  return T.Number;
}

struct Owner {
  Slot Held;
  Flushing Last;
};
int useOwner() {
  Owner O;
  return O.Held.I;
}

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  ORACLE_NO_HEAP("union with a member whose destructor allocates", useSlot());
  ORACLE_NO_HEAP("class with an anonymous union", useTagged());
  ORACLE_ALLOCATES("class with a member whose destructor allocates",
                   useOwner());
}
#endif

// CHECK: unions.cpp:16:27: warning: call to 'malloc' may allocate on the heap [noalloc-call]
// CHECK: unions.cpp:16:27: note: 'malloc' allocates on the heap
// CHECK: unions.cpp:48:9: warning: call to 'Owner::~Owner' may allocate on the heap [noalloc-call]
// CHECK: unions.cpp:43:8: note: 'Owner::~Owner' destroys member 'Last' ('Flushing')
// CHECK: unions.cpp:16:27: note: 'Flushing::~Flushing' calls 'malloc', which allocates on the heap

// JSON: "name": "Slot::~Slot",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "none"
// JSON: "name": "useSlot",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "none"
// JSON: "name": "Tagged::~Tagged",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "none"
// JSON: "name": "useTagged",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "none"
// JSON: "name": "Owner::~Owner",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "useOwner",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
