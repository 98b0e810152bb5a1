// The elements an initializer list leaves out are made by its array
// filler, one expression clang keeps beside the list's own elements: a
// local array, a member array of an aggregate, a member array a
// constructor initializes with '{}', an aggregate's default member
// initializer. Each runs Buffer's constructor, which allocates. The twins
// fill with a type whose constructor does not allocate.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++20 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
// RUN:   --config="{CheckOptions: {Roots: 'emptyList;memberArray;memberInit;quietList;quietMember'}}" %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %oracle %s -- -std=c++20

#include <cstdlib>
#include <vector>

struct Buffer {
  void *P;
  Buffer() : P(std::malloc(64)) {}
};
void *emptyList() {
  Buffer Arr[3] = {};
  return Arr[2].P;
}
struct Channel {
  int Id;
  Buffer Slots[2];
};
void *memberArray() {
  Channel C = {1};
  return C.Slots[1].P;
}
struct Track {
  std::vector<int> Samples = std::vector<int>(128);
};
int defaultMemberInit() {
  Track T[2] = {};
  return (int)T[1].Samples.size();
}
struct Holder {
  Buffer Slots[2];
  Holder() : Slots{} {}
};
void *memberInit() {
  Holder H;
  return H.Slots[1].P;
}

struct Counter {
  int N;
  Counter() : N(1) {}
};
int quietList() {
  Counter Arr[3] = {};
  return Arr[2].N;
}
struct Tally {
  int Id;
  Counter Slots[2];
};
int quietMember() {
  Tally T = {1};
  return T.Slots[1].N;
}

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  ORACLE_ALLOCATES("Buffer Arr[3] = {}", emptyList());
  ORACLE_ALLOCATES("Channel C = {1}", memberArray());
  ORACLE_ALLOCATES("Track T[2] = {}", defaultMemberInit());
  ORACLE_ALLOCATES("Holder() : Slots{}", memberInit());
  ORACLE_NO_HEAP("Counter Arr[3] = {}", quietList());
  ORACLE_NO_HEAP("Tally T = {1}", quietMember());
}
#endif

// JSON: "name": "emptyList",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "memberArray",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "defaultMemberInit",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "Holder::Holder",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "memberInit",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "quietList",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "none"
// JSON: "name": "quietMember",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "none"

// CHECK: array-filler.cpp:19:16: warning: call to 'malloc' may allocate on the heap [noalloc-call]
// CHECK: array-filler.cpp:21:7: note: 'emptyList' must not allocate: it is a noalloc root
// CHECK: array-filler.cpp:22:20: note: 'emptyList' constructs 'Buffer'
// CHECK: array-filler.cpp:19:16: note: 'malloc' allocates on the heap
// CHECK: array-filler.cpp:22:20: warning: call to 'Buffer::Buffer' may allocate on the heap [noalloc-call]
// CHECK: array-filler.cpp:21:7: note: 'emptyList' must not allocate: it is a noalloc root
// CHECK: array-filler.cpp:19:16: note: 'Buffer::Buffer' calls 'malloc', which allocates on the heap
// CHECK: array-filler.cpp:30:17: warning: call to 'Buffer::Buffer' may allocate on the heap [noalloc-call]
// CHECK: array-filler.cpp:29:7: note: 'memberArray' must not allocate: it is a noalloc root
// CHECK: array-filler.cpp:19:16: note: 'Buffer::Buffer' calls 'malloc', which allocates on the heap
// CHECK: array-filler.cpp:42:20: warning: call to 'Buffer::Buffer' may allocate on the heap [noalloc-call]
// CHECK: array-filler.cpp:44:7: note: 'memberInit' must not allocate: it is a noalloc root
// CHECK: array-filler.cpp:45:10: note: 'memberInit' constructs 'Holder'
// CHECK: array-filler.cpp:19:16: note: 'Buffer::Buffer' calls 'malloc', which allocates on the heap
// CHECK: array-filler.cpp:45:10: warning: call to 'Holder::Holder' may allocate on the heap [noalloc-call]
// CHECK: array-filler.cpp:44:7: note: 'memberInit' must not allocate: it is a noalloc root
// CHECK: array-filler.cpp:42:20: note: 'Holder::Holder' constructs 'Buffer'
// CHECK: array-filler.cpp:19:16: note: 'Buffer::Buffer' calls 'malloc', which allocates on the heap
