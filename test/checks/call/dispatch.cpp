// RUN: %expect-exit 1 %noalloc --config="{CheckOptions: {noalloc-call.ReportEveryCall: true}}" --checks='-*,noalloc-call' %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefixes=CHECK,TOOL --implicit-check-not='{{warning|error|note}}:'
// The same findings through clang-tidy and the plugin, but for 'drive's:
// RUN: %expect-exit 0 %clang-tidy-noalloc --config="{CheckOptions: {noalloc-call.ReportEveryCall: true}}" -checks='-*,noalloc-call' %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefixes=CHECK,TIDY --implicit-check-not='{{warning|error|note}}:'
// The expected findings follow the code.

#include <string>

int *allocate() { return new int(1); }

// A virtual call may reach every override the program defines; the chain
// names the override that allocates.
struct Sink {
  virtual ~Sink() = default;
  virtual void write(int value) = 0;
};
struct FrameSink : Sink {
  void write(int value) override { frame[0] = value; }
  int frame[8] = {};
};
struct TextSink : Sink {
  void write(int value) override { last = allocate(); *last = value; }
  int *last = nullptr;
};
struct NullSink : Sink {
  void write(int) override {}
};
void publish(Sink &sink) { sink.write(1); }

// A virtual call whose overrides are all allocation-free is silent.
struct Clock {
  virtual long now() const { return 0; }
};
struct FakeClock : Clock {
  long now() const override { return 42; }
};
long stamp(const Clock &c) { return c.now(); }

// A qualified call is not dispatched: only the named function runs.
struct Base {
  virtual void run() {}
};
struct Derived : Base {
  void run() override { allocate(); Base::run(); }
};
void runBase(Derived &d) { d.Base::run(); }
// One override, which allocates.
void runAny(Base &b) { b.run(); }

// Function pointers: any function of the same type whose address is taken.
using Handler = int (*)(int);
int quietHandler(int x) { return x + 1; }
int loudHandler(int x) { return *allocate() + x; }
Handler handlers[] = {quietHandler, loudHandler};
int dispatch(Handler h, int x) { return h(x); }

// A type whose functions never allocate: silent.
using Pure = long (*)(long);
long square(long x) { return x * x; }
Pure pure = square;
long callPure(long x) { return pure(x); }

// Pointers to member functions.
struct Motor {
  void start() { buffer = allocate(); }
  void stop() {}
  int *buffer = nullptr;
};
void drive(Motor &m, void (Motor::*action)()) { (m.*action)(); }
void wire(Motor &m) {
  drive(m, &Motor::start);
  drive(m, &Motor::stop);
}




// CHECK: dispatch.cpp:23:43: warning: call to 'allocate' may allocate on the heap [noalloc-call]
// CHECK: dispatch.cpp:10:26: note: 'allocate' allocates with 'new' here
// CHECK: dispatch.cpp:29:33: warning: call to 'Sink::write' may allocate on the heap [noalloc-call]
// CHECK: dispatch.cpp:23:8: note: 'Sink::write' may be 'TextSink::write', which overrides it
// CHECK: dispatch.cpp:23:43: note: 'TextSink::write' calls 'allocate'
// CHECK: dispatch.cpp:10:26: note: 'allocate' allocates with 'new' here
// CHECK: dispatch.cpp:45:25: warning: call to 'allocate' may allocate on the heap [noalloc-call]
// CHECK: dispatch.cpp:10:26: note: 'allocate' allocates with 'new' here
// CHECK: dispatch.cpp:49:26: warning: call to 'Base::run' may allocate on the heap [noalloc-call]
// CHECK: dispatch.cpp:45:8: note: 'Base::run' may be 'Derived::run', which overrides it
// CHECK: dispatch.cpp:45:25: note: 'Derived::run' calls 'allocate'
// CHECK: dispatch.cpp:10:26: note: 'allocate' allocates with 'new' here
// CHECK: dispatch.cpp:54:34: warning: call to 'allocate' may allocate on the heap [noalloc-call]
// CHECK: dispatch.cpp:10:26: note: 'allocate' allocates with 'new' here
// CHECK: dispatch.cpp:56:41: warning: call through 'h' may allocate on the heap [noalloc-call]
// CHECK: dispatch.cpp:54:5: note: 'h' may be 'loudHandler', whose address is taken
// CHECK: dispatch.cpp:54:34: note: 'loudHandler' calls 'allocate'
// CHECK: dispatch.cpp:10:26: note: 'allocate' allocates with 'new' here
// CHECK: dispatch.cpp:66:27: warning: call to 'allocate' may allocate on the heap [noalloc-call]
// CHECK: dispatch.cpp:10:26: note: 'allocate' allocates with 'new' here
// The tool sees the whole program: 'drive' calls the parameter 'action',
// which only 'wire' passes, so each call of 'drive' runs what it passes
// (test/semantics/callback-parameter.cpp). The plugin sees one unit, and
// another may call 'drive' with anything.
// TOOL: dispatch.cpp:72:12: warning: call to 'Motor::start' may allocate on the heap [noalloc-call]
// TOOL: dispatch.cpp:66:27: note: 'Motor::start' calls 'allocate'
// TOOL: dispatch.cpp:10:26: note: 'allocate' allocates with 'new' here
// TIDY: dispatch.cpp:70:49: warning: call through '(m.*action)' may allocate on the heap [noalloc-call]
// TIDY: dispatch.cpp:66:8: note: '(m.*action)' may be 'Motor::start', whose address is taken
// TIDY: dispatch.cpp:66:27: note: 'Motor::start' calls 'allocate'
// TIDY: dispatch.cpp:10:26: note: 'allocate' allocates with 'new' here
// TIDY: dispatch.cpp:72:3: warning: call to 'drive' may allocate on the heap [noalloc-call]
// TIDY: dispatch.cpp:70:49: note: 'drive' calls through '(m.*action)', which may be 'Motor::start'
// TIDY: dispatch.cpp:66:27: note: 'Motor::start' calls 'allocate'
// TIDY: dispatch.cpp:10:26: note: 'allocate' allocates with 'new' here
// TIDY: dispatch.cpp:73:3: warning: call to 'drive' may allocate on the heap [noalloc-call]
// TIDY: dispatch.cpp:70:49: note: 'drive' calls through '(m.*action)', which may be 'Motor::start'
// TIDY: dispatch.cpp:66:27: note: 'Motor::start' calls 'allocate'
// TIDY: dispatch.cpp:10:26: note: 'allocate' allocates with 'new' here
