// Value semantics and bounded memory resources beyond a local variable
// (knowledge/ValueSemantics): a class's member, a container passed by
// reference, a container moved or copied, a reference to a container over
// a bounded resource. Every label is the oracle's, with libstdc++ and
// libc++; every function is a root, so a release is reported too.
// - A private member that every constructor starts empty (or with a short
//   literal string) and the class's own code, all of it here, only reads
//   is held in place by every object of the class: constructing, copying,
//   assigning and destroying it use no heap. Its twin is grown by a member
//   function, which allocates; any object of that class may then own
//   memory, so its destructor may release (also for an object that was
//   never grown: the analysis is per class, not per object).
// - A container passed by reference: push_back allocates, size does not.
// - Moving a vector hands its memory over (the new one allocates nothing,
//   but releases what it took over); copying a non-empty one allocates.
// - A std::pmr container moved from one over a bounded resource keeps the
//   resource; a copy gets the default resource and reaches the heap; a
//   local reference names the same container. A member that every
//   constructor builds over a bounded arena, of a class that cannot be
//   copied, is bounded in every object ('bounded'; running out throws
//   std::bad_alloc, 1 block: noalloc-call reports the calls that take
//   memory from it as failure paths); its twins, over an arena with the
//   default upstream or in a class whose copy gets the default resource,
//   allocate.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-std-type,noalloc-pmr' %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=DIRECT --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-std-type,noalloc-pmr' %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefix=DIRECT --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --config='{CheckOptions: {noalloc-call.ReportEveryCall: true}}' \
// RUN:   %s -- -std=c++17 | FileCheck %s --check-prefix=CALL --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --config='{CheckOptions: {noalloc-call.ReportEveryCall: true}}' \
// RUN:   %s -- -std=c++17 -stdlib=libc++ | FileCheck %s --check-prefix=CALL --implicit-check-not='{{warning|error}}:'
// One warning per function shows its answer: grownMember's is the call
// that allocates, not the destructor before it that releases.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=FIRST
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefix=JSON
// Members held in place are reported when asked for, as such locals are
// (members are reported without roots).
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-std-type,noalloc-pmr' \
// RUN:   --config='{CheckOptions: {noalloc-std-type.ReportHeldInPlace: true}}' %s -- -std=c++17 -DROOT= \
// RUN:   | FileCheck %s --check-prefix=HELD
// RUN: %oracle %s -- -std=c++17

#include <cstddef>
#include <memory_resource>
#include <string>
#include <utility>
#include <vector>

#ifndef ROOT
#define ROOT [[clang::annotate("noalloc")]]
#endif

class Quiet {
  std::vector<int> Values;
  // HELD: objects.cpp:[[@LINE-1]]:20: warning: member 'Values' of type 'std::vector<int>' does not use the heap here, but its type can [noalloc-std-type]
  std::string Name = "sensor";
  // HELD: objects.cpp:[[@LINE-1]]:15: warning: member 'Name' of type 'std::string' does not use the heap here, but its type can [noalloc-std-type]

public:
  Quiet() {}
  int count() const { return (int)Values.size() + (int)Name.size(); }
};
// Constructed, copied, assigned and destroyed.
ROOT int quietMember() {
  Quiet Q;
  Quiet Copy = Q;
  Copy = Q;
  return Q.count() + Copy.count();
}

class Growing {
  std::vector<int> Values;
  // HELD: objects.cpp:[[@LINE-1]]:20: warning: member 'Values' of type 'std::vector<int>' allocates on the heap [noalloc-std-type]

public:
  Growing() {}
  void add(int X) { Values.push_back(X); }
  // CALL: objects.cpp:[[@LINE-1]]:28: warning: call to 'std::vector<int>::push_back' may allocate on the heap [noalloc-call]
  int count() const { return (int)Values.size(); }
};
ROOT int growingMember() {
  Growing G;
  // CALL: objects.cpp:[[@LINE-1]]:11: warning: call to 'Growing::~Growing' may release heap memory [noalloc-call]
  return G.count();
}
ROOT int grownMember() {
  Growing G;
  // CALL: objects.cpp:[[@LINE-1]]:11: warning: call to 'Growing::~Growing' may release heap memory [noalloc-call]
  // FIRST-NOT: objects.cpp:[[@LINE-2]]:11: warning
  G.add(1);
  // CALL: objects.cpp:[[@LINE-1]]:5: warning: call to 'Growing::add' may allocate on the heap [noalloc-call]
  // FIRST: objects.cpp:[[@LINE-2]]:5: warning: call to 'Growing::add' may allocate on the heap [noalloc-call]
  // FIRST: objects.cpp:{{[0-9]+}}:10: note: 'grownMember' must not allocate: it is a noalloc root
  // FIRST: objects.cpp:[[@LINE-7]]:11: note: and 1 more call in 'grownMember' that may use the heap
  return G.count();
}

