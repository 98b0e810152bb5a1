// std::function holding a lambda becomes a fixed-size wrapper with room for
// the lambda: ETL's inplace_function (checked against a stand-in of its
// API, ETL is not packaged). Without such a library, a note names options.
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/function.cpp
// RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-std-type' --config='{CheckOptions: {noalloc-std-type.FixTarget: etl}}' --fix %t/function.cpp -- -std=c++17 -I%S/Inputs/etl \
// RUN:   | FileCheck %s --check-prefix=NOTES
// RUN: FileCheck %s --input-file=%t/function.cpp --check-prefix=CHECK-FIXES
// RUN: %clangxx -std=c++17 -fsyntax-only -I%S/Inputs/etl %t/function.cpp
// RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-std-type' %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=NONE

#include <functional>

// CHECK-FIXES: {{^}}#include <etl/inplace_function.h>

// 40 bytes: more than either library's std::function holds in place (a
// smaller lambda is not reported: test/semantics/value-semantics.cpp).
int run(int k) {
  long bias[4] = {3, 0, 0, 0};
  std::function<int(int)> add = [bias, k](int x) { return x + (int)bias[0] + k; };
  // NOTES: :[[@LINE-1]]:27: note: replace with 'etl::inplace_function<int(int), 40>': the lambda it holds takes 40 bytes
  // CHECK-FIXES: {{^ *}}etl::inplace_function<int(int), 40> add = [bias, k](int x) { return x + (int)bias[0] + k; };
  // NONE: :[[@LINE-3]]:27: note: no fix: no fixed-size function wrapper can be included here; use 'etl::inplace_function<T, N>', or 'std::function_ref' (C++26) if it need not own the lambda
  return add(1);
}

// Negative twin: passed on as a std::function, it stays one.
void take(const std::function<void()> &callback);
void passes() {
  std::function<void()> callback = [] {};
  // NOTES: :[[@LINE-1]]:25: note: no fix: 'callback' escapes: it is used as a whole (passed, returned or assigned)
  // CHECK-FIXES: {{^ *}}std::function<void()> callback = [] {};
  take(callback);
}
