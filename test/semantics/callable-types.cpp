// Types the knowledge base says hold a callable ('holds-callable': ETL's
// etl::delegate, etl::function and etl::inplace_function; here their
// look-alikes, Inputs/callable-types.h, with Inputs/callable-types.yaml) are
// followed object by object, as std::function is: each operator() calls
// through one field that every object of the type shares, so following the
// field would make one allocating callback ('logger_task's) taint every call
// of every object of its signature. A local made from a function
// ('create<f>()', a constructor's argument, a member function and its
// object) or a lambda calls that target only; so does a parameter that every
// caller fills so. An object stored into a global gives the global what it
// holds; one that a function returns, or that is passed by reference to a
// function that may change it, is not followed: its call reaches the
// operator() and what the whole program stores into its field. Every label
// is the oracle's; every function is a root.
// RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-call' --knowledge=%S/Inputs/callable-types.yaml %s -- -std=c++17 \
// RUN:   2>&1 | FileCheck %s --check-prefix=CALL
// RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-call' --knowledge=%S/Inputs/callable-types.yaml --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=JSON
// Without the knowledge file, every call follows the field: the false alarm.
// RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-call' %s -- -std=c++17 \
// RUN:   2>&1 | FileCheck %s --check-prefix=FIELD
// RUN: %oracle %s -- -std=c++17

#include "Inputs/callable-types.h"
#include <cstdlib>

#define ROOT [[clang::annotate("noalloc")]]

using Handler = lite::delegate<void(int)>;

static int acc;
static char *last;
static void on_sample(int v) { acc += v; }
static void log_sample(int v) {
  std::free(last);
  last = static_cast<char *>(std::malloc(32));
  last[0] = char(v);
}
struct Counter {
  int n = 0;
  void add(int v) { n += v; }
};
Handler g_handler;

// Locals made from a known target.
ROOT void control_tick(int v) {
  auto d = Handler::create<on_sample>();
  d(v);
}
ROOT void control_tick_lambda(int v) {
  auto count = [](int x) { acc += x; };
  Handler d(count);
  d(v);
}
ROOT void control_tick_copy(int v) {
  Handler d = Handler::create<on_sample>();
  Handler e = d;
  e(v);
}
ROOT void control_tick_fn(int v) {
  lite::function<void, int> f(on_sample);
  f(v);
}
ROOT void control_tick_member(int v) {
  Counter c;
  lite::function<Counter, int> f(c, &Counter::add);
  f(v);
}
ROOT void control_tick_inplace(int v) {
  lite::inplace_function<void(int)> f([](int x) { acc += x; });
  f(v);
}
// A parameter that its one caller fills with a known target.
static void run_with(const Handler &d, int v) { d(v); }
ROOT void param_tick(int v) { run_with(Handler::create<on_sample>(), v); }

// The twins: an allocating target, here and elsewhere.
ROOT void logger_task(int v) {
  auto d = Handler::create<log_sample>();
  d(v);
  lite::function<void, int> f(log_sample);
  f(v);
  lite::inplace_function<void(int)> g([](int x) { log_sample(x); });
  g(v);
}
// Stored into a global, whose calls run what any unit stores into it.
ROOT void install(int v) {
  auto d = Handler::create<log_sample>();
  g_handler = d;
  d(v);
}
ROOT void dispatch_global(int v) { g_handler(v); }
// Returned: not followed, the field's program-wide set.
static Handler pick(bool loud) {
  return loud ? Handler::create<log_sample>() : Handler::create<on_sample>();
}
ROOT void returned_tick(int v, bool loud) { pick(loud)(v); }
// Passed by reference to a function that changes it: not followed either.
static void rebind(Handler &d) { d = Handler::create<log_sample>(); }
ROOT void rebound_tick(int v) {
  auto d = Handler::create<on_sample>();
  rebind(d);
  d(v);
}

