// Roots marked in the code: [[clang::nonallocating]], [[clang::nonblocking]]
// and [[clang::annotate("noalloc")]]; allowed zones marked with
// [[clang::annotate("noalloc::allow")]]. With roots, only code reachable
// from a root is reported, each finding with the path from the root.
// RUN: %expect-exit 1 %noalloc %s -- -std=c++20 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// The expected findings follow the code.

#include <vector>

struct Voice {
  std::vector<float> samples;
  float render(int i) const { return samples[i]; }
};

float *grow(int n) { return new float[n]; }

[[clang::annotate("noalloc::allow")]] float *prepare(int n) { return grow(n); }

// Declared, defined in no analysed file: a root that calls it cannot be
// shown allocation-free, and says so. memcpy has a knowledge-base entry.
void trace(const char *what);

float filter(float x) { return x * 0.5f; }

float overload(float x) {
  static float *cache = grow(16);
  return cache[0] + x;
}

float callback(const Voice &v, int i) [[clang::nonallocating]] {
  return filter(v.render(i)) + overload(1.0f);
}

void control(std::vector<float> &params) [[clang::nonblocking]] {
  params.push_back(1.0f);
}

[[clang::annotate("noalloc")]] void steady(int frames) {
  char copy[4];
  __builtin_memcpy(copy, "abc", 4);
  if (frames < 0)
    trace("underrun");
  prepare(frames);
}

// Not reachable from a root: not reported, however much it allocates.
void setup() {
  std::vector<int> table(1024);
  int *p = new int(3);
  delete p;
}


// CHECK: roots.cpp:16:29: warning: 'new[]' allocates on the heap [noalloc-new-delete]
// CHECK: roots.cpp:27:25: warning: call to 'grow' may allocate on the heap [noalloc-call]
// CHECK: roots.cpp:31:7: note: 'callback' must not allocate: it is a noalloc root
// CHECK: roots.cpp:32:32: note: 'callback' calls 'overload'
// CHECK: roots.cpp:16:29: note: 'grow' allocates with 'new[]' here
// CHECK: roots.cpp:32:32: warning: call to 'overload' may allocate on the heap [noalloc-call]
// CHECK: roots.cpp:31:7: note: 'callback' must not allocate: it is a noalloc root
// CHECK: roots.cpp:27:25: note: 'overload' calls 'grow'
// CHECK: roots.cpp:16:29: note: 'grow' allocates with 'new[]' here
// CHECK: roots.cpp:36:10: warning: call to 'std::vector<float>::push_back' may allocate on the heap [noalloc-call]
// CHECK: roots.cpp:35:6: note: 'control' must not allocate: it is a noalloc root
// CHECK: roots.cpp:43:5: warning: cannot show that 'steady' is allocation-free: 'trace' is defined in no analysed file [noalloc-call]
// CHECK: roots.cpp:39:37: note: 'steady' must not allocate: it is a noalloc root
