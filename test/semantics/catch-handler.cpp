// A 'catch' handler runs only after its try block threw: what it calls is
// that failure's path, as a library's throw is its own. spdlog's
// SPDLOG_TRY / SPDLOG_LOGGER_CATCH builds a std::string for its error
// handler only after a throw, and noalloc called it a normal path (review5
// #6): 'flushAll' was 'allocates', with a noalloc-std-type finding in the
// handler. A call in a handler is now 'may allocate only when it fails'
// (in_catch in the facts), which FailurePaths: accept accepts; the direct
// checks leave it to noalloc-call. The same calls outside a handler stay
// 'allocates'. A handler whose try block throws is reached through the
// throw, which allocates by itself (parseOr).
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-std-type,noalloc-c-allocation,noalloc-throw' %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefixes=TEXT,REPORT --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-std-type,noalloc-c-allocation,noalloc-throw' %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefixes=TEXT,REPORT --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-std-type,noalloc-c-allocation,noalloc-throw' \
// RUN:   --config="{CheckOptions: {FailurePaths: accept}}" %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=TEXT --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefixes=JSON,JSON-REPORT
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefixes=JSON,JSON-REPORT
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json \
// RUN:   --config="{CheckOptions: {FailurePaths: accept}}" %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefixes=JSON,JSON-ACCEPT
// The direct checks alone, through clang-tidy: nothing in the handlers.
// RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-std-type,noalloc-c-allocation' %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=TIDY --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s -- -std=c++17

#include <cstdlib>
#include <exception>
#include <stdexcept>
#include <string>

static std::string LastError;
// TEXT: catch-handler.cpp:[[@LINE-1]]:20: warning: variable 'LastError' of type 'std::string' allocates on the heap [noalloc-std-type]
// TIDY: catch-handler.cpp:[[@LINE-2]]:20: warning: variable 'LastError' of type 'std::string' allocates on the heap [noalloc-std-type]
void onError(const std::string &Msg) { LastError.assign(Msg, 0, 0); }

// No client can extend them: in a run with no 'main', an external class
// may have clients' overrides (test/semantics/client-overrides.cpp).
namespace {
struct Sink {
  virtual void flush() = 0;
  virtual ~Sink() = default;
};
struct NullSink final : Sink {
  int N = 0;
  void flush() noexcept override { ++N; }
};
} // namespace
static NullSink TheSink;
static Sink *Sinks[1] = {&TheSink};

// spdlog's SPDLOG_TRY / SPDLOG_LOGGER_CATCH: the handler builds a
// std::string, only after a throw.
void flushAll() {
  for (Sink *S : Sinks) {
    try {
      S->flush();
    } catch (const std::exception &Ex) {
      onError(Ex.what());
      // REPORT: catch-handler.cpp:[[@LINE-1]]:7: warning: call to 'onError' may allocate only when it fails (it runs in a 'catch' handler) [noalloc-call]
    }
  }
}
void *keepInHandler() {
  try {
    Sinks[0]->flush();
  } catch (...) {
    std::string Message = "flush failed";
    return std::malloc(Message.size());
    // REPORT: catch-handler.cpp:[[@LINE-1]]:12: warning: call to 'malloc' may allocate only when it fails (it runs in a 'catch' handler) [noalloc-call]
  }
  return nullptr;
}

// Positive twins: the same calls outside a handler.
void flushAndReport() {
  Sinks[0]->flush();
  onError("flushed every sink of the logger at once");
  // TEXT: catch-handler.cpp:[[@LINE-1]]:3: warning: call to 'onError' may allocate on the heap [noalloc-call]
  // TEXT: catch-handler.cpp:[[@LINE-2]]:11: warning: construction of 'std::string' allocates on the heap [noalloc-std-type]
  // TIDY: catch-handler.cpp:[[@LINE-3]]:11: warning: construction of 'std::string' allocates on the heap [noalloc-std-type]
}
void *keepAlways() {
  std::string Message = "flush failed";
  return std::malloc(Message.size());
  // TEXT: catch-handler.cpp:[[@LINE-1]]:10: warning: call to 'malloc' allocates on the heap [noalloc-c-allocation]
  // TIDY: catch-handler.cpp:[[@LINE-2]]:10: warning: call to 'malloc' allocates on the heap [noalloc-c-allocation]
}
// A try block that throws: the throw allocates, the handler then builds
// its string.
int parseOr(const char *Text) {
  try {
    if (!*Text)
      throw std::invalid_argument("empty");
    // TEXT: catch-handler.cpp:[[@LINE-1]]:7: warning: 'throw' allocates the exception object on the heap [noalloc-throw]
    return 1;
  } catch (const std::exception &Ex) {
    onError(Ex.what());
    // REPORT: catch-handler.cpp:[[@LINE-1]]:5: warning: call to 'onError' may allocate only when it fails (it runs in a 'catch' handler) [noalloc-call]
    return 0;
  }
}

// JSON: "name": "flushAll",
// JSON-NEXT: "usr"
// JSON-REPORT-NEXT: "verdict": "allocates-on-failure"
// JSON-ACCEPT-NEXT: "verdict": "none"
// JSON: "name": "keepInHandler",
// JSON-NEXT: "usr"
// JSON-REPORT-NEXT: "verdict": "allocates-on-failure"
// JSON-ACCEPT-NEXT: "verdict": "none"
// JSON: "name": "flushAndReport",
// JSON-NEXT: "usr"
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "keepAlways",
// JSON-NEXT: "usr"
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "parseOr",
// JSON-NEXT: "usr"
// JSON-NEXT: "verdict": "allocates"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  // Nothing throws: the handlers never run.
  ORACLE_NO_HEAP("handler of a try block that does not throw",
                 for (int I = 0; I < 100; ++I) flushAll());
  ORACLE_NO_HEAP("malloc in a handler that does not run", keepInHandler());
  ORACLE_ALLOCATES("the same call outside a handler", flushAndReport());
  void *Kept = nullptr;
  ORACLE_ALLOCATES("malloc outside a handler", Kept = keepAlways());
  std::free(Kept);
  ORACLE_ALLOCATES("a throw, then the handler", parseOr(""));
  ORACLE_NO_HEAP("no throw, no handler", parseOr("x"));
}
#endif
