// Calling a std::function member runs what the program stores into it,
// in any unit: here callable-member-fill.cpp fills the members of
// Inputs/callable-member.h, through a setter's parameter or directly, and
// this unit only calls them. 'readEvent' runs a lambda that counts (no
// heap), its twin 'writeEvent' a bound member function that allocates, and
// 'errorEvent' a std::function returned by a function, which noalloc does
// not follow: unknown, never clean; so is 'timerEvent', whose callback
// std::make_shared passes to the constructor, while its twin 'alarmEvent'
// runs the lambda that user code alone passes to its constructor. Calling an empty std::function throws
// std::bad_function_call, so a call whose targets are clean still may
// allocate only when it fails. Every label is the oracle's, with libstdc++
// and libc++; every function is a root.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s %S/Inputs/callable-member-fill.cpp -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=CALL
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s %S/Inputs/callable-member-fill.cpp -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefix=CALL
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s %S/Inputs/callable-member-fill.cpp -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s %S/Inputs/callable-member-fill.cpp -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefix=JSON
// Without the unit that fills them, no store is visible: unknown.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=ALONE
// RUN: %oracle %s -- -std=c++17 %S/Inputs/callable-member-fill.cpp

#include "Inputs/callable-member.h"

#define ROOT [[clang::annotate("noalloc")]]

ROOT void readEvent(Channel &c) { c.handleRead(); }
ROOT void writeEvent(Channel &c) { c.handleWrite(); }
ROOT void errorEvent(Channel &c) { c.handleError(); }
ROOT void timerEvent(Timer &t) { t.run(); }
ROOT void alarmEvent(Alarm &a) { a.run(); }

// CALL: callable-member.h:13:7: warning: call to 'std::function<void ()>::operator()' may allocate only when it fails (throws 'std::bad_function_call') [noalloc-call]
// CALL: callable-member.h:17:7: warning: call through 'write_' may allocate on the heap [noalloc-call]
// CALL: callable-member-fill.cpp:11:8: note: 'write_' may be 'Log::record', which is stored into it
// CALL: callable-member-fill.cpp:12:22: note: 'Log::record' constructs 'std::vector<int>', which may allocate on the heap
// CALL: callable-member.cpp:30:37: warning: call to 'Channel::handleRead' may allocate only when it fails (throws 'std::bad_function_call') [noalloc-call]
// CALL: callable-member.cpp:31:38: warning: call to 'Channel::handleWrite' may allocate on the heap [noalloc-call]
// CALL: callable-member.h:17:7: note: 'Channel::handleWrite' calls through 'write_', which may be 'Log::record'
// CALL: callable-member.cpp:32:38: warning: cannot show that 'errorEvent' is allocation-free: call to 'Channel::handleError' reaches a call through a pointer whose targets noalloc cannot see [noalloc-call]
// CALL: callable-member.h:21:7: note: 'Channel::handleError' calls the std::function 'error_', and noalloc cannot see all it may hold ('error_': it is given a std::function that noalloc does not follow)
// CALL: callable-member.cpp:33:36: warning: cannot show that 'timerEvent' is allocation-free: call to 'Timer::run' reaches a call through a pointer whose targets noalloc cannot see [noalloc-call]
// CALL: callable-member.h:33:16: note: 'Timer::run' calls the std::function 'cb_', and noalloc cannot see all it may hold (parameter 1 of 'Timer': library code ('std::{{.+}}') passes it)
// CALL: callable-member.cpp:34:36: warning: call to 'Alarm::run' may allocate only when it fails (throws 'std::bad_function_call') [noalloc-call]

// JSON: "name": "readEvent",
// JSON: "verdict": "allocates-on-failure"
// JSON: "name": "writeEvent",
// JSON: "verdict": "allocates"
// JSON: "name": "errorEvent",
// JSON: "verdict": "unknown"
// JSON: "name": "timerEvent",
// JSON: "verdict": "unknown"
// JSON: "name": "alarmEvent",
// JSON: "verdict": "allocates-on-failure"

// ALONE: "name": "readEvent",
// ALONE: "verdict": "unknown"
// ALONE: "name": "writeEvent",
// ALONE: "verdict": "unknown"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  Channel c;
  fill(c);
  ORACLE_NO_HEAP("the lambda another unit stores", readEvent(c));
  ORACLE_ALLOCATES("the bound member function another unit stores", writeEvent(c));
  ORACLE_ALLOCATES("the std::function another unit's function makes", errorEvent(c));
  std::shared_ptr<Timer> timer = makeTimer();
  ORACLE_ALLOCATES("the lambda std::make_shared passes on", timerEvent(*timer));
  Alarm alarm = makeAlarm();
  ORACLE_NO_HEAP("the lambda user code passes on", alarmEvent(alarm));
}
#endif
