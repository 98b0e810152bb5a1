// A call through a function pointer read from a variable or field that the
// program writes only with functions written out reaches those functions
// (and any whose address escapes where noalloc does not follow it), not
// every function of its type. A pointer written any other way, its address
// taken, reaches every function of its type whose address is taken. A
// pointer of [[clang::nonallocating]] type runs only functions that are
// roots (test/semantics/nonallocating-conversion.cpp): none here. A block
// pointer reaches no function of the program.
// test/semantics/dispatch.cpp runs these under the heap counter.
// RUN: %expect-exit 1 %noalloc --config="{CheckOptions: {noalloc-call.ReportEveryCall: true}}" --checks='-*,noalloc-call' %s -- -std=c++20 -fblocks \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 0 %clang-tidy-noalloc --config="{CheckOptions: {noalloc-call.ReportEveryCall: true}}" -checks='-*,noalloc-call' %s -- -std=c++20 -fblocks \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-unknown-call' %s -- -std=c++20 -fblocks \
// RUN:   | FileCheck %s --check-prefix=UNKNOWN --implicit-check-not='{{warning|error|note}}:'

int *allocate() { return new int(1); }

using Handler = int (*)(int);
int quiet(int x) { return x + 1; }
int loud(int x) { return *allocate() + x; }
// CHECK: pointers.cpp:[[@LINE-1]]:27: warning: call to 'allocate' may allocate on the heap [noalloc-call]
// CHECK: pointers.cpp:[[@LINE-6]]:26: note: 'allocate' allocates with 'new' here

// Globals: each holds what is stored into it.
Handler onTick = quiet;
Handler onError = loud;
int tick(int x) { return onTick(x); }
int fail(int x) { return onError(x); }
// CHECK: pointers.cpp:[[@LINE-1]]:26: warning: call through 'onError' may allocate on the heap [noalloc-call]
// CHECK: pointers.cpp:[[@LINE-10]]:5: note: 'onError' may be 'loud', which is stored into it
// CHECK: pointers.cpp:[[@LINE-11]]:27: note: 'loud' calls 'allocate'
// CHECK: pointers.cpp:[[@LINE-16]]:26: note: 'allocate' allocates with 'new' here

// Fields: aggregate initialization, assignment, default member
// initializers.
struct Ops {
  Handler run = quiet;
  Handler stop;
};
Ops quietOps = {quiet, quiet};
void rewire(Ops &o) { o.stop = nullptr; }
int runOps(Ops &o, int x) { return o.run(x) + o.stop(x); }
struct Sink {
  Handler put;
};
Sink quietSink{quiet};
Sink loudSink{loud};
int put(Sink &s) { return s.put(1); }
// CHECK: pointers.cpp:[[@LINE-1]]:27: warning: call through 's.put' may allocate on the heap [noalloc-call]
// CHECK: pointers.cpp:[[@LINE-30]]:5: note: 's.put' may be 'loud', which is stored into it
// CHECK: pointers.cpp:[[@LINE-31]]:27: note: 'loud' calls 'allocate'
// CHECK: pointers.cpp:[[@LINE-36]]:26: note: 'allocate' allocates with 'new' here

// Locals and arrays.
int local(int x) {
  Handler h = quiet;
  return h(x);
}
int either(bool c, int x) {
  Handler h = c ? quiet : loud;
  return h(x + 1);
// CHECK: pointers.cpp:[[@LINE-1]]:10: warning: call through 'h' may allocate on the heap [noalloc-call]
// CHECK: pointers.cpp:[[@LINE-43]]:5: note: 'h' may be 'loud', which is stored into it
// CHECK: pointers.cpp:[[@LINE-44]]:27: note: 'loud' calls 'allocate'
// CHECK: pointers.cpp:[[@LINE-49]]:26: note: 'allocate' allocates with 'new' here
}
Handler quietTable[] = {quiet, quiet};
int fromTable(int i) { return quietTable[i](i) + int(sizeof quietTable); }

