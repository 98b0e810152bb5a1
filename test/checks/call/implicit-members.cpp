// One cause, one warning: a root that makes an object of a class whose
// constructor and destructor the compiler declares gets one noalloc-call
// warning, at its own call, with the member as a note; the implicit
// functions, which have no code of their own, add none (there were three:
// one in each implicit function, at the class's name and the in-class
// initializer, and the call). Twins: a constructor and destructor the user
// writes are functions of their own, each with its one warning; an
// implicit function named as a root is reported. Every label is the
// oracle's.
// RUN: %expect-exit 1 %noalloc --config="{CheckOptions: {Roots: 'run;runWritten'}}" %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=CHECK,TOOL --implicit-check-not='{{warning|error}}:'
// The plugin says the same.
// RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-call' --config="{CheckOptions: {noalloc-call.Roots: 'run;runWritten'}}" %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --config="{CheckOptions: {Roots: 'Named::Named;Named::~Named'}}" %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ROOT --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s -- -std=c++17

#include <string>

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

// TOOL: noalloc: 4 findings in 1 file

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
}
#endif
