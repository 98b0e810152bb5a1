// A fixed-capacity container only reaches the heap on its failure path:
// boost::container::static_vector::push_back and reserve throw past the
// capacity (the exception object is the only allocation), and
// static_string::append throws std::length_error. The oracle confirms that
// filling them to capacity allocates nothing and that one more element
// allocates (the exception). noalloc says "may allocate only when it
// fails" for these calls in a root, and nothing with FailurePaths: accept.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --config='{CheckOptions: {noalloc-call.FailurePaths: accept}}' \
// RUN:   %s -- -std=c++17 | FileCheck %s --check-prefix=ACCEPT \
// RUN:   --implicit-check-not='{{warning|error|note}}:'
// A bad value is a configuration error.
// RUN: %expect-exit 2 %noalloc --checks='-*,noalloc-call' --config='{CheckOptions: {noalloc-call.FailurePaths: ignore}}' \
// RUN:   %s -- -std=c++17 2>&1 | FileCheck %s --check-prefix=BAD
// BAD: invalid FailurePaths 'ignore': expected 'report' or 'accept'
// RUN: %oracle %s -- -std=c++17 -D_LIBCPP_ENABLE_CXX17_REMOVED_UNARY_BINARY_FUNCTION

#include <boost/container/small_vector.hpp>
#include <boost/container/static_vector.hpp>
#include <boost/static_string/static_string.hpp>

using Fixed = boost::container::static_vector<int, 8>;
using Text = boost::static_strings::static_string<16>;
using Small = boost::container::small_vector<int, 4>;

[[clang::annotate("noalloc")]] int fill(Fixed &V) {
  V.reserve(8);
  for (int I = 0; I < 8; ++I)
    V.push_back(I);
  return int(V.size());
}
// CHECK: fixed-capacity-overflow.cpp:[[@LINE-5]]:5: warning: call to '{{.*}}::reserve' may allocate only when it fails (throws '{{.*}}') [noalloc-call]
// CHECK: :[[@LINE-7]]:36: note: 'fill' must not allocate: it is a noalloc root
// CHECK: :[[@LINE-5]]:7: note: and 1 more call in 'fill' that may use the heap
[[clang::annotate("noalloc")]] void greet(Text &S) { S.append("hello"); }
// CHECK: fixed-capacity-overflow.cpp:[[@LINE-1]]:56: warning: call to 'boost::static_strings::basic_static_string<16, char>::append' may allocate only when it fails (throws '{{.*}}length_error{{.*}}') [noalloc-call]
// CHECK: :[[@LINE-2]]:37: note: 'greet' must not allocate: it is a noalloc root

// The twin: a small_vector moves to the heap past its inline capacity, on
// its normal path; accepting failure paths does not accept that.
[[clang::annotate("noalloc")]] void grow(Small &V, int N) {
  for (int I = 0; I < N; ++I)
    V.push_back(I);
}
// CHECK: fixed-capacity-overflow.cpp:[[@LINE-2]]:7: warning: call to '{{.*}}::push_back' may allocate on the heap [noalloc-call]
// CHECK: :[[@LINE-5]]:37: note: 'grow' must not allocate: it is a noalloc root
// ACCEPT: fixed-capacity-overflow.cpp:[[@LINE-4]]:7: warning: call to '{{.*}}::push_back' may allocate on the heap [noalloc-call]
// ACCEPT: :[[@LINE-7]]:37: note: 'grow' must not allocate: it is a noalloc root

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  Fixed V;
  ORACLE_NO_HEAP("static_vector::reserve/push_back to the capacity", fill(V));
  ORACLE_ALLOCATES("static_vector::push_back past the capacity (throws)", V.push_back(9));
  ORACLE_ALLOCATES("static_vector::reserve past the capacity (throws)", V.reserve(9));
  Text S;
  ORACLE_NO_HEAP("static_string::append within the capacity", greet(S));
  ORACLE_ALLOCATES("static_string::append past the capacity (throws)", S.append(20, 'x'));
  Small W;
  ORACLE_NO_HEAP("small_vector::push_back within the inline capacity", grow(W, 4));
  ORACLE_ALLOCATES("small_vector::push_back past the inline capacity", grow(W, 5));
}
#endif
