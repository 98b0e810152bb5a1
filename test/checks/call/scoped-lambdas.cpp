// A lambda that grows a variable it captures by reference changes an
// object declared in the enclosing function. With roots, when no root
// reaches that function, the variable's noalloc-std-type finding is
// dropped, and the lambda's call was left to it: a root lambda growing a
// captured vector was reported by nobody (0 findings, exit 0, verdict
// 'allocates'), and a lambda a root calls had no warning of its own. The
// call is now noalloc-call's in that case; a variable the root itself
// declares is still reported once, where it is declared. Every label is
// the oracle's.
// RUN: %expect-exit 1 %noalloc --config="{CheckOptions: {Roots: 'drain*;rootDeclares'}}" %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=SCOPED,TOOL --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --config="{CheckOptions: {Roots: 'drain*;rootDeclares'}}" --format=json %s -- -std=c++17 \
// RUN:   | %python -c "import json,sys; r=json.load(sys.stdin); print([v for _, v in sorted((int(f['name'].split(':')[1]), f['verdict']) for f in r['functions'] if f['name'].startswith('lambda'))])" \
// RUN:   | FileCheck %s --check-prefix=VERDICTS
// The plugin says the same; its direct checks report every variable.
// RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-*,-noalloc-unknown-call' --config="{CheckOptions: {noalloc-call.Roots: 'drain*;rootDeclares'}}" %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefixes=SCOPED,ALL --implicit-check-not='{{warning|error}}:'
// Negative twin: without roots (the lambda's attribute makes one), each
// variable is reported where it is declared, and no call on it: only the
// calls of the lambdas.
// RUN: %expect-exit 1 %noalloc %s -- -std=c++17 -DROOT_LAMBDA= 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=ALL,NOROOTS --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s -- -std=c++17

#include <cstddef>
#include <vector>

#ifndef ROOT_LAMBDA
#define ROOT_LAMBDA [[clang::nonallocating]]
#endif

template <class F> void drain(F &f) { f(); }
// SCOPED: scoped-lambdas.cpp:[[@LINE-1]]:39: warning: call to 'lambda at scoped-lambdas.cpp:[[RECORD:[0-9]+]]:14' may allocate on the heap [noalloc-call]
// NOROOTS: scoped-lambdas.cpp:[[@LINE-2]]:39: warning: call to 'lambda at scoped-lambdas.cpp:{{[0-9]+}}:14' may allocate on the heap [noalloc-call]
// SCOPED: note: 'drain<(lambda at scoped-lambdas.cpp:[[RECORD]]:14)>' must not allocate: it is a noalloc root
// SCOPED: note: 'lambda at scoped-lambdas.cpp:[[RECORD]]:14' calls 'std::vector<int>::push_back', which may allocate on the heap

// A root that calls a lambda growing a variable of a function no root
// reaches.
void record() {
  std::vector<int> events;
  // ALL: scoped-lambdas.cpp:[[@LINE-1]]:20: warning: variable 'events' of type 'std::vector<int>' allocates on the heap [noalloc-std-type]
  auto add = [&events]() { events.push_back(1); };
  // SCOPED: scoped-lambdas.cpp:[[@LINE-1]]:35: warning: call to 'std::vector<int>::push_back' may allocate on the heap [noalloc-call]
  // SCOPED: note: 'drain<(lambda at scoped-lambdas.cpp:[[@LINE-2]]:14)>' must not allocate: it is a noalloc root
  // SCOPED: note: 'drain<(lambda at scoped-lambdas.cpp:[[@LINE-3]]:14)>' calls 'lambda at scoped-lambdas.cpp:[[@LINE-3]]:14'
  drain(add);
  // NOROOTS: scoped-lambdas.cpp:[[@LINE-1]]:3: warning: call to 'drain<(lambda at scoped-lambdas.cpp:{{[0-9]+}}:14)>' may allocate on the heap [noalloc-call]
}

// A root lambda.
void arm() {
  std::vector<int> pending;
  // ALL: scoped-lambdas.cpp:[[@LINE-1]]:20: warning: variable 'pending' of type 'std::vector<int>' allocates on the heap [noalloc-std-type]
  auto add = [&pending]() ROOT_LAMBDA { pending.push_back(1); };
  // SCOPED: scoped-lambdas.cpp:[[@LINE-1]]:49: warning: call to 'std::vector<int>::push_back' may allocate on the heap [noalloc-call]
  // SCOPED: note: 'lambda at scoped-lambdas.cpp:[[@LINE-2]]:14' must not allocate: it is a noalloc root
  add();
  // NOROOTS: scoped-lambdas.cpp:[[@LINE-1]]:3: warning: call to 'lambda at scoped-lambdas.cpp:[[@LINE-4]]:14' may allocate on the heap [noalloc-call]
}

// Twins: lambdas that only read what they capture.
std::size_t count() {
  std::vector<int> seen;
  // ALL: scoped-lambdas.cpp:[[@LINE-1]]:20: warning: variable 'seen' of type 'std::vector<int>' allocates on the heap [noalloc-std-type]
  std::size_t n = 0;
  auto size = [&seen, &n]() { n = seen.size(); };
  drain(size);
  auto empty = [&seen]() ROOT_LAMBDA { return seen.empty(); };
  seen.push_back(1);
  return n + empty();
}

// A variable the root declares is reported once, where it is declared.
void rootDeclares() {
  std::vector<int> mine;
  // TOOL: scoped-lambdas.cpp:[[@LINE-1]]:20: warning: variable 'mine' of type 'std::vector<int>' allocates on the heap [noalloc-std-type]
  // ALL: scoped-lambdas.cpp:[[@LINE-2]]:20: warning: variable 'mine' of type 'std::vector<int>' allocates on the heap [noalloc-std-type]
  auto add = [&mine]() { mine.push_back(1); };
  add();
  // SCOPED: scoped-lambdas.cpp:[[@LINE-1]]:3: warning: call to 'lambda at scoped-lambdas.cpp:[[@LINE-2]]:14' may allocate on the heap [noalloc-call]
  // NOROOTS: scoped-lambdas.cpp:[[@LINE-2]]:3: warning: call to 'lambda at scoped-lambdas.cpp:[[@LINE-3]]:14' may allocate on the heap [noalloc-call]
}

// TOOL: noalloc: 5 findings in 1 file
// NOROOTS: noalloc: 8 findings in 1 file

// The lambdas in source order: record's, arm's, the two readers, rootDeclares'.
// VERDICTS: ['allocates', 'allocates', 'none', 'none', 'allocates']

#ifdef NOALLOC_ORACLE
#include "oracle.h"
// Each function's own vector is empty until the lambda grows it, made and
// destroyed without the heap (Quiet in scoped-constructors.cpp).
ORACLE_MAIN {
  ORACLE_ALLOCATES("drain calling record's lambda", record());
  ORACLE_ALLOCATES("arm's root lambda", arm());
  ORACLE_NO_HEAP("drain calling a lambda that reads", {
    std::vector<int> seen;
    std::size_t n = 1;
    auto size = [&seen, &n]() { n = seen.size(); };
    drain(size);
  });
}
#endif
