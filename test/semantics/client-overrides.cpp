// A library analysed alone (no 'main': its functions are its clients' to
// call, as in open-entry.c) whose root calls a client's override of a
// virtual function of a class clients may derive from ('rt_virtual').
// Before, the call reached only the overrides the library defines (its
// 'NullSink') and was "does not use the heap", though a client's override
// allocates (review8-4; the oracle's client). Now it also reaches code
// noalloc cannot see, in a run that is no whole program. The twins: a
// whole program with a client whose override allocates (may allocate) or
// does not (clean); and calls no client can redirect, unchanged: a 'final'
// class, a 'final' function, a known dynamic type, an anonymous
// namespace's class, a local class; and a class this file defines, which
// no client can name (leveldb's 'Block::Iter' in block.cc), no longer
// open (before: "cannot be shown allocation-free").
//
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
// RUN:   --config="{CheckOptions: {Roots: 'rt_*'}}" %s -- 2>&1 \
// RUN:   | FileCheck %s --check-prefix=LIBRARY --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-unknown-call' \
// RUN:   --config="{CheckOptions: {Roots: 'rt_*'}}" %s -- 2>&1 \
// RUN:   | FileCheck %s --check-prefix=UNKNOWN --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
// RUN:   --config="{CheckOptions: {Roots: 'rt_*'}}" \
// RUN:   %s %S/Inputs/client-overrides-client.cpp -- 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=CLOSED,LOUD --implicit-check-not='cannot show'
// RUN: %expect-exit 0 %noalloc --checks='-*,noalloc-call' \
// RUN:   --config="{CheckOptions: {Roots: 'rt_*'}}" \
// RUN:   %s %S/Inputs/client-overrides-client.cpp -- -DQUIET 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=CLOSED,QUIET --implicit-check-not='{{warning|error|cannot show}}'
// RUN: %oracle %s --
// RUN: %oracle %s -- -DQUIET

#include "Inputs/client-overrides.h"

struct NullSink : Sink {
  void write(int) override {}
};
Sink &null_sink() {
  static NullSink s;
  return s;
}
void rt_virtual(Sink &s, int v) { s.write(v); }
// LIBRARY: client-overrides.cpp:[[@LINE-1]]:37: warning: cannot show that 'rt_virtual' is allocation-free: 'rt_virtual' calls 'Sink::write', which client code outside the run may override [noalloc-call]
// UNKNOWN: client-overrides.cpp:[[@LINE-2]]:37: warning: call to 'Sink::write', which client code outside the run may override; noalloc cannot tell whether it allocates [noalloc-unknown-call]
// UNKNOWN: noalloc: 1 call that client code outside the run may send to code of its own could not be followed

struct Quiet final : Sink {
  void write(int) override {}
};
void rt_final(Quiet &q, int v) { q.write(v); }
struct Closed : Sink {
  void write(int) final {}
};
void rt_final_method(Closed &c, int v) { c.write(v); }
void rt_known(int v) {
  NullSink n;
  n.write(v);
}

namespace {
struct Step {
  virtual ~Step() {}
  virtual void run(int) = 0;
};
struct Idle : Step {
  void run(int) override {}
};
Idle idle_step;
} // namespace
void rt_anonymous(int v) {
  Step &s = idle_step;
  s.run(v);
}

void local_task(int v) {
  struct Task {
    virtual ~Task() {}
    virtual void run(int) {}
  };
  struct Noop : Task {
    void run(int) override {}
  };
  Noop n;
  Task &t = n;
  t.run(v);
}
void rt_local(int v) { local_task(v); }

struct Filter {
  virtual void apply(int) {}
};
struct PassFilter : Filter {
  void apply(int) override {}
};
void rt_main_file(Filter &f, int v) { f.apply(v); }

// LIBRARY: noalloc: root 'rt_virtual' cannot be shown allocation-free: 'rt_virtual' calls 'Sink::write', which client code outside the run may override
// LIBRARY: noalloc: root 'rt_final' does not use the heap
// LIBRARY: noalloc: root 'rt_final_method' does not use the heap
// LIBRARY: noalloc: root 'rt_known' does not use the heap
// LIBRARY: noalloc: root 'rt_anonymous' does not use the heap
// LIBRARY: noalloc: root 'rt_local' does not use the heap
// LIBRARY: noalloc: root 'rt_main_file' does not use the heap

// LOUD: noalloc: root 'rt_virtual' may allocate
// QUIET: noalloc: root 'rt_virtual' does not use the heap
// CLOSED: noalloc: root 'rt_final' does not use the heap
// CLOSED: noalloc: root 'rt_final_method' does not use the heap
// CLOSED: noalloc: root 'rt_known' does not use the heap
// CLOSED: noalloc: root 'rt_anonymous' does not use the heap
// CLOSED: noalloc: root 'rt_local' does not use the heap
// CLOSED: noalloc: root 'rt_main_file' does not use the heap

#ifdef NOALLOC_ORACLE
#include "oracle.h"
#include "Inputs/client-overrides-client.cpp"
ORACLE_MAIN {
  ClientSink c;
  Quiet q;
  Closed closed;
#ifdef QUIET
  ORACLE_NO_HEAP("rt_virtual: a quiet client's override", rt_virtual(c, 1));
#else
  ORACLE_ALLOCATES("rt_virtual: a client's override", rt_virtual(c, 1));
#endif
  ORACLE_NO_HEAP("rt_virtual: the library's sink", rt_virtual(null_sink(), 1));
  ORACLE_NO_HEAP("rt_final", rt_final(q, 1));
  ORACLE_NO_HEAP("rt_final_method", rt_final_method(closed, 1));
  ORACLE_NO_HEAP("rt_known", rt_known(1));
  ORACLE_NO_HEAP("rt_anonymous", rt_anonymous(1));
  ORACLE_NO_HEAP("rt_local", rt_local(1));
  PassFilter pass;
  ORACLE_NO_HEAP("rt_main_file", rt_main_file(pass, 1));
}
#endif
