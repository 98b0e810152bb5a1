// Standard exceptions whose constructors build their message in the
// library's compiled code: std::system_error and std::future_error with
// libc++ (libstdc++'s are inline), std::ios_base::failure with both. No
// knowledge named them, so with libc++ every function here was 'none' and
// the file had no finding (review5 #3; spdlog built with libc++ and
// std::format constructs a std::system_error). A copy shares the message;
// reading one touches nothing.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-std-type' --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-std-type' --format=json %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %oracle %s -- -std=c++17
#include <future>
#include <ios>
#include <system_error>

// JSON: "name": "codeOf",
// JSON: "verdict": "allocates"
int codeOf(int e) {
  std::system_error se(std::error_code(e, std::generic_category()), "open");
  return se.code().value();
}
// JSON: "name": "categoryOnly",
// JSON: "verdict": "allocates"
int categoryOnly(int e) {
  std::system_error se(e, std::system_category());
  return se.code().value();
}
// JSON: "name": "streamFailure",
// JSON: "verdict": "allocates"
int streamFailure() {
  std::ios_base::failure f("stream");
  return f.what()[0];
}
// JSON: "name": "futureError",
// JSON: "verdict": "allocates"
int futureError() {
  std::future_error f(std::future_errc::no_state);
  return f.what()[0];
}
// JSON: "name": "copySystemError",
// JSON: "verdict": "releases"
int copySystemError(const std::system_error &e) {
  std::system_error c(e);
  return c.code().value();
}
// JSON: "name": "readSystemError",
// JSON: "verdict": "none"
int readSystemError(const std::system_error &e) { return e.code().value(); }

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  ORACLE_ALLOCATES("a system_error with a message", codeOf(2));
  ORACLE_ALLOCATES("a system_error from a code", categoryOnly(2));
  ORACLE_ALLOCATES("an ios_base::failure", streamFailure());
  ORACLE_ALLOCATES("a future_error", futureError());
  std::system_error e(2, std::generic_category(), "x");
  // Its destructor may release the shared message when it is the last
  // owner ('releases'); here 'e' outlives it.
  ORACLE_NO_ALLOC("copying a system_error", copySystemError(e));
  ORACLE_NO_HEAP("reading a system_error", readSystemError(e));
}
#endif
