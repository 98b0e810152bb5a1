// With roots, a member's or a global's declaration is no code a root
// reaches, so its noalloc-std-type finding is dropped; a root that grows
// such an object was then reported by nobody: 0 findings and exit 0 for a
// root whose verdict was 'allocates' (found on trantor: a root calling
// its own member's push_back). The call is now noalloc-call's in scoped
// mode; without roots noalloc-std-type still covers it at the
// declaration, once.
// RUN: %expect-exit 1 %noalloc --config="{CheckOptions: {Roots: 'Channel::member;Channel::global;Channel::text;Channel::reads;Channel::local'}}" %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=SCOPED,TOOL --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --config="{CheckOptions: {Roots: 'Channel::member;Channel::global;Channel::text;Channel::reads;Channel::local'}}" --format=json %s -- -std=c++17 \
// RUN:   | %python -c "import json,sys; r=json.load(sys.stdin); print(sorted((f['name'], f['verdict']) for f in r['functions']))" \
// RUN:   | FileCheck %s --check-prefix=VERDICTS
// The plugin restricts noalloc-call to the roots' reach too; its direct
// checks report everything (docs/usage.md), the declarations included.
// RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-*,-noalloc-unknown-call' --config="{CheckOptions: {noalloc-call.Roots: 'Channel::member;Channel::global;Channel::text;Channel::reads;Channel::local'}}" %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefixes=SCOPED,ALL --implicit-check-not='{{warning|error}}:'
// Negative twin: without roots, one finding per object, at its declaration.
// RUN: %expect-exit 1 %noalloc %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=ALL,ALLTOOL --implicit-check-not='{{warning|error}}:'

#include <string>
#include <vector>

std::vector<int> samples;
// ALL: scoped-members.cpp:[[@LINE-1]]:18: warning: variable 'samples' of type 'std::vector<int>' allocates on the heap [noalloc-std-type]

struct Channel {
  std::vector<int> v_;
  // ALL: scoped-members.cpp:[[@LINE-1]]:20: warning: member 'v_' of type 'std::vector<int>' allocates on the heap [noalloc-std-type]
  std::string name_;
  // ALL: scoped-members.cpp:[[@LINE-1]]:15: warning: member 'name_' of type 'std::string' allocates on the heap [noalloc-std-type]
  void member();
  void global();
  void text();
  int reads() const;
  void local();
};

void Channel::member() { v_.push_back(1); }
// SCOPED: scoped-members.cpp:[[@LINE-1]]:29: warning: call to 'std::vector<int>::push_back' may allocate on the heap [noalloc-call]
// SCOPED: note: 'Channel::member' must not allocate: it is a noalloc root
void Channel::global() { samples.push_back(1); }
// SCOPED: scoped-members.cpp:[[@LINE-1]]:34: warning: call to 'std::vector<int>::push_back' may allocate on the heap [noalloc-call]
// SCOPED: note: 'Channel::global' must not allocate: it is a noalloc root
void Channel::text() { name_ += "x"; }
// SCOPED: scoped-members.cpp:[[@LINE-1]]:30: warning: call to 'std::string::operator+=' may allocate on the heap [noalloc-call]
// SCOPED: note: 'Channel::text' must not allocate: it is a noalloc root

// Reading members is clean in every mode.
int Channel::reads() const { return v_[0] + int(name_.size()); }

// A local is reported where it is declared, in the root: once.
void Channel::local() {
  std::vector<int> l;
  // TOOL: scoped-members.cpp:[[@LINE-1]]:20: warning: variable 'l' of type 'std::vector<int>' allocates on the heap [noalloc-std-type]
  // ALL: scoped-members.cpp:[[@LINE-2]]:20: warning: variable 'l' of type 'std::vector<int>' allocates on the heap [noalloc-std-type]
  l.push_back(1);
}
// TOOL: noalloc: 4 findings in 1 file
// ALLTOOL: noalloc: 4 findings in 1 file

// VERDICTS: [('Channel::global', 'allocates'), ('Channel::local', 'allocates'), ('Channel::member', 'allocates'), ('Channel::reads', 'none'), ('Channel::text', 'allocates')]