// A pointer member function, and a lambda converted to a function pointer.
struct Motor {
  void start() { allocate(); }
// CHECK: pointers.cpp:[[@LINE-1]]:18: warning: call to 'allocate' may allocate on the heap [noalloc-call]
// CHECK: pointers.cpp:[[@LINE-58]]:26: note: 'allocate' allocates with 'new' here
  void stop() {}
};
void (Motor::*halt)() = &Motor::stop;
void brake(Motor &m) { (m.*halt)(); }
void (Motor::*ignite)() = &Motor::start;
Handler fromLambda = [](int x) { return *allocate() + x; };
// CHECK: pointers.cpp:[[@LINE-1]]:42: warning: call to 'allocate' may allocate on the heap [noalloc-call]
// CHECK: pointers.cpp:[[@LINE-66]]:26: note: 'allocate' allocates with 'new' here

// The twins. A pointer whose address is taken may hold anything of its
// type whose address is taken.
Handler exposed = quiet;
Handler *where() { return &exposed; }
int callExposed(int x) { return exposed(x); }
// CHECK: pointers.cpp:[[@LINE-1]]:33: warning: call through 'exposed' may allocate on the heap [noalloc-call]
// CHECK: pointers.cpp:[[@LINE-70]]:5: note: 'exposed' may be 'loud', whose address is taken
// CHECK: pointers.cpp:[[@LINE-71]]:27: note: 'loud' calls 'allocate'
// CHECK: pointers.cpp:[[@LINE-76]]:26: note: 'allocate' allocates with 'new' here
// A parameter holds what its callers pass.
int callParameter(Handler h, int x) { return h(x); }
// CHECK: pointers.cpp:[[@LINE-1]]:46: warning: call through 'h' may allocate on the heap [noalloc-call]
// CHECK: pointers.cpp:[[@LINE-76]]:5: note: 'h' may be 'loud', whose address is taken
// CHECK: pointers.cpp:[[@LINE-77]]:27: note: 'loud' calls 'allocate'
// CHECK: pointers.cpp:[[@LINE-82]]:26: note: 'allocate' allocates with 'new' here
// A function passed elsewhere may end up in any pointer of its type.
using Counter = long (*)(long);
long count(long n) { return n; }
long countLoud(long n) { return *allocate() + n; }
// CHECK: pointers.cpp:[[@LINE-1]]:34: warning: call to 'allocate' may allocate on the heap [noalloc-call]
// CHECK: pointers.cpp:[[@LINE-88]]:26: note: 'allocate' allocates with 'new' here
void install(Counter c);
void setUp() { install(countLoud); }
Counter counter = count;
long callCounter(long n) { return counter(n); }
// CHECK: pointers.cpp:[[@LINE-1]]:35: warning: call through 'counter' may allocate on the heap [noalloc-call]
// CHECK: pointers.cpp:[[@LINE-8]]:6: note: 'counter' may be 'countLoud', whose address is taken
// CHECK: pointers.cpp:[[@LINE-9]]:34: note: 'countLoud' calls 'allocate'
// CHECK: pointers.cpp:[[@LINE-96]]:26: note: 'allocate' allocates with 'new' here
void spin(Motor &m) { (m.*ignite)(); }
// CHECK: pointers.cpp:[[@LINE-1]]:23: warning: call through '(m.*ignite)' may allocate on the heap [noalloc-call]
// CHECK: pointers.cpp:[[@LINE-43]]:8: note: '(m.*ignite)' may be 'Motor::start', which is stored into it
// CHECK: pointers.cpp:[[@LINE-44]]:18: note: 'Motor::start' calls 'allocate'
// CHECK: pointers.cpp:[[@LINE-101]]:26: note: 'allocate' allocates with 'new' here

// A pointer of nonallocating type: clang checks each conversion to it.
using Safe = int (*)(int) [[clang::nonallocating]];
int callSafe(Safe s, int x) { return s(x); }

// A block is the code of the function that creates it: a call through a
// block pointer reaches no lambda or function of the program.
int callBlock(int (^b)(int), int x) { return b(x); }
// UNKNOWN: pointers.cpp:95:46: warning: call through 'h', which client code outside the run may pass; noalloc cannot tell whether it allocates [noalloc-unknown-call]
// UNKNOWN: pointers.cpp:[[@LINE-21]]:16: warning: call to 'install' has no body or knowledge-base entry; noalloc cannot tell whether it allocates [noalloc-unknown-call]
// UNKNOWN: pointers.cpp:[[@LINE-3]]:46: warning: call through block 'b' reaches no known function; noalloc cannot tell whether it allocates [noalloc-unknown-call]
