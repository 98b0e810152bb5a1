// Value semantics of the standard library (knowledge/cxx.yaml, libraries):
// an empty container, a std::string holding a literal within the
// small-string buffer and a std::function holding a function or a small
// trivially copyable lambda do not use the heap, when the function only
// reads them; free(NULL) frees nothing. The direct checks and noalloc-call
// agree, with libstdc++ (15 characters, a 16-byte callable) and libc++
// (22 characters, a 24-byte callable). Every function is a root, so a
// release is reported too.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-std-type,noalloc-c-allocation' %s -- -std=c++20 \
// RUN:   | FileCheck %s --check-prefixes=DIRECT,DIRECT-GNU --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-std-type,noalloc-c-allocation' %s -- -std=c++20 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefixes=DIRECT --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++20 \
// RUN:   | FileCheck %s --check-prefixes=CALL,CALL-GNU --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++20 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefixes=CALL,CALL-LIBCXX --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s -- -std=c++20

#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#define ROOT [[clang::annotate("noalloc")]]

// An empty vector, only read: its destructor releases nothing.
ROOT int emptyVector() {
  std::vector<int> v;
  return (int)v.size() + (v.empty() ? 1 : 0);
}
// Its twin grows.
ROOT int grownVector() {
  std::vector<int> v;
  // DIRECT: value-semantics.cpp:[[@LINE-1]]:20: warning: variable 'v' of type 'std::vector<int>' allocates on the heap [noalloc-std-type]
  // DIRECT: value-semantics.cpp:[[@LINE-2]]:20: note: {{.*}}capacity 1 from the elements it is given
  v.push_back(1);
  // CALL: value-semantics.cpp:[[@LINE-1]]:5: warning: call to 'std::vector<int>::push_back' may allocate on the heap [noalloc-call]
  return (int)v.size();
}
// Empty, but it escapes: what it is given to may grow it.
static void fill(std::vector<int> &v) { v.push_back(2); }
// CALL: value-semantics.cpp:[[@LINE-1]]:43: warning: call to 'std::vector<int>::push_back' may allocate on the heap [noalloc-call]
ROOT int escapingVector() {
  std::vector<int> v;
  // DIRECT: value-semantics.cpp:[[@LINE-1]]:20: warning: variable 'v' of type 'std::vector<int>' allocates on the heap [noalloc-std-type]
  // DIRECT: value-semantics.cpp:[[@LINE-2]]:20: note: no fix: 'v' escapes: it is used as a whole (passed, returned or assigned)
  fill(v);
  // CALL: value-semantics.cpp:[[@LINE-1]]:3: warning: call to 'fill' may allocate on the heap [noalloc-call]
  return (int)v.size();
}

// 15 characters: in place with both libraries.
ROOT int shortString() {
  std::string s = "123456789012345";
  return (int)s.size();
}
// 23 characters: on the heap with both.
ROOT int longString() {
  std::string s = "12345678901234567890123";
  // DIRECT: value-semantics.cpp:[[@LINE-1]]:15: warning: variable 's' of type 'std::string' allocates on the heap [noalloc-std-type]
  // DIRECT: value-semantics.cpp:[[@LINE-2]]:15: note: replace with 'std::string_view': it is only read, and its characters are a literal's
  // CALL: value-semantics.cpp:[[@LINE-3]]:19: warning: call to 'std::string::basic_string' may allocate on the heap [noalloc-call]
  return (int)s.size();
}
// 16 characters: libstdc++'s buffer holds 15, libc++'s 22.
ROOT int mediumString() {
  std::string s = "1234567890123456";
  // DIRECT-GNU: value-semantics.cpp:[[@LINE-1]]:15: warning: variable 's' of type 'std::string' allocates on the heap [noalloc-std-type]
  // DIRECT-GNU: value-semantics.cpp:[[@LINE-2]]:15: note: replace with 'std::string_view': it is only read, and its characters are a literal's
  // CALL-GNU: value-semantics.cpp:[[@LINE-3]]:19: warning: call to 'std::string::basic_string' may allocate on the heap [noalloc-call]
  return (int)s.size();
}
// 22 characters: libc++'s buffer holds them.
ROOT int fullString() {
  std::string s = "1234567890123456789012";
  // DIRECT-GNU: value-semantics.cpp:[[@LINE-1]]:15: warning: variable 's' of type 'std::string' allocates on the heap [noalloc-std-type]
  // DIRECT-GNU: value-semantics.cpp:[[@LINE-2]]:15: note: replace with 'std::string_view': it is only read, and its characters are a literal's
  // CALL-GNU: value-semantics.cpp:[[@LINE-3]]:19: warning: call to 'std::string::basic_string' may allocate on the heap [noalloc-call]
  return (int)s.size();
}
// A short string that grows.
ROOT int grownString() {
  std::string s = "abc";
  // DIRECT: value-semantics.cpp:[[@LINE-1]]:15: warning: variable 's' of type 'std::string' allocates on the heap [noalloc-std-type]
  // DIRECT: value-semantics.cpp:[[@LINE-2]]:15: note: no fix: the length of 's' cannot be bounded; choose N for one of 'etl::string<N>', 'boost::static_strings::static_string<N>'
  // CALL: value-semantics.cpp:[[@LINE-3]]:19: warning: call to 'std::string::basic_string' may allocate on the heap [noalloc-call]
  s += "1234567890123456789012345";
  return (int)s.size();
}

