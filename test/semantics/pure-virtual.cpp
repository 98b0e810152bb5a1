// A virtual call to a pure virtual function runs one of its overriders,
// never the pure function: it has no body by design. With an overrider in
// the program, the call reaches the overriders only, confirmed by running
// them: 'poll' does not allocate and its root is clean; 'emit', through an
// intermediate class that declares 'put' pure again, reaches 'Log::put',
// which allocates. The twin: an interface that no analysed file
// implements still leaves its root unproven ('run'). The classes with
// overriders are in an anonymous namespace: no client class outside the
// run can override them (semantics/client-overrides.cpp).
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %oracle %s -- -std=c++20

namespace {
struct Sensor {
  virtual ~Sensor() = default;
  virtual int read() = 0;
};
struct Adc : Sensor {
  int read() override { return 42; }
};
int poll(Sensor &s) [[clang::nonblocking]] { return s.read(); }

struct Sink {
  virtual ~Sink() = default;
  virtual void put(int v) = 0;
};
struct Buffered : Sink {
  void put(int v) override = 0;
};
struct Log : Buffered {
  int *Last = nullptr;
  void put(int v) override {
    delete Last;
    Last = new int(v);
  }
  ~Log() override { delete Last; }
};
} // namespace
void emit(Sink &s, int v) [[clang::nonblocking]] { s.put(v); }
// CHECK: pure-virtual.cpp:[[@LINE-1]]:54: warning: call to 'Sink::put' may allocate on the heap [noalloc-call]
// CHECK: pure-virtual.cpp:[[@LINE-2]]:6: note: 'emit' must not allocate: it is a noalloc root
// CHECK: pure-virtual.cpp:[[@LINE-10]]:8: note: 'Sink::put' may be 'Log::put', which overrides it
// CHECK: pure-virtual.cpp:[[@LINE-9]]:12: note: 'Log::put' allocates with 'new' here

struct Codec {
  virtual ~Codec() = default;
  virtual int decode() = 0;
};
int run(Codec &c) [[clang::nonblocking]] { return c.decode(); }
// CHECK: pure-virtual.cpp:[[@LINE-1]]:53: warning: cannot show that 'run' is allocation-free: 'Codec::decode' is defined in no analysed file [noalloc-call]
// CHECK: pure-virtual.cpp:[[@LINE-2]]:5: note: 'run' must not allocate: it is a noalloc root

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  Adc adc;
  Log log;
  ORACLE_NO_HEAP("the only overrider of a pure function", poll(adc));
  ORACLE_ALLOCATES("an overrider below a class that redeclares it pure",
                   emit(log, 1));
}
#endif
