// A std::string temporary follows a variable's rule (string-constants.cpp):
// made from constants whose length is a constant within the small-string
// buffer (15 characters in libstdc++, 22 in libc++) and only read by the
// full-expression ('(std::string("ab") + "cd").size()', a comparison), it
// never uses the heap. A longer one and one that grows ('.append') do.
// Every function is a root.
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

// 4 characters made by 'operator+', only measured.
ROOT int sumFits() { return (int)(std::string("ab") + "cd").size(); }
// 3 characters, only compared.
ROOT bool countCompared() { return std::string(3, 'x') == "xxx"; }
// 16 characters: libstdc++'s buffer holds 15, libc++'s 22.
ROOT int sumMedium() {
  return (int)(std::string("abcdefgh") + "ijklmnop").size();
  // DIRECT-GNU: string-temporaries.cpp:[[@LINE-1]]:40: warning: call to 'std::operator+' returns 'std::string', which allocates on the heap [noalloc-std-type]
  // CALL-GNU: string-temporaries.cpp:[[@LINE-2]]:16: warning: call to 'std::string::basic_string' may allocate on the heap [noalloc-call]
}
// 23 characters: on the heap with both.
ROOT bool countLongCompared() {
  return std::string(23, 'x') == "xxxxxxxxxxxxxxxxxxxxxxx";
  // DIRECT: string-temporaries.cpp:[[@LINE-1]]:10: warning: construction of 'std::string' allocates on the heap [noalloc-std-type]
  // CALL: string-temporaries.cpp:[[@LINE-2]]:10: warning: call to 'std::string::basic_string' may allocate on the heap [noalloc-call]
}
// Short, but it grows.
ROOT int sumGrows() {
  return (int)(std::string("ab") + "cd").append(40, 'y').size();
  // DIRECT: string-temporaries.cpp:[[@LINE-1]]:34: warning: call to 'std::operator+' returns 'std::string', which allocates on the heap [noalloc-std-type]
  // CALL: string-temporaries.cpp:[[@LINE-2]]:16: warning: call to 'std::string::basic_string' may allocate on the heap [noalloc-call]
}

// ROOT-DAG: noalloc: root 'sumFits' does not use the heap
// ROOT-DAG: noalloc: root 'countCompared' does not use the heap
// ROOT-GNU-DAG: noalloc: root 'sumMedium' may allocate
// ROOT-LIBCXX-DAG: noalloc: root 'sumMedium' does not use the heap
// ROOT-DAG: noalloc: root 'countLongCompared' may allocate
// ROOT-DAG: noalloc: root 'sumGrows' may allocate

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  ORACLE_NO_HEAP("(std::string(\"ab\") + \"cd\").size()", sumFits());
  ORACLE_NO_HEAP("std::string(3, 'x') == \"xxx\"", countCompared());
#ifdef _LIBCPP_VERSION
  ORACLE_NO_HEAP("a temporary sum of 16 characters", sumMedium());
#else
  ORACLE_ALLOCATES("a temporary sum of 16 characters", sumMedium());
#endif
  ORACLE_ALLOCATES("std::string(23, 'x') compared", countLongCompared());
  ORACLE_ALLOCATES("a temporary short sum that grows", sumGrows());
}
#endif