// A function: calling the std::function calls it.
static int twice(int x) { return 2 * x; }
ROOT int heldFunction() {
  std::function<int(int)> fn = twice;
  return fn(1);
}
// What it holds allocates: calling it does.
static int allocating(int x) {
  void *p = malloc(x);
  // DIRECT: value-semantics.cpp:[[@LINE-1]]:13: warning: call to 'malloc' allocates on the heap [noalloc-c-allocation]
  // DIRECT: value-semantics.cpp:[[@LINE-2]]:13: note: no fix: the number of bytes is not a constant
  // CALL: value-semantics.cpp:[[@LINE-3]]:13: warning: call to 'malloc' may allocate on the heap [noalloc-call]
  free(p);
  // DIRECT: value-semantics.cpp:[[@LINE-1]]:3: warning: call to 'free' releases heap memory [noalloc-c-allocation]
  return x;
}
ROOT int heldAllocating() {
  std::function<int(int)> fn = &allocating;
  return fn(16);
  // CALL: value-semantics.cpp:[[@LINE-1]]:10: warning: call to 'allocating' may allocate on the heap [noalloc-call]
}
struct Bytes16 { char c[16]; };
struct Bytes24 { char c[24]; };
struct Bytes32 { char c[32]; };
// A lambda capturing 16 bytes, trivially copyable: in place with both.
ROOT int smallLambda() {
  Bytes16 b{};
  std::function<int(int)> fn = [b](int x) { return x + b.c[0]; };
  return fn(1);
}
// 24 bytes: libc++'s buffer holds it, libstdc++'s does not.
ROOT int mediumLambda() {
  Bytes24 b{};
  std::function<int(int)> fn = [b](int x) { return x + b.c[0]; };
  // DIRECT-GNU: value-semantics.cpp:[[@LINE-1]]:27: warning: variable 'fn' of type 'std::function<int (int)>' allocates on the heap [noalloc-std-type]
  // DIRECT-GNU: value-semantics.cpp:[[@LINE-2]]:27: note: no fix: no fixed-size function wrapper can be included here; use 'etl::inplace_function<T, N>', or 'std::function_ref' (C++26) if it need not own the lambda
  // CALL-GNU: value-semantics.cpp:[[@LINE-3]]:32: warning: call to 'std::function<int (int)>::function' may allocate on the heap [noalloc-call]
  return fn(1);
}
// 16 bytes that are not trivially copyable: on the heap with both.
struct Copied16 {
  char c[16];
  Copied16() : c{} {}
  Copied16(const Copied16 &Other) { __builtin_memcpy(c, Other.c, 16); }
};
ROOT int copyingLambda() {
  Copied16 b;
  std::function<int(int)> fn = [b](int x) { return x + b.c[0]; };
  // DIRECT: value-semantics.cpp:[[@LINE-1]]:27: warning: variable 'fn' of type 'std::function<int (int)>' allocates on the heap [noalloc-std-type]
  // DIRECT: value-semantics.cpp:[[@LINE-2]]:27: note: no fix: no fixed-size function wrapper can be included here; use 'etl::inplace_function<T, N>', or 'std::function_ref' (C++26) if it need not own the lambda
  // CALL-GNU: value-semantics.cpp:[[@LINE-3]]:32: warning: call to 'std::function<int (int)>::function' may allocate on the heap [noalloc-call]
  // CALL-LIBCXX: value-semantics.cpp:[[@LINE-4]]:32: warning: call to 'std::function<int (int)>::function' may allocate on the heap [noalloc-call]
  return fn(1);
}
// 32 bytes: on the heap with both.
ROOT int bigLambda() {
  Bytes32 b{};
  std::function<int(int)> fn = [b](int x) { return x + b.c[0]; };
  // DIRECT: value-semantics.cpp:[[@LINE-1]]:27: warning: variable 'fn' of type 'std::function<int (int)>' allocates on the heap [noalloc-std-type]
  // DIRECT: value-semantics.cpp:[[@LINE-2]]:27: note: no fix: no fixed-size function wrapper can be included here; use 'etl::inplace_function<T, N>', or 'std::function_ref' (C++26) if it need not own the lambda
  // CALL-GNU: value-semantics.cpp:[[@LINE-3]]:32: warning: call to 'std::function<int (int)>::function' may allocate on the heap [noalloc-call]
  // CALL-LIBCXX: value-semantics.cpp:[[@LINE-4]]:32: warning: call to 'std::function<int (int)>::function' may allocate on the heap [noalloc-call]
  return fn(1);
}

