// A root constructor's or destructor's work on a member that no code
// writes (a member made without an initializer the constructor writes, or
// destroyed after the destructor's body) is named by the member, at the
// root's name: not as a call of the member's constructor or destructor,
// which the user cannot see there. Its twins: an initializer the
// constructor writes stays a call, at that initializer; a member whose
// construction and destruction use no heap gives nothing. In a chain, the
// step names the member too. Members of one type destroyed at one place
// are one call that names each ('Pair': it named the first only); members
// of two types are two calls ('Mixed'). Every label is the oracle's.
// RUN: %expect-exit 1 %noalloc --config="{CheckOptions: {Roots: 'Holder::Holder;Holder::~Holder;Written::Written;run;Quiet::Quiet;Quiet::~Quiet;Pair::~Pair;Mixed::~Mixed'}}" %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=CHECK,TOOL --implicit-check-not='{{warning|error}}:'
// The plugin says the same words.
// RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-*,-noalloc-unknown-call' --config="{CheckOptions: {noalloc-call.Roots: 'Holder::Holder;Holder::~Holder;Written::Written;run;Quiet::Quiet;Quiet::~Quiet;Pair::~Pair;Mixed::~Mixed'}}" %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s -- -std=c++17

struct Pool {
  int *slots_;
  Pool() : slots_(new int[8]) {}
  // CHECK: scoped-member-names.cpp:[[@LINE-1]]:19: warning: 'new[]' allocates on the heap [noalloc-new-delete]
  ~Pool() { delete[] slots_; }
  // CHECK: scoped-member-names.cpp:[[@LINE-1]]:13: warning: 'delete[]' releases heap memory [noalloc-new-delete]
};

struct Holder {
  Pool pool_;
  Holder();
  ~Holder();
};
Holder::Holder() {}
// CHECK: scoped-member-names.cpp:[[@LINE-1]]:9: warning: construction of member 'pool_' ('Pool') may allocate on the heap [noalloc-call]
// CHECK: scoped-member-names.cpp:[[@LINE-2]]:9: note: 'Holder::Holder' must not allocate: it is a noalloc root
// CHECK: note: 'Pool::Pool' allocates with 'new[]' here
Holder::~Holder() {}
// CHECK: scoped-member-names.cpp:[[@LINE-1]]:9: warning: destruction of member 'pool_' ('Pool') may release heap memory [noalloc-call]
// CHECK: scoped-member-names.cpp:[[@LINE-2]]:9: note: 'Holder::~Holder' must not allocate: it is a noalloc root
// CHECK: note: 'Pool::~Pool' releases memory with 'delete[]' here

struct Written {
  Pool pool_;
  Written();
};
Written::Written() : pool_() {}
// CHECK: scoped-member-names.cpp:[[@LINE-1]]:22: warning: call to 'Pool::Pool' may allocate on the heap [noalloc-call]

int run() {
  Holder H;
  // CHECK: scoped-member-names.cpp:[[@LINE-1]]:10: warning: call to 'Holder::Holder' may allocate on the heap [noalloc-call]
  // CHECK: scoped-member-names.cpp:{{[0-9]+}}:9: note: 'Holder::Holder' constructs member 'pool_' ('Pool')
  return 0;
}

struct Pair {
  Pool first_, second_;
  ~Pair();
};
Pair::~Pair() {}
// CHECK: scoped-member-names.cpp:[[@LINE-1]]:7: warning: destruction of members 'first_' and 'second_' ('Pool') may release heap memory [noalloc-call]
// CHECK: scoped-member-names.cpp:[[@LINE-2]]:7: note: 'Pair::~Pair' must not allocate: it is a noalloc root
// CHECK: note: 'Pool::~Pool' releases memory with 'delete[]' here

struct Buffer {
  char *bytes_ = nullptr;
  ~Buffer() { delete[] bytes_; }
  // CHECK: scoped-member-names.cpp:[[@LINE-1]]:15: warning: 'delete[]' releases heap memory [noalloc-new-delete]
};
struct Mixed {
  Pool pool_;
  Buffer buffer_;
  ~Mixed();
};
Mixed::~Mixed() {}
// CHECK: scoped-member-names.cpp:[[@LINE-1]]:8: warning: destruction of member 'pool_' ('Pool') may release heap memory [noalloc-call]
// CHECK: scoped-member-names.cpp:[[@LINE-2]]:8: note: 'Mixed::~Mixed' must not allocate: it is a noalloc root
// CHECK: note: 'Pool::~Pool' releases memory with 'delete[]' here
// CHECK: scoped-member-names.cpp:[[@LINE-4]]:8: note: and 1 more call in 'Mixed::~Mixed' that may use the heap

struct Slots {
  int n_ = 0;
  Slots() {}
  ~Slots() {}
};
struct Quiet {
  Slots slots_;
  Quiet();
  ~Quiet();
};
Quiet::Quiet() {}
Quiet::~Quiet() {}

// TOOL: noalloc: 9 findings in 1 file

#ifdef NOALLOC_ORACLE
#include "oracle.h"
#include <new>
ORACLE_MAIN {
  alignas(Holder) unsigned char Store[sizeof(Holder)];
  Holder *H = nullptr;
  ORACLE_ALLOCATES("Holder::Holder", H = new (Store) Holder());
  ORACLE_RELEASES("Holder::~Holder", H->~Holder());
  ORACLE_ALLOCATES("Written::Written", Written());
  ORACLE_ALLOCATES("run", run());
  ORACLE_NO_HEAP("Quiet::Quiet and Quiet::~Quiet", Quiet());
  alignas(Pair) unsigned char PairStore[sizeof(Pair)];
  Pair *P = new (PairStore) Pair();
  ORACLE_RELEASES("Pair::~Pair", P->~Pair());
  alignas(Mixed) unsigned char MixedStore[sizeof(Mixed)];
  Mixed *M = new (MixedStore) Mixed();
  M->buffer_.bytes_ = new char[16];
  ORACLE_RELEASES("Mixed::~Mixed", M->~Mixed());
}
#endif
