// One cause, one warning: a root that makes an object of a class whose
// constructor and destructor the compiler declares gets one noalloc-call
// warning, at its own call, with the member as a note; the implicit
// functions, which have no code of their own, add none (there were three:
// one in each implicit function, at the class's name and the in-class
// initializer, and the call). So does a constructor defaulted where it is
// declared ('Defaulted() = default;'), which the compiler writes too.
// Twins: a constructor and destructor the user writes are functions of
// their own, each with its one warning, besides the warning of the call
// that reaches them ('runWritten'): a function with code of its own gets
// at most one, as any function does (docs/checks/noalloc-call.md); an
// implicit or defaulted function named as a root is reported. Every label
// is the oracle's.
// RUN: %expect-exit 1 %noalloc --config="{CheckOptions: {Roots: 'run;runWritten;runDefaulted'}}" %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=CHECK,TOOL --implicit-check-not='{{warning|error}}:'
// The plugin says the same words.
// RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-call' --config="{CheckOptions: {noalloc-call.Roots: 'run;runWritten;runDefaulted'}}" %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --config="{CheckOptions: {Roots: 'Named::Named;Named::~Named;Defaulted::Defaulted'}}" %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ROOT --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-call' --config="{CheckOptions: {noalloc-call.Roots: 'Named::Named;Named::~Named;Defaulted::Defaulted'}}" %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=ROOT --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s -- -std=c++17

#include <string>
#include <vector>

struct Named {
  // ROOT: implicit-members.cpp:[[@LINE-1]]:8: warning: destruction of member 'name_' ('std::string') may release heap memory [noalloc-call]
  std::string name_ = "longer than any short-string buffer holds";
  // ROOT: implicit-members.cpp:[[@LINE-1]]:23: warning: construction of member 'name_' ('std::string') may allocate on the heap [noalloc-call]
  int size() const { return int(name_.size()); }
};
int run() {
  Named N;
  // CHECK: implicit-members.cpp:[[@LINE-1]]:9: warning: call to 'Named::Named' may allocate on the heap [noalloc-call]
  // CHECK: implicit-members.cpp:{{[0-9]+}}:23: note: 'Named::Named' constructs member 'name_' ('std::string'), which may allocate on the heap
  // CHECK: implicit-members.cpp:[[@LINE-3]]:9: note: and 1 more call in 'run' that may use the heap
  return N.size();
}

struct Written {
  std::string name_;
  Written() : name_("longer than any short-string buffer holds") {}
  // CHECK: implicit-members.cpp:[[@LINE-1]]:15: warning: call to 'std::string::basic_string' may allocate on the heap [noalloc-call]
  ~Written() {}
  // CHECK: implicit-members.cpp:[[@LINE-1]]:3: warning: destruction of member 'name_' ('std::string') may release heap memory [noalloc-call]
  int size() const { return int(name_.size()); }
};
int runWritten() {
  Written W;
  // CHECK: implicit-members.cpp:[[@LINE-1]]:11: warning: call to 'Written::Written' may allocate on the heap [noalloc-call]
  return W.size();
}

struct Defaulted {
  std::vector<int> v_ = std::vector<int>(16);
  // ROOT: implicit-members.cpp:[[@LINE-1]]:25: warning: construction of member 'v_' ('std::vector<int>') may allocate on the heap [noalloc-call]
  Defaulted() = default;
  int size() const { return int(v_.size()); }
};
int runDefaulted() {
  Defaulted D;
  // CHECK: implicit-members.cpp:[[@LINE-1]]:13: warning: call to 'Defaulted::Defaulted' may allocate on the heap [noalloc-call]
  // CHECK: implicit-members.cpp:{{[0-9]+}}:25: note: 'Defaulted::Defaulted' constructs member 'v_' ('std::vector<int>'), which may allocate on the heap
  return D.size();
}

// TOOL: noalloc: 5 findings in 1 file

#ifdef NOALLOC_ORACLE
#include "oracle.h"
#include <new>
ORACLE_MAIN {
  ORACLE_ALLOCATES("run", run());
  ORACLE_ALLOCATES("runWritten", runWritten());
  alignas(Named) unsigned char Store[sizeof(Named)];
  Named *N = nullptr;
  ORACLE_ALLOCATES("Named::Named", N = new (Store) Named());
  ORACLE_RELEASES("Named::~Named", N->~Named());
  ORACLE_ALLOCATES("runDefaulted", runDefaulted());
  alignas(Defaulted) unsigned char Room[sizeof(Defaulted)];
  ORACLE_ALLOCATES("Defaulted::Defaulted", new (Room) Defaulted());
}
#endif