// free(NULL) frees nothing; free(p) releases.
ROOT void freeNull() { free(nullptr); }
ROOT void freePointer(void *p) { free(p); }
// DIRECT: value-semantics.cpp:[[@LINE-1]]:34: warning: call to 'free' releases heap memory [noalloc-c-allocation]
// CALL: value-semantics.cpp:[[@LINE-2]]:34: warning: call to 'free' may release heap memory [noalloc-call]

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  ORACLE_NO_HEAP("an empty std::vector<int>", emptyVector());
  ORACLE_ALLOCATES("std::vector<int>::push_back", grownVector());
  ORACLE_ALLOCATES("an empty vector given to 'fill'", escapingVector());
  ORACLE_NO_HEAP("a std::string of 15 characters", shortString());
  ORACLE_ALLOCATES("a std::string of 23 characters", longString());
#ifdef _LIBCPP_VERSION
  ORACLE_NO_HEAP("a std::string of 16 characters", mediumString());
#else
  ORACLE_ALLOCATES("a std::string of 16 characters", mediumString());
#endif
#ifdef _LIBCPP_VERSION
  ORACLE_NO_HEAP("a std::string of 22 characters", fullString());
#else
  ORACLE_ALLOCATES("a std::string of 22 characters", fullString());
#endif
  ORACLE_ALLOCATES("a short std::string that grows", grownString());
  ORACLE_NO_HEAP("a std::function holding a function", heldFunction());
  ORACLE_ALLOCATES("a std::function holding 'allocating'", heldAllocating());
  ORACLE_NO_HEAP("a std::function holding a 16-byte lambda", smallLambda());
#ifdef _LIBCPP_VERSION
  ORACLE_NO_HEAP("a std::function holding a 24-byte lambda", mediumLambda());
#else
  ORACLE_ALLOCATES("a std::function holding a 24-byte lambda", mediumLambda());
#endif
  ORACLE_ALLOCATES("a std::function holding a copied 16-byte lambda",
                   copyingLambda());
  ORACLE_ALLOCATES("a std::function holding a 32-byte lambda", bigLambda());
  ORACLE_NO_HEAP("free(NULL)", freeNull());
  void *p = malloc(8);
  ORACLE_RELEASES("free(p)", freePointer(p));
}
#endif
