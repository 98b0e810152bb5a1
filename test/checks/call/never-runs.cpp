// Code that never runs at run time is not a call: unevaluated operands,
// constant evaluation, the discarded branch of 'if constexpr'. A lambda's
// init-capture runs in the function that creates the lambda; its body runs
// in the lambda.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-call' %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

int *grow() { return new int(1); }
consteval int three() { return 3; }
constexpr int square(int x) {
  if (x > 1000) {
    int *p = new int(x);
    int v = *p * *p;
    delete p;
    return v;
  }
  return x * x;
}

int root() [[clang::nonblocking]] {
  int n = sizeof(grow());
  using T = decltype(grow());
  bool b = noexcept(grow());
  if constexpr (sizeof(int) == 64) {
    grow();
  }
  constexpr int s = square(3);
  auto later = [p = grow()] { return *p; };
  return n + b + s + three() + (T)nullptr != nullptr;
}

// The negative twins: the same calls, evaluated.
int evaluated(int x) [[clang::nonblocking]] {
  int n = *grow();
  if constexpr (sizeof(int) == 4) {
    n += *grow();
  }
  return n + square(x);
}

// A lambda's body is its own: 'deferred' creates it and does not call it.
int deferred() [[clang::nonblocking]] {
  auto body = [] { return *grow(); };
  return sizeof(body);
}

// CHECK: never-runs.cpp:30:21: warning: call to 'grow' may allocate on the heap [noalloc-call]
// CHECK: never-runs.cpp:22:5: note: 'root' must not allocate: it is a noalloc root
// CHECK: never-runs.cpp:10:22: note: 'grow' allocates with 'new' here
// CHECK: never-runs.cpp:36:12: warning: call to 'grow' may allocate on the heap [noalloc-call]
// CHECK: never-runs.cpp:35:5: note: 'evaluated' must not allocate: it is a noalloc root
// CHECK: never-runs.cpp:10:22: note: 'grow' allocates with 'new' here
// CHECK: never-runs.cpp:38:11: note: and 2 more calls in 'evaluated' that may use the heap
