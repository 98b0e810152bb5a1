// A std::string made from constants whose length is a constant within the
// small-string buffer (15 characters in libstdc++, 22 in libc++) never
// uses the heap: a count of a character ('std::string(10, 'x')'), a
// constant count of characters from a pointer ('std::string(p, 5)') and
// 'operator+' of literals, characters and such strings ('std::string("ab")
// + "cd"'), when the function only reads it. A longer one, a count that is
// not a constant and a string that grows do. Every function is a root;
// C++14 copies the sum into the variable (an elided move).
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-std-type' %s -- -std=c++20 \
// RUN:   | FileCheck %s --check-prefixes=DIRECT,DIRECT-GNU --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-std-type' %s -- -std=c++20 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefixes=DIRECT --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++20 \
// RUN:   2>&1 | FileCheck %s --check-prefixes=CALL,CALL-GNU,ROOT,ROOT-GNU --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++14 \
// RUN:   2>&1 | FileCheck %s --check-prefixes=CALL,CALL-GNU,ROOT,ROOT-GNU --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++20 -stdlib=libc++ \
// RUN:   2>&1 | FileCheck %s --check-prefixes=CALL,ROOT,ROOT-LIBCXX --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s -- -std=c++20
// RUN: %oracle %s -- -std=c++14

#include <string>

#define ROOT [[clang::annotate("noalloc")]]

// 15 characters: in place with both libraries.
ROOT int countFits() {
  std::string s(15, 'x');
  return (int)s.size();
}
// 16: libstdc++'s buffer holds 15, libc++'s 22.
ROOT int countMedium() {
  std::string s(16, 'x');
  // DIRECT-GNU: string-constants.cpp:[[@LINE-1]]:15: warning: variable 's' of type 'std::string' allocates on the heap [noalloc-std-type]
  // DIRECT-GNU: string-constants.cpp:[[@LINE-2]]:15: note: no fix: the length of 's' cannot be bounded; choose N for one of 'etl::string<N>', 'boost::static_strings::static_string<N>'
  // CALL-GNU: string-constants.cpp:[[@LINE-3]]:15: warning: call to 'std::string::basic_string' may allocate on the heap [noalloc-call]
  return (int)s.size();
}
// 23: on the heap with both.
ROOT int countLong() {
  std::string s(23, 'x');
  // DIRECT: string-constants.cpp:[[@LINE-1]]:15: warning: variable 's' of type 'std::string' allocates on the heap [noalloc-std-type]
  // DIRECT: string-constants.cpp:[[@LINE-2]]:15: note: no fix: the length of 's' cannot be bounded; choose N for one of 'etl::string<N>', 'boost::static_strings::static_string<N>'
  // CALL: string-constants.cpp:[[@LINE-3]]:15: warning: call to 'std::string::basic_string' may allocate on the heap [noalloc-call]
  return (int)s.size();
}
// A count that is not a constant.
ROOT int countGiven(int n) {
  std::string s(n, 'x');
  // DIRECT: string-constants.cpp:[[@LINE-1]]:15: warning: variable 's' of type 'std::string' allocates on the heap [noalloc-std-type]
  // DIRECT: string-constants.cpp:[[@LINE-2]]:15: note: no fix: the length of 's' cannot be bounded; choose N for one of 'etl::string<N>', 'boost::static_strings::static_string<N>'
  // CALL: string-constants.cpp:[[@LINE-3]]:15: warning: call to 'std::string::basic_string' may allocate on the heap [noalloc-call]
  return (int)s.size();
}
// 15 characters from a pointer: the count is the length, whatever 'p'
// points to.
ROOT int pointerCountFits(const char *p) {
  std::string s(p, 15);
  return (int)s.size();
}
// 16 from a pointer.
ROOT int pointerCountMedium(const char *p) {
  std::string s(p, 16);
  // DIRECT-GNU: string-constants.cpp:[[@LINE-1]]:15: warning: variable 's' of type 'std::string' allocates on the heap [noalloc-std-type]
  // DIRECT-GNU: string-constants.cpp:[[@LINE-2]]:15: note: no fix: the length of 's' cannot be bounded; choose N for one of 'etl::string<N>', 'boost::static_strings::static_string<N>'
  // CALL-GNU: string-constants.cpp:[[@LINE-3]]:15: warning: call to 'std::string::basic_string' may allocate on the heap [noalloc-call]
  return (int)s.size();
}
// 23 from a pointer.
ROOT int pointerCountLong(const char *p) {
  std::string s(p, 23);
  // DIRECT: string-constants.cpp:[[@LINE-1]]:15: warning: variable 's' of type 'std::string' allocates on the heap [noalloc-std-type]
  // DIRECT: string-constants.cpp:[[@LINE-2]]:15: note: no fix: the length of 's' cannot be bounded; choose N for one of 'etl::string<N>', 'boost::static_strings::static_string<N>'
  // CALL: string-constants.cpp:[[@LINE-3]]:15: warning: call to 'std::string::basic_string' may allocate on the heap [noalloc-call]
  return (int)s.size();
}
// 4 characters made by 'operator+'.
ROOT int concatFits() {
  std::string s = std::string("ab") + "cd";
  return (int)s.size();
}
// A literal, a string, a character and a count: 15 characters.
ROOT int chainFits() {
  std::string s = "abcd" + std::string("efgh") + 'i' + std::string(6, 'j');
  return (int)s.size();
}
// 16 characters made by 'operator+'.
ROOT int concatMedium() {
  std::string s = std::string("abcdefgh") + "ijklmnop";
  // DIRECT-GNU: string-constants.cpp:[[@LINE-1]]:15: warning: variable 's' of type 'std::string' allocates on the heap [noalloc-std-type]
  // DIRECT-GNU: string-constants.cpp:[[@LINE-2]]:15: note: no fix: the length of 's' cannot be bounded; choose N for one of 'etl::string<N>', 'boost::static_strings::static_string<N>'
  // CALL-GNU: string-constants.cpp:[[@LINE-3]]:19: warning: call to 'std::string::basic_string' may allocate on the heap [noalloc-call]
  return (int)s.size();
}
// 23 characters.
ROOT int concatLong() {
  std::string s = std::string("abcdefghijkl") + "mnopqrstuvw";
  // DIRECT: string-constants.cpp:[[@LINE-1]]:15: warning: variable 's' of type 'std::string' allocates on the heap [noalloc-std-type]
  // DIRECT: string-constants.cpp:[[@LINE-2]]:15: note: no fix: the length of 's' cannot be bounded; choose N for one of 'etl::string<N>', 'boost::static_strings::static_string<N>'
  // CALL: string-constants.cpp:[[@LINE-3]]:19: warning: call to 'std::string::basic_string' may allocate on the heap [noalloc-call]
  return (int)s.size();
}
// Short, but it grows.
ROOT int concatGrows() {
  std::string s = std::string("ab") + "cd";
  // DIRECT: string-constants.cpp:[[@LINE-1]]:15: warning: variable 's' of type 'std::string' allocates on the heap [noalloc-std-type]
  // DIRECT: string-constants.cpp:[[@LINE-2]]:15: note: no fix: the length of 's' cannot be bounded; choose N for one of 'etl::string<N>', 'boost::static_strings::static_string<N>'
  // CALL: string-constants.cpp:[[@LINE-3]]:19: warning: call to 'std::string::basic_string' may allocate on the heap [noalloc-call]
  s += "0123456789abcdefghijklmnopqrstuvwxyz";
  return (int)s.size();
}

