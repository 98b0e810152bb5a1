// Members held in place beyond private members of a class whose code is
// all here (objects.cpp): when no other unit can name the class (an
// unnamed namespace, a local class of a function that is not inline, a
// class template's specialization for either), every use of its members,
// public ones included, and every constructor and member function that
// can run are in this unit, instantiations included. A member that every
// constructor starts empty (or with a short literal string) and that all
// of them only read is held in place. Every label is the oracle's, with
// libstdc++ and libc++; every function is a root.
// - Held: a public member read by code outside the class; a class
//   template's private member; a local class's member.
// - Not held, the twins: the public member grown from outside the class,
//   the class template's member grown by a member function, an aggregate
//   (braces initialize its members with no constructor), a member named
//   by a structured binding and grown through it, and a class other units
//   can name (another unit may grow its public member).
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefix=JSON
// noalloc-std-type says which members are held (without roots, which
// leave members out), as the verdicts do; a class template's member is
// held when every specialization here holds it.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-std-type' --config='{CheckOptions: {noalloc-std-type.ReportHeldInPlace: true}}' \
// RUN:   %s -- -std=c++17 -DROOT= | FileCheck %s --check-prefix=DIRECT --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-std-type' --config='{CheckOptions: {noalloc-std-type.ReportHeldInPlace: true}}' \
// RUN:   %s -- -std=c++17 -stdlib=libc++ -DROOT= | FileCheck %s --check-prefix=DIRECT --implicit-check-not='{{warning|error|note}}:'
// RUN: %oracle %s -- -std=c++17

#include <cstddef>
#include <string>
#include <vector>

#ifndef ROOT
#define ROOT [[clang::annotate("noalloc")]]
#endif

namespace {
struct Open {
  std::vector<int> Values;
  // DIRECT: members.cpp:[[@LINE-1]]:20: warning: member 'Values' of type 'std::vector<int>' does not use the heap here, but its type can [noalloc-std-type]
  std::string Name = "sensor";
  // DIRECT: members.cpp:[[@LINE-1]]:15: warning: member 'Name' of type 'std::string' does not use the heap here, but its type can [noalloc-std-type]
  Open() {}
};
int openCount(const Open &O) { return (int)O.Values.size() + (int)O.Name.size(); }

struct OpenGrown {
  std::vector<int> Values;
  // DIRECT: members.cpp:[[@LINE-1]]:20: warning: member 'Values' of type 'std::vector<int>' allocates on the heap [noalloc-std-type]
  OpenGrown() {}
};
void grow(OpenGrown &O) { O.Values.push_back(1); }

template <class T> class Box {
  std::vector<T> Items;
  // DIRECT: members.cpp:[[@LINE-1]]:18: warning: member 'Items' of type 'std::vector<T>' does not use the heap here, but its type can [noalloc-std-type]

public:
  Box() {}
  std::size_t size() const { return Items.size(); }
};

template <class T> class Bag {
  std::vector<T> Items;
  // DIRECT: members.cpp:[[@LINE-1]]:18: warning: member 'Items' of type 'std::vector<T>' allocates on the heap [noalloc-std-type]

public:
  Bag() {}
  void add(T X) { Items.push_back(X); }
  std::size_t size() const { return Items.size(); }
};

struct Aggregate {
  std::vector<int> Values;
  // DIRECT: members.cpp:[[@LINE-1]]:20: warning: member 'Values' of type 'std::vector<int>' allocates on the heap [noalloc-std-type]
};

struct Bound {
  std::vector<int> Values;
  // DIRECT: members.cpp:[[@LINE-1]]:20: warning: member 'Values' of type 'std::vector<int>' allocates on the heap [noalloc-std-type]
  Bound() {}
};
} // namespace