ROOT int sizeByReference(const std::vector<int> &V) { return (int)V.size(); }
ROOT void pushByReference(std::vector<int> &V) { V.push_back(1); }
// CALL: objects.cpp:[[@LINE-1]]:52: warning: call to 'std::vector<int>::push_back' may allocate on the heap [noalloc-call]

ROOT int movedVector(std::vector<int> &V) {
  std::vector<int> W(std::move(V));
  // HELD: objects.cpp:[[@LINE-1]]:20: warning: variable 'W' of type 'std::vector<int>' allocates nothing, moved into and only read, but releases heap memory [noalloc-std-type]
  // DIRECT: objects.cpp:[[@LINE-2]]:20: warning: variable 'W' of type 'std::vector<int>' allocates nothing, moved into and only read, but releases heap memory [noalloc-std-type]
  // CALL: objects.cpp:[[@LINE-3]]:20: warning: call to 'std::vector<int>::~vector' may release heap memory [noalloc-call]
  return (int)W.size();
}
ROOT int copiedVector(const std::vector<int> &V) {
  std::vector<int> W(V);
  // DIRECT: objects.cpp:[[@LINE-1]]:20: warning: variable 'W' of type 'std::vector<int>' allocates on the heap [noalloc-std-type]
  // DIRECT: objects.cpp:[[@LINE-2]]:20: note: no fix: 'W' starts with a size that cannot be bounded; {{.*}}
  // CALL: objects.cpp:[[@LINE-3]]:20: warning: call to 'std::vector<int>::vector' may allocate on the heap [noalloc-call]
  return (int)W.size();
}

ROOT int movedPmr(int N) {
  std::byte Buffer[256];
  std::pmr::monotonic_buffer_resource Arena(Buffer, sizeof Buffer,
                                            std::pmr::null_memory_resource());
  std::pmr::vector<int> V(&Arena);
  V.push_back(1);
  // CALL: objects.cpp:[[@LINE-1]]:5: warning: call to 'std::vector<int, std::pmr::polymorphic_allocator<int>>::push_back' may allocate only when it fails (throws 'std::bad_alloc') [noalloc-call]
  std::pmr::vector<int> W(std::move(V));
  for (int I = 0; I < N; ++I)
    W.push_back(I);
  // CALL: objects.cpp:[[@LINE-1]]:7: warning: call to 'std::vector<int, std::pmr::polymorphic_allocator<int>>::push_back' may allocate only when it fails (throws 'std::bad_alloc') [noalloc-call]
  return (int)W.size();
}
ROOT int copiedPmr(int N) {
  std::byte Buffer[256];
  std::pmr::monotonic_buffer_resource Arena(Buffer, sizeof Buffer,
                                            std::pmr::null_memory_resource());
  std::pmr::vector<int> V(&Arena);
  V.push_back(1);
  // CALL: objects.cpp:[[@LINE-1]]:5: warning: call to 'std::vector<int, std::pmr::polymorphic_allocator<int>>::push_back' may allocate only when it fails (throws 'std::bad_alloc') [noalloc-call]
  std::pmr::vector<int> W(V);
  // DIRECT: objects.cpp:[[@LINE-1]]:25: warning: variable 'W' of type 'std::pmr::vector<int>' allocates from its memory resource, which may be the heap [noalloc-pmr]
  // CALL: objects.cpp:[[@LINE-2]]:25: warning: call to 'std::vector<int, std::pmr::polymorphic_allocator<int>>::vector' may allocate on the heap [noalloc-call]
  for (int I = 0; I < N; ++I)
    W.push_back(I);
  // CALL: objects.cpp:[[@LINE-1]]:7: warning: call to 'std::vector<int, std::pmr::polymorphic_allocator<int>>::push_back' may allocate on the heap [noalloc-call]
  return (int)W.size();
}
ROOT int referencedPmr(int N) {
  std::byte Buffer[256];
  std::pmr::monotonic_buffer_resource Arena(Buffer, sizeof Buffer,
                                            std::pmr::null_memory_resource());
  std::pmr::vector<int> V(&Arena);
  std::pmr::vector<int> &R = V;
  for (int I = 0; I < N; ++I)
    R.push_back(I);
  // CALL: objects.cpp:[[@LINE-1]]:7: warning: call to 'std::vector<int, std::pmr::polymorphic_allocator<int>>::push_back' may allocate only when it fails (throws 'std::bad_alloc') [noalloc-call]
  return (int)R.size();
}

