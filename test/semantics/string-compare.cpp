// std::basic_string::compare is compiled into libstdc++ (extern template):
// its overloads taking a position throw std::out_of_range when it is past
// the end, a failure path (FailurePaths), and the overloads without one
// (compare(const char *), which 'str == "lit"' calls, and compare(const
// basic_string &)) never throw and never allocate (review7-7: every
// 'str == "literal"' was "may allocate on the heap" under the strict
// policy). A position of 0 is never past the end: libc++'s 'str == "lit"'
// calls compare(0, npos, s, n), and so does compareFromStart.
// knowledge/libstdcxx-members.yaml says so per overload: 'effect:
// allocates-on-failure' with 'overload-parameters: 1', 'overload-effect:
// none' and 'nothing-when-zero-argument: 0'. Before, every call here was
// "may allocate on the heap" under the strict policy. The oracle: 0 for the
// comparisons, on a short and a long string, and for a position in range;
// a position past the end throws (allocates), with libstdc++ 12 and
// libc++ 22.
// RUN: %noalloc --checks='-*,noalloc-call' --config="{CheckOptions: {Policy: strict, Roots: 'isInf;isLongName;compareWith;compareFromStart'}}" \
// RUN:   %s -- -std=c++17 2>&1 | FileCheck %s --check-prefix=STRICT --implicit-check-not='{{warning|error}}:'
// RUN: %noalloc --checks='-*,noalloc-call' --config="{CheckOptions: {Policy: strict, Roots: 'isInf;isLongName;compareWith;compareFromStart'}}" \
// RUN:   %s -- -std=c++17 -stdlib=libc++ 2>&1 | FileCheck %s --check-prefix=STRICT --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --config="{CheckOptions: {Policy: strict, Roots: 'isInf;isLongName;compareWith;compareFromStart;comparePrefix'}}" \
// RUN:   %s -- -std=c++17 2>&1 | FileCheck %s --check-prefixes=STRICT,POSITION --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --config="{CheckOptions: {Policy: strict, Roots: 'isInf;isLongName;compareWith;compareFromStart;comparePrefix'}}" \
// RUN:   %s -- -std=c++17 -stdlib=libc++ 2>&1 | FileCheck %s --check-prefixes=STRICT,POSITION --implicit-check-not='{{warning|error}}:'
// With FailurePaths: accept, the position's failure path is accepted too.
// RUN: %noalloc --checks='-*,noalloc-call' --config="{CheckOptions: {Policy: strict, FailurePaths: accept, Roots: 'isInf;isLongName;compareWith;compareFromStart;comparePrefix'}}" \
// RUN:   %s -- -std=c++17 2>&1 | FileCheck %s --check-prefix=ACCEPT --implicit-check-not='{{warning|error}}:'
// ACCEPT: noalloc: 0 findings in 1 file
// RUN: %oracle %s -- -std=c++17
#include <string>

bool isInf(const std::string &s) { return s == ".inf" || s.compare("+.inf") == 0; }
bool isLongName(const std::string &s) {
  return s == "a name longer than any small-string buffer";
}
int compareWith(const std::string &a, const std::string &b) { return a.compare(b); }
int compareFromStart(const std::string &s) { return s.compare(0, 4, ".inf"); }

int comparePrefix(const std::string &s) { return s.compare(1, 3, "inf"); }
// POSITION: string-compare.cpp:[[@LINE-1]]:52: warning: call to 'std::string::compare' may allocate only when it fails (throws 'std::out_of_range') [noalloc-call]
// POSITION: string-compare.cpp:[[@LINE-2]]:5: note: 'comparePrefix' must not allocate: it is a noalloc root
// STRICT: noalloc: root 'isInf' does not use the heap
// STRICT: noalloc: root 'isLongName' does not use the heap
// STRICT: noalloc: root 'compareWith' does not use the heap
// STRICT: noalloc: root 'compareFromStart' does not use the heap

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  std::string nan(".nan");
  std::string longer(100, 'x');
  ORACLE_NO_HEAP("== and compare(const char *)", isInf(nan));
  ORACLE_NO_HEAP("== and compare(const char *) on a long string", isInf(longer));
  ORACLE_NO_HEAP("== a long literal", isLongName(longer));
  ORACLE_NO_HEAP("compare(const basic_string &)", compareWith(nan, longer));
  std::string empty;
  ORACLE_NO_HEAP("compare(0, n, const char *) of an empty string", compareFromStart(empty));
  ORACLE_NO_HEAP("compare(pos, n, const char *) in range", comparePrefix(nan));
  ORACLE_ALLOCATES("compare(pos, n, const char *) past the end", comparePrefix(empty));
}
#endif