// CALL: callable-types.cpp:80:3: note: 'logger_task' calls through 'd', which may be 'log_sample'
// CALL: callable-types.cpp:84:3: note: 'logger_task' calls through 'g', which may be 'lambda at callable-types.cpp:83:39'
// CALL: callable-types.cpp:90:3: warning: call through 'd' may allocate on the heap [noalloc-call]
// CALL: callable-types.cpp:92:36: warning: call through 'g_handler' may allocate on the heap [noalloc-call]
// CALL: callable-types.cpp:97:45: warning: call through 'pick(loud)' may allocate on the heap [noalloc-call]
// CALL: callable-types.cpp:103:3: warning: call through 'd' may allocate on the heap [noalloc-call]
// CALL: noalloc: root 'logger_task' may allocate: 'logger_task' -> 'log_sample' calls 'malloc'
// CALL: noalloc: root 'install' may allocate: 'install' -> 'log_sample' calls 'malloc'
// CALL: noalloc: root 'dispatch_global' may allocate: 'dispatch_global' -> 'log_sample' calls 'malloc'
// CALL: noalloc: root 'returned_tick' may allocate: 'returned_tick' -> 'lite::delegate<void (int)>::operator()' -> 'lite::delegate<void (int)>::function_stub<&log_sample>' -> 'log_sample' calls 'malloc'
// CALL: noalloc: root 'rebound_tick' may allocate: 'rebound_tick' -> 'lite::delegate<void (int)>::operator()' -> 'lite::delegate<void (int)>::function_stub<&log_sample>' -> 'log_sample' calls 'malloc'
// CALL: noalloc: root 'control_tick' does not use the heap
// CALL: noalloc: root 'control_tick_lambda' does not use the heap
// CALL: noalloc: root 'control_tick_copy' does not use the heap
// CALL: noalloc: root 'control_tick_fn' does not use the heap
// CALL: noalloc: root 'control_tick_member' does not use the heap
// CALL: noalloc: root 'control_tick_inplace' does not use the heap
// CALL: noalloc: root 'param_tick' does not use the heap

// JSON: "name": "control_tick",
// JSON: "verdict": "none"
// JSON: "name": "control_tick_lambda",
// JSON: "verdict": "none"
// JSON: "name": "control_tick_copy",
// JSON: "verdict": "none"
// JSON: "name": "control_tick_fn",
// JSON: "verdict": "none"
// JSON: "name": "control_tick_member",
// JSON: "verdict": "none"
// JSON: "name": "control_tick_inplace",
// JSON: "verdict": "none"
// JSON: "name": "param_tick",
// JSON: "verdict": "none"
// JSON: "name": "logger_task",
// JSON: "verdict": "allocates"
// JSON: "name": "install",
// JSON: "verdict": "allocates"
// JSON: "name": "dispatch_global",
// JSON: "verdict": "allocates"
// JSON: "name": "returned_tick",
// JSON: "verdict": "allocates"
// JSON: "name": "rebound_tick",
// JSON: "verdict": "allocates"

// FIELD: noalloc: root 'control_tick' may allocate: 'control_tick' -> 'lite::delegate<void (int)>::operator()' -> 'lite::delegate<void (int)>::function_stub<&log_sample>' -> 'log_sample' calls 'malloc'
// FIELD: noalloc: root 'control_tick_fn' may allocate: 'control_tick_fn' -> 'lite::function<void, int>::operator()' -> 'log_sample' calls 'malloc'
// FIELD: noalloc: root 'control_tick_inplace' may allocate

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  ORACLE_NO_HEAP("a delegate made by create<f>()", for (int i = 0; i < 50; ++i) control_tick(i));
  ORACLE_NO_HEAP("a delegate made from a lambda", for (int i = 0; i < 50; ++i) control_tick_lambda(i));
  ORACLE_NO_HEAP("a copy of a delegate made by create<f>()", for (int i = 0; i < 50; ++i) control_tick_copy(i));
  ORACLE_NO_HEAP("a function made from a function", for (int i = 0; i < 50; ++i) control_tick_fn(i));
  ORACLE_NO_HEAP("a function made from a member function", for (int i = 0; i < 50; ++i) control_tick_member(i));
  ORACLE_NO_HEAP("an inplace_function made from a lambda", for (int i = 0; i < 50; ++i) control_tick_inplace(i));
  ORACLE_NO_HEAP("a delegate parameter its caller makes", for (int i = 0; i < 50; ++i) param_tick(i));
  ORACLE_ALLOCATES("the logger's three callables", logger_task(1));
  ORACLE_ALLOCATES("a delegate stored into a global", install(1));
  ORACLE_ALLOCATES("the global delegate", dispatch_global(1));
  ORACLE_ALLOCATES("a delegate a function returns", returned_tick(1, true));
  ORACLE_ALLOCATES("a delegate a function changes", rebound_tick(1));
}
#endif
