// A string or container of the standard allocator that is moved from is
// empty (both libraries): a swap by moves ('T t = std::move(a); a =
// std::move(b); b = std::move(t);') uses no heap. The local moved into and
// moved out of by the last statement that names it allocates nothing and is
// destroyed empty; a move assignment to a variable the statement just
// before moved from releases nothing (review4 #5). The twins: the local
// appended to before it is moved out (allocates), a return before the move
// out (the local is destroyed holding what it took over), a move assignment
// to a vector not moved from (releases its old buffer), a local only
// moved into and read (objects.cpp's 'W': releases).
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-std-type' %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=DIRECT --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-std-type' %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefix=DIRECT --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --config='{CheckOptions: {noalloc-call.ReportEveryCall: true}}' \
// RUN:   %s -- -std=c++17 | FileCheck %s --check-prefix=CALL --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --config='{CheckOptions: {noalloc-call.ReportEveryCall: true}}' \
// RUN:   %s -- -std=c++17 -stdlib=libc++ | FileCheck %s --check-prefix=CALL --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s -- -std=c++17

#include <string>
#include <utility>
#include <vector>

#define ROOT [[clang::annotate("noalloc")]]
#define LONG_TEXT "a string longer than any small-string buffer"

ROOT void swapByMoves(std::string &A, std::string &B) {
  std::string T = std::move(A);
  A = std::move(B);
  B = std::move(T);
}
ROOT void swapVectorsByMoves(std::vector<int> &A, std::vector<int> &B) {
  std::vector<int> T(std::move(A));
  A = std::move(B);
  B = std::move(T);
}
// Read before it is moved out: 'T' uses no heap; 'B' was not moved from
// just before, and its old buffer is released.
ROOT std::size_t readBetween(std::vector<int> &A, std::vector<int> &B) {
  std::vector<int> T(std::move(A));
  std::size_t N = T.size();
  // CALL: moved-through.cpp:[[@LINE+1]]:5: warning: call to 'std::vector<int>::operator=' may release heap memory [noalloc-call]
  B = std::move(T);
  return N;
}

ROOT void appendBetween(std::string &A, std::string &B) {
  std::string T = std::move(A);
  // DIRECT: moved-through.cpp:[[@LINE-1]]:15: warning: variable 'T' of type 'std::string' allocates on the heap [noalloc-std-type]
  // CALL: moved-through.cpp:[[@LINE+1]]:5: warning: call to 'std::string::operator+=' may allocate on the heap [noalloc-call]
  T += LONG_TEXT;
  // CALL: moved-through.cpp:[[@LINE+1]]:5: warning: call to 'std::string::operator=' may release heap memory [noalloc-call]
  B = std::move(T);
}
ROOT void returnBetween(std::string &A, std::string &B, bool Early) {
  std::string T = std::move(A);
  // DIRECT: moved-through.cpp:[[@LINE-1]]:15: warning: variable 'T' of type 'std::string' allocates {{.*}}[noalloc-std-type]
  // CALL: moved-through.cpp:[[@LINE-2]]:15: warning: call to 'std::string::~basic_string' may release heap memory [noalloc-call]
  if (Early)
    return;
  // CALL: moved-through.cpp:[[@LINE+1]]:5: warning: call to 'std::string::operator=' may release heap memory [noalloc-call]
  B = std::move(T);
}
// libstdc++'s std::string hands the old buffer to the source; its vector,
// and libc++'s both, release it.
ROOT void assignNotMoved(std::vector<int> &A, std::vector<int> &B) {
  // CALL: moved-through.cpp:[[@LINE+1]]:5: warning: call to 'std::vector<int>::operator=' may release heap memory [noalloc-call]
  A = std::move(B);
}

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  std::string X(100, 'x'), Y(100, 'y');
  ORACLE_NO_HEAP("a swap of strings by moves", swapByMoves(X, Y));
  std::vector<int> V(100, 1), W(100, 2);
  ORACLE_NO_HEAP("a swap of vectors by moves", swapVectorsByMoves(V, W));
  ORACLE_RELEASES("read, then moved out into a vector not moved from",
                  readBetween(V, W));
  ORACLE_ALLOCATES("appended to before it is moved out", appendBetween(X, Y));
  std::string P(100, 'p'), Q(100, 'q');
  std::vector<int> R(100, 3), S(100, 4);
  ORACLE_RELEASES("destroyed before it is moved out",
                  returnBetween(P, Q, true));
  ORACLE_RELEASES("a move assignment to a vector not moved from",
                  assignNotMoved(R, S));
}
#endif