// The summary: the roots made from constants within the buffer use no heap.
// ROOT-DAG: noalloc: root 'countFits' does not use the heap
// ROOT-DAG: noalloc: root 'concatFits' does not use the heap
// ROOT-DAG: noalloc: root 'chainFits' does not use the heap
// ROOT-DAG: noalloc: root 'pointerCountFits' does not use the heap
// ROOT-GNU-DAG: noalloc: root 'pointerCountMedium' may allocate
// ROOT-LIBCXX-DAG: noalloc: root 'pointerCountMedium' does not use the heap
// ROOT-DAG: noalloc: root 'pointerCountLong' may allocate
// ROOT-GNU-DAG: noalloc: root 'countMedium' may allocate
// ROOT-GNU-DAG: noalloc: root 'concatMedium' may allocate
// ROOT-LIBCXX-DAG: noalloc: root 'countMedium' does not use the heap
// ROOT-LIBCXX-DAG: noalloc: root 'concatMedium' does not use the heap
// ROOT-DAG: noalloc: root 'countLong' may allocate
// ROOT-DAG: noalloc: root 'countGiven' may allocate
// ROOT-DAG: noalloc: root 'concatLong' may allocate
// ROOT-DAG: noalloc: root 'concatGrows' may allocate

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  ORACLE_NO_HEAP("std::string(15, 'x')", countFits());
#ifdef _LIBCPP_VERSION
  ORACLE_NO_HEAP("std::string(16, 'x')", countMedium());
#else
  ORACLE_ALLOCATES("std::string(16, 'x')", countMedium());
#endif
  ORACLE_ALLOCATES("std::string(23, 'x')", countLong());
  ORACLE_ALLOCATES("std::string(n, 'x') of 30", countGiven(30));
  static const char text[] = "abcdefghijklmnopqrstuvwxyz";
  ORACLE_NO_HEAP("std::string(p, 15)", pointerCountFits(text));
#ifdef _LIBCPP_VERSION
  ORACLE_NO_HEAP("std::string(p, 16)", pointerCountMedium(text));
#else
  ORACLE_ALLOCATES("std::string(p, 16)", pointerCountMedium(text));
#endif
  ORACLE_ALLOCATES("std::string(p, 23)", pointerCountLong(text));
  ORACLE_NO_HEAP("std::string(\"ab\") + \"cd\"", concatFits());
  ORACLE_NO_HEAP("a chain of 15 characters", chainFits());
#ifdef _LIBCPP_VERSION
  ORACLE_NO_HEAP("'operator+' of 16 characters", concatMedium());
#else
  ORACLE_ALLOCATES("'operator+' of 16 characters", concatMedium());
#endif
  ORACLE_ALLOCATES("'operator+' of 23 characters", concatLong());
  ORACLE_ALLOCATES("a short sum that grows", concatGrows());
}
#endif
