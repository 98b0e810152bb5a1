// Fixed-capacity types keep their elements inside the object: objects of
// boost::container::static_vector and boost::static_strings::static_string
// are not heap objects, a boost::container::small_vector is (it moves to
// the heap past its inline capacity).
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-std-type,noalloc-pmr' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// Boost 1.74's hash needs std::unary_function, which libc++ hides in C++17.
// RUN: %oracle %s -- -std=c++17 -D_LIBCPP_ENABLE_CXX17_REMOVED_UNARY_BINARY_FUNCTION

#include <boost/container/small_vector.hpp>
#include <boost/container/static_vector.hpp>
#include <boost/static_string/static_string.hpp>

using Fixed = boost::container::static_vector<int, 8>;
using Text = boost::static_strings::static_string<16>;
using Small = boost::container::small_vector<int, 4>;

int fill(Fixed &V) {
  for (int I = 0; I < 8; ++I)
    V.push_back(I);
  return int(V.size());
}
void greet(Text &S) { S.append("hello, world"); }
void grow(Small &V, int N) {
  for (int I = 0; I < N; ++I)
    V.push_back(I);
}

void locals() {
  Fixed V;
  Text S;
  Small Few;
  // CHECK: fixed-capacity.cpp:[[@LINE-1]]:9: warning: variable 'Few' of type 'Small' (aka 'boost::container::small_vector<int, 4>') allocates on the heap [noalloc-std-type]
}

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  Fixed V;
  ORACLE_NO_HEAP("static_vector::push_back up to the capacity", fill(V));
  Text S;
  ORACLE_NO_HEAP("static_string::append within the capacity", greet(S));
  Small W;
  ORACLE_NO_HEAP("small_vector::push_back within the inline capacity", grow(W, 4));
  ORACLE_ALLOCATES("small_vector::push_back past the inline capacity", grow(W, 1));
}
#endif
