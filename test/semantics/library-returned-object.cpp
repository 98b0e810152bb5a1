// A library function compiled into the library (no body in the headers)
// that returns an object owning heap memory allocates it: noalloc-std-type
// reports the call ("returns 'std::string'") and noalloc-call's verdict
// agrees (measured by the oracle with libstdc++ and libc++). The negative
// twins: a compiled function that returns a pointer, and (with a knowledge
// file) test/checks/call/returned-object-knowledge.cpp.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++20 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++20 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %expect-exit 1 %noalloc --config="{CheckOptions: {Roots: 'tick;quiet'}}" %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %oracle %s -- -std=c++20

#include <cstring>
#include <filesystem>
#include <string>
#include <system_error>

namespace fs = std::filesystem;

std::size_t messageLength(const std::error_code &E) { return E.message().size(); }
// CHECK: [[@LINE-1]]:62: warning: call to 'std::error_code::message' returns 'std::string', which allocates on the heap [noalloc-std-type]
std::size_t categoryLength(int C) {
  return std::generic_category().message(C).size();
}
std::size_t cwdLength() { return fs::current_path().native().size(); }
std::size_t canonicalLength(const fs::path &P) {
  return fs::canonical(P).native().size();
}
std::size_t absoluteLength(const fs::path &P) {
  return fs::absolute(P).native().size();
}
std::size_t relativeLength(const fs::path &P, const fs::path &Base) {
  return fs::relative(P, Base).native().size();
}
std::size_t symlinkLength(const fs::path &P) {
  return fs::read_symlink(P).native().size();
}
std::size_t tick(const std::error_code &E) { return messageLength(E); }
// CHECK: [[@LINE-1]]:53: warning: call to 'messageLength' may allocate on the heap [noalloc-call]
// CHECK: [[@LINE-2]]:13: note: 'tick' must not allocate: it is a noalloc root
// CHECK: :[[@LINE-21]]:64: note: 'messageLength' calls 'std::error_code::message', which may allocate on the heap

// Negative twin: compiled, but it returns a pointer to a static string.
std::size_t nameLength() { return std::strlen(std::generic_category().name()); }
std::size_t quiet() { return nameLength(); }

// JSON: "message": "'messageLength' calls 'std::error_code::message', which may allocate on the heap"
// JSON: "name": "messageLength",
// JSON: "verdict": "allocates"
// JSON: "message": "'categoryLength' calls 'std::error_category::message', which may allocate on the heap"
// JSON: "name": "categoryLength",
// JSON: "verdict": "allocates"
// JSON: "message": "'cwdLength' calls 'std::filesystem::current_path', which may allocate on the heap"
// JSON: "name": "cwdLength",
// JSON: "verdict": "allocates"
// JSON: "message": "'canonicalLength' calls 'std::filesystem::canonical', which may allocate on the heap"
// JSON: "name": "canonicalLength",
// JSON: "verdict": "allocates"
// JSON: "message": "'absoluteLength' calls 'std::filesystem::absolute', which may allocate on the heap"
// JSON: "name": "absoluteLength",
// JSON: "verdict": "allocates"
// JSON: "message": "'relativeLength' calls 'std::filesystem::relative', which may allocate on the heap"
// JSON: "name": "relativeLength",
// JSON: "verdict": "allocates"
// JSON: "message": "'symlinkLength' calls 'std::filesystem::read_symlink', which may allocate on the heap"
// JSON: "name": "symlinkLength",
// JSON: "verdict": "allocates"
// JSON: "name": "tick",
// JSON: "verdict": "allocates"
// JSON: "chain": [],
// JSON-NEXT: "column"
// JSON-NEXT: "effect"
// JSON-NEXT: "file"
// JSON-NEXT: "line"
// JSON-NEXT: "may_allocate": false,
// JSON-NEXT: "may_use_heap": false,
// JSON-NEXT: "name": "nameLength",
// JSON: "verdict": "none"
// JSON: "name": "quiet",
// JSON: "verdict": "none"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  // "Inappropriate ioctl for device": past the SSO buffer of both libraries.
  std::error_code E(25, std::generic_category());
  fs::path Here = "/usr/share";
  fs::path Rel = "relative/path/long/enough/to/leave/the/buffer";
  fs::path Deep = "/usr/share/doc/with/a/long/name/past/sso";
  fs::path Base = "/usr";
  fs::path Self = "/proc/self/exe";
  ORACLE_ALLOCATES("error_code::message", messageLength(E));
  ORACLE_ALLOCATES("error_category::message", categoryLength(25));
  ORACLE_ALLOCATES("current_path", cwdLength());
  ORACLE_ALLOCATES("canonical", canonicalLength(Here));
  ORACLE_ALLOCATES("absolute", absoluteLength(Rel));
  ORACLE_ALLOCATES("relative", relativeLength(Deep, Base));
  ORACLE_ALLOCATES("read_symlink", symlinkLength(Self));
  ORACLE_ALLOCATES("tick", tick(E));
  ORACLE_NO_HEAP("error_category::name", quiet());
}
#endif