// A member over a member arena with no upstream: every object of the class
// builds it so, and cannot be copied (a memory resource cannot).
class Frame {
  std::byte Buffer[256];
  std::pmr::monotonic_buffer_resource Arena{Buffer, sizeof Buffer,
                                            std::pmr::null_memory_resource()};
  std::pmr::vector<int> Values{&Arena};

public:
  void add(int X) { Values.push_back(X); }
  // CALL: objects.cpp:[[@LINE-1]]:28: warning: call to 'std::vector<int, std::pmr::polymorphic_allocator<int>>::push_back' may allocate only when it fails (throws 'std::bad_alloc') [noalloc-call]
  int count() const { return (int)Values.size(); }
};
ROOT int boundedMember(int N) {
  Frame F;
  for (int I = 0; I < N; ++I)
    F.add(I);
  // CALL: objects.cpp:[[@LINE-1]]:7: warning: call to 'Frame::add' may allocate only when it fails (throws 'std::bad_alloc') [noalloc-call]
  return F.count();
}
// Its twin: the arena's default upstream takes over when it runs out.
class Spilling {
  std::byte Buffer[256];
  std::pmr::monotonic_buffer_resource Arena{Buffer, sizeof Buffer};
  std::pmr::vector<int> Values{&Arena};
  // HELD: objects.cpp:[[@LINE-1]]:25: warning: member 'Values' of type 'std::pmr::vector<int>' allocates from its memory resource, which may be the heap [noalloc-pmr]

public:
  void add(int X) { Values.push_back(X); }
  // CALL: objects.cpp:[[@LINE-1]]:28: warning: call to 'std::vector<int, std::pmr::polymorphic_allocator<int>>::push_back' may allocate on the heap [noalloc-call]
  int count() const { return (int)Values.size(); }
};
ROOT int spillingMember(int N) {
  Spilling F;
  // CALL: objects.cpp:[[@LINE-1]]:12: warning: call to 'Spilling::~Spilling' may release heap memory [noalloc-call]
  for (int I = 0; I < N; ++I)
    F.add(I);
  // CALL: objects.cpp:[[@LINE-1]]:7: warning: call to 'Spilling::add' may allocate on the heap [noalloc-call]
  return F.count();
}
// Its other twin: a class that can be copied, and the copy of the member
// gets the default resource.
class Copyable {
  std::pmr::vector<int> Values{std::pmr::null_memory_resource()};
  // HELD: objects.cpp:[[@LINE-1]]:25: warning: member 'Values' of type 'std::pmr::vector<int>' allocates from its memory resource, which may be the heap [noalloc-pmr]

public:
  void add(int X) { Values.push_back(X); }
  // CALL: objects.cpp:[[@LINE-1]]:28: warning: call to 'std::vector<int, std::pmr::polymorphic_allocator<int>>::push_back' may allocate on the heap [noalloc-call]
  int count() const { return (int)Values.size(); }
};
ROOT int copiedMember(int N) {
  Copyable F;
  // CALL: objects.cpp:[[@LINE-1]]:12: warning: call to 'Copyable::~Copyable' may release heap memory [noalloc-call]
  Copyable G = F;
  // CALL: objects.cpp:[[@LINE-1]]:12: warning: call to 'Copyable::~Copyable' may release heap memory [noalloc-call]
  // CALL: objects.cpp:[[@LINE-2]]:16: warning: call to 'Copyable::Copyable' may allocate on the heap [noalloc-call]
  for (int I = 0; I < N; ++I)
    G.add(I);
  // CALL: objects.cpp:[[@LINE-1]]:7: warning: call to 'Copyable::add' may allocate on the heap [noalloc-call]
  return G.count();
}

// JSON: "name": "quietMember",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "none"
// JSON: "name": "growingMember",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "releases"
// JSON: "name": "grownMember",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "sizeByReference",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "none"
// JSON: "name": "pushByReference",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "movedVector",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "releases"
// JSON: "name": "copiedVector",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "movedPmr",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "bounded"
// JSON: "name": "copiedPmr",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "referencedPmr",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "bounded"
// JSON: "name": "boundedMember",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "bounded"
// JSON: "name": "spillingMember",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "copiedMember",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "allocates"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  ORACLE_NO_HEAP("a class whose member is held in place", quietMember());
  ORACLE_NO_HEAP("a class whose member can grow, not grown", growingMember());
  ORACLE_ALLOCATES("a class whose member grows", grownMember());
  std::vector<int> V{1, 2, 3};
  ORACLE_NO_HEAP("size() through a reference", sizeByReference(V));
  ORACLE_ALLOCATES("push_back through a reference", pushByReference(V));
  ORACLE_ALLOCATES("a copy of a non-empty vector", copiedVector(V));
  ORACLE_RELEASES("a vector moved into a local", movedVector(V));
  ORACLE_NO_HEAP("a pmr vector moved from one on a bounded arena",
                 movedPmr(16));
  ORACLE_ALLOCATES("a copy of a pmr vector on a bounded arena", copiedPmr(16));
  ORACLE_NO_HEAP("a reference to a pmr vector on a bounded arena",
                 referencedPmr(16));
  ORACLE_NO_HEAP("a member over a bounded member arena", boundedMember(16));
  ORACLE_ALLOCATES("a member over a bounded member arena that runs out",
                   boundedMember(1000));
  ORACLE_NO_HEAP("a member over a default-upstream arena, within it",
                 spillingMember(16));
  ORACLE_ALLOCATES("a member over a default-upstream arena that runs out",
                   spillingMember(1000));
  ORACLE_ALLOCATES("a copy of a member over null_memory_resource()",
                   copiedMember(16));
}
#endif