// A class template other units can name: they instantiate its members
// from the same template, which is all here. Window's members only read
// its private member (empty(), not instantiated here, too); Ring's add,
// which another unit may instantiate, grows it.
template <class T> class Window {
  std::vector<T> Items;
  // DIRECT: members.cpp:[[@LINE-1]]:18: warning: member 'Items' of type 'std::vector<T>' does not use the heap here, but its type can [noalloc-std-type]

public:
  Window() {}
  std::size_t size() const { return Items.size(); }
  bool empty() const { return Items.empty(); }
};
template <class T> class Ring {
  std::vector<T> Items;
  // DIRECT: members.cpp:[[@LINE-1]]:18: warning: member 'Items' of type 'std::vector<T>' allocates on the heap [noalloc-std-type]

public:
  Ring() {}
  std::size_t size() const { return Items.size(); }
  void add(T X) { Items.push_back(X); }
};

// Other units can name it: its public member may grow there.
struct Shared {
  std::vector<int> Values;
  // DIRECT: members.cpp:[[@LINE-1]]:20: warning: member 'Values' of type 'std::vector<int>' allocates on the heap [noalloc-std-type]
  Shared() {}
};
ROOT int sharedCount(const Shared &S) { return (int)S.Values.size(); }

// Constructed, copied, assigned, read and destroyed.
ROOT int openMember() {
  Open O;
  Open Copy = O;
  Copy = O;
  return openCount(O) + openCount(Copy);
}
ROOT int openGrownMember() {
  OpenGrown O;
  grow(O);
  return (int)O.Values.size();
}
ROOT int boxMember() {
  Box<int> B;
  Box<int> Copy = B;
  return (int)(B.size() + Copy.size());
}
ROOT int bagMember() {
  Bag<int> B;
  B.add(1);
  return (int)B.size();
}
ROOT int windowMember() {
  Window<int> W;
  Window<int> Copy = W;
  return (int)(W.size() + Copy.size());
}
// Not a label: copying an empty Ring allocates nothing, but a Ring that
// another unit grew does.
ROOT int ringMember() {
  Ring<int> R;
  Ring<int> Copy = R;
  return (int)(R.size() + Copy.size());
}
ROOT int localMember() {
  struct Local {
    std::vector<int> Values;
    // DIRECT: members.cpp:[[@LINE-1]]:22: warning: member 'Values' of type 'std::vector<int>' does not use the heap here, but its type can [noalloc-std-type]
    Local() {}
    int count() const { return (int)Values.size(); }
  };
  Local L;
  Local Copy = L;
  return L.count() + Copy.count();
}
ROOT int aggregateMember() {
  Aggregate A{{1, 2, 3}};
  // DIRECT: members.cpp:[[@LINE-1]]:15: warning: construction of 'std::vector<int>' allocates on the heap [noalloc-std-type]
  return (int)A.Values.size();
}
ROOT int boundMember() {
  Bound B;
  auto &[Values] = B;
  Values.push_back(1);
  return (int)B.Values.size();
}

// JSON: "name": "sharedCount",
// JSON: "verdict": "none"
// JSON: "name": "openMember",
// JSON: "verdict": "none"
// JSON: "name": "openGrownMember",
// JSON: "verdict": "allocates"
// JSON: "name": "boxMember",
// JSON: "verdict": "none"
// JSON: "name": "bagMember",
// JSON: "verdict": "allocates"
// JSON: "name": "windowMember",
// JSON: "verdict": "none"
// JSON: "name": "ringMember",
// JSON: "verdict": "allocates"
// JSON: "name": "localMember",
// JSON: "verdict": "none"
// JSON: "name": "aggregateMember",
// JSON: "verdict": "allocates"
// JSON: "name": "boundMember",
// JSON: "verdict": "allocates"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  Shared S;
  ORACLE_NO_HEAP("reading a public member", sharedCount(S));
  ORACLE_NO_HEAP("a public member only read, in an unnamed namespace", openMember());
  ORACLE_ALLOCATES("a public member grown from outside its class", openGrownMember());
  ORACLE_NO_HEAP("a class template's member only read, in an unnamed namespace", boxMember());
  ORACLE_ALLOCATES("a class template's member grown, in an unnamed namespace", bagMember());
  ORACLE_NO_HEAP("a class template's private member only read, by every member function", windowMember());
  ORACLE_NO_HEAP("a local class's member only read", localMember());
  ORACLE_ALLOCATES("an aggregate's member initialized by braces", aggregateMember());
  ORACLE_ALLOCATES("a member grown through a structured binding", boundMember());
}
#endif
