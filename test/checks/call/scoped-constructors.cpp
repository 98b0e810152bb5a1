// A root that is a constructor or a destructor runs its members'
// constructions and destructions: a member initializer, an in-class
// initializer the constructor uses, and the implicit destruction of each
// member after the destructor's body. With roots, the member's declaration
// is no code a root reaches and its noalloc-std-type finding is dropped;
// these were reported by nobody (0 findings, exit 0, for roots whose
// verdict was 'allocates' or 'releases'). They are noalloc-call's now, as a
// root's call that grows a member is (scoped-members.cpp). Every label is
// the oracle's.
// RUN: %expect-exit 1 %noalloc --config="{CheckOptions: {Roots: 'Filled::Filled;Named::~Named;Defaulted::Defaulted;Sized::Sized;Quiet::Quiet;Label::~Label'}}" %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=SCOPED,TOOL --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --config="{CheckOptions: {Roots: 'Filled::Filled;Named::~Named;Defaulted::Defaulted;Sized::Sized;Quiet::Quiet;Label::~Label'}}" --format=json %s -- -std=c++17 \
// RUN:   | %python -c "import json,sys; r=json.load(sys.stdin); print(sorted((f['name'], f['verdict']) for f in r['functions'] if '::' in f['name']))" \
// RUN:   | FileCheck %s --check-prefix=VERDICTS
// The plugin says the same; its direct checks report the members'
// declarations too (docs/usage.md).
// RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-*,-noalloc-unknown-call' --config="{CheckOptions: {noalloc-call.Roots: 'Filled::Filled;Named::~Named;Defaulted::Defaulted;Sized::Sized;Quiet::Quiet;Label::~Label'}}" %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefixes=SCOPED,ALL --implicit-check-not='{{warning|error}}:'
// Negative twin: without roots, one finding per member, at its declaration.
// RUN: %expect-exit 1 %noalloc %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=ALL,ALLTOOL --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s -- -std=c++17

#include <string>
#include <vector>

struct Filled {
  std::vector<int> v_;
  // ALL: scoped-constructors.cpp:[[@LINE-1]]:20: warning: member 'v_' of type 'std::vector<int>' allocates on the heap [noalloc-std-type]
  Filled();
};
Filled::Filled() : v_(16, 0) {}
// SCOPED: scoped-constructors.cpp:[[@LINE-1]]:20: warning: call to 'std::vector<int>::vector' may allocate on the heap [noalloc-call]
// SCOPED: note: 'Filled::Filled' must not allocate: it is a noalloc root

struct Named {
  std::string name_;
  // ALL: scoped-constructors.cpp:[[@LINE-1]]:15: warning: member 'name_' of type 'std::string' allocates on the heap [noalloc-std-type]
  explicit Named(const char *name) : name_(name) {}
  ~Named();
};
Named::~Named() {}
// SCOPED: scoped-constructors.cpp:[[@LINE-1]]:8: warning: destruction of member 'name_' ('std::string') may release heap memory [noalloc-call]
// SCOPED: note: 'Named::~Named' must not allocate: it is a noalloc root

struct Defaulted {
  std::string text_ = "longer than any short-string buffer holds";
  // ALL: scoped-constructors.cpp:[[@LINE-1]]:15: warning: member 'text_' of type 'std::string' allocates on the heap [noalloc-std-type]
  // SCOPED: scoped-constructors.cpp:[[@LINE-2]]:23: warning: construction of member 'text_' ('std::string') may allocate on the heap [noalloc-call]
  // SCOPED: note: 'Defaulted::Defaulted' must not allocate: it is a noalloc root
  Defaulted();
};
Defaulted::Defaulted() {}

// An in-class initializer that names the type makes the member itself (it
// was left to noalloc-std-type, whose finding roots drop: nobody said it).
struct Sized {
  std::vector<int> v_ = std::vector<int>(16);
  // ALL: scoped-constructors.cpp:[[@LINE-1]]:20: warning: member 'v_' of type 'std::vector<int>' allocates on the heap [noalloc-std-type]
  // SCOPED: scoped-constructors.cpp:[[@LINE-2]]:25: warning: construction of member 'v_' ('std::vector<int>') may allocate on the heap [noalloc-call]
  // SCOPED: note: 'Sized::Sized' must not allocate: it is a noalloc root
  Sized();
};
Sized::Sized() {}

// Twins: empty members are made and destroyed without the heap; a member
// every constructor starts with a short literal and nothing grows (a
// class no other unit can name) is held in place.
struct Quiet {
  std::vector<int> v_;
  // ALL: scoped-constructors.cpp:[[@LINE-1]]:20: warning: member 'v_' of type 'std::vector<int>' allocates on the heap [noalloc-std-type]
  std::string s_;
  // ALL: scoped-constructors.cpp:[[@LINE-1]]:15: warning: member 's_' of type 'std::string' allocates on the heap [noalloc-std-type]
  Quiet();
  ~Quiet();
  void grow() { v_.push_back(1); s_ += "longer than any short-string buffer holds"; }
};
Quiet::Quiet() {}
Quiet::~Quiet() {}

namespace {
struct Label {
  std::string name_ = "adc";
  Label() {}
  ~Label();
  int size() const { return int(name_.size()); }
};
Label::~Label() {}
} // namespace
int labelSize() { return Label().size(); }

// TOOL: noalloc: 4 findings in 1 file
// ALLTOOL: noalloc: 6 findings in 1 file

// VERDICTS: [('Defaulted::Defaulted', 'allocates'), ('Filled::Filled', 'allocates'), ('Label::Label', 'none'), ('Label::size', 'none'), ('Label::~Label', 'none'), ('Named::Named', 'allocates'), ('Named::~Named', 'releases'), ('Quiet::Quiet', 'none'), ('Quiet::grow', 'allocates'), ('Quiet::~Quiet', 'releases'), ('Sized::Sized', 'allocates')]

#ifdef NOALLOC_ORACLE
#include "oracle.h"
#include <new>
ORACLE_MAIN {
  ORACLE_ALLOCATES("Filled::Filled", Filled());
  alignas(Named) unsigned char NamedStore[sizeof(Named)];
  Named *N = new (NamedStore) Named("longer than any short-string buffer holds");
  ORACLE_RELEASES("Named::~Named", N->~Named());
  ORACLE_ALLOCATES("Defaulted::Defaulted", Defaulted());
  ORACLE_ALLOCATES("Sized::Sized", Sized());
  ORACLE_NO_HEAP("Quiet::Quiet and Quiet::~Quiet", Quiet());
  alignas(Label) unsigned char LabelStore[sizeof(Label)];
  Label *L = new (LabelStore) Label();
  ORACLE_NO_HEAP("Label::~Label", L->~Label());
}
#endif
