// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// The same findings through clang-tidy and the plugin:
// RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-call' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// The expected findings follow the code.

#include <cstddef>
#include <string>
#include <vector>

// Chains of depth 1 to 5: each function's first call that reaches the heap
// is reported, with one note per step down to the allocation; its other
// such calls are counted in a note ("and N more calls").
int *level5() { return new int(5); }
int *level4() { return level5(); }
int *level3() { return level4(); }
int *level2() { return level3(); }
int *level1() { return level2(); }

// Recursion and mutual recursion end: the chain is the shortest path.
int countdown(int n) { return n == 0 ? *level5() : countdown(n - 1); }
bool isOdd(unsigned n);
bool isEven(unsigned n) { return n == 0 ? level5() != nullptr : isOdd(n - 1); }
bool isOdd(unsigned n) { return n != 0 && isEven(n - 1); }
// A recursion that never reaches the heap stays silent.
int depth(int n) { return n <= 0 ? 0 : 1 + depth(n - 1); }

// Function templates and members of class templates: reported at the call
// that instantiates them.
template <typename T> T *make() { return new T(); }
struct Pool {
  template <typename T> T *take() { return make<T>(); }
};
template <typename T> struct Box {
  T *fill() { return make<T>(); }
  T value;
};
int useTemplates(Pool &p, Box<double> &b) { return *p.take<int>() + int(*b.fill()); }
// A template whose instantiation does not allocate is silent.
template <typename T> T twice(T v) { return v + v; }
int useTwice() { return twice(2); }

// Lambdas are functions of their own.
int lambdas() {
  auto grow = [] { return level5(); };
  auto quiet = [](int x) { return x * 2; };
  int *p = grow();
  return quiet(*p);
}

// Constructors and destructors that run implicitly: locals, temporaries,
// members, bases, default arguments and default member initializers.
struct Buffer {
  Buffer() : data(new char[64]) {}
  ~Buffer() { delete[] data; }
  char *data;
};
struct Channel {
  Buffer buffer; // Built by Channel's implicit constructor.
};
int channels() {
  Channel c;
  return c.buffer.data[0];
}
int temporary() { return Buffer().data[0]; }
int withDefault(int *p = level5()) { return *p; }
int callsDefault() { return withDefault(); }
struct Defaults {
  int *p = level5();
};
int useDefaults() { return *Defaults().p; }

// Operators and conversions are calls.
struct Money {
  int cents;
  Money operator+(const Money &o) const { return {cents + *level5() + o.cents}; }
  operator double() const { return *level5() / 100.0; }
};
double spend(Money a, Money b) {
  Money c = a + b;
  return c;
}

// The initialization of a function-local static runs on the first call.
int *cached() {
  static int *value = level5();
  return value;
}

// Library functions are entry points: named as the user wrote them, never
// descended into.
void grow(std::vector<int> &v) { v.push_back(1); }
// Reading a vector, or asking its size, does not allocate.
int read(const std::vector<int> &v) { return v.empty() ? 0 : v[0] + int(v.size()); }
// An object that noalloc-std-type reports is not reported again at each
// use, when noalloc-std-type runs; here it does not, so noalloc-call
// reports the push_back (see STDTYPE below for the other case).
void local() {
  std::vector<int> v;
  v.push_back(2);
}



// CHECK: chains.cpp:16:24: warning: call to 'level5' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:15:24: note: 'level5' allocates with 'new' here
// CHECK: chains.cpp:17:24: warning: call to 'level4' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:16:24: note: 'level4' calls 'level5'
// CHECK: chains.cpp:15:24: note: 'level5' allocates with 'new' here
// CHECK: chains.cpp:18:24: warning: call to 'level3' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:17:24: note: 'level3' calls 'level4'
// CHECK: chains.cpp:16:24: note: 'level4' calls 'level5'
// CHECK: chains.cpp:15:24: note: 'level5' allocates with 'new' here
// CHECK: chains.cpp:19:24: warning: call to 'level2' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:18:24: note: 'level2' calls 'level3'
// CHECK: chains.cpp:17:24: note: 'level3' calls 'level4'
// CHECK: chains.cpp:16:24: note: 'level4' calls 'level5'
// CHECK: chains.cpp:15:24: note: 'level5' allocates with 'new' here
// CHECK: chains.cpp:22:41: warning: call to 'level5' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:15:24: note: 'level5' allocates with 'new' here
// CHECK: chains.cpp:22:52: note: and 1 more call in 'countdown' that may use the heap
// CHECK: chains.cpp:24:43: warning: call to 'level5' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:15:24: note: 'level5' allocates with 'new' here
// CHECK: chains.cpp:24:65: note: and 1 more call in 'isEven' that may use the heap
// CHECK: chains.cpp:25:43: warning: call to 'isEven' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:24:43: note: 'isEven' calls 'level5'
// CHECK: chains.cpp:15:24: note: 'level5' allocates with 'new' here
// CHECK: chains.cpp:33:44: warning: call to 'make<int>' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:31:42: note: 'make<int>' allocates with 'new' here
// CHECK: chains.cpp:36:22: warning: call to 'make<double>' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:31:42: note: 'make<double>' allocates with 'new' here
// CHECK: chains.cpp:39:55: warning: call to 'Pool::take<int>' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:33:44: note: 'Pool::take<int>' calls 'make<int>'
// CHECK: chains.cpp:31:42: note: 'make<int>' allocates with 'new' here
// CHECK: chains.cpp:39:76: note: and 1 more call in 'useTemplates' that may use the heap
// CHECK: chains.cpp:46:27: warning: call to 'level5' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:15:24: note: 'level5' allocates with 'new' here
// CHECK: chains.cpp:48:12: warning: call to 'lambda at chains.cpp:46:15' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:46:27: note: 'lambda at chains.cpp:46:15' calls 'level5'
// CHECK: chains.cpp:15:24: note: 'level5' allocates with 'new' here
// CHECK: chains.cpp:63:11: warning: call to 'Channel::Channel' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:59:8: note: 'Channel::Channel' constructs member 'buffer' ('Buffer')
// CHECK: chains.cpp:55:19: note: 'Buffer::Buffer' allocates with 'new[]' here
// CHECK: chains.cpp:66:26: warning: call to 'Buffer::Buffer' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:55:19: note: 'Buffer::Buffer' allocates with 'new[]' here
// CHECK: chains.cpp:68:29: warning: call to 'level5' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:15:24: note: 'level5' allocates with 'new' here
// CHECK: chains.cpp:72:29: warning: call to 'Defaults::Defaults' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:70:12: note: 'Defaults::Defaults' calls 'level5'
// CHECK: chains.cpp:15:24: note: 'level5' allocates with 'new' here
// CHECK: chains.cpp:77:60: warning: call to 'level5' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:15:24: note: 'level5' allocates with 'new' here
// CHECK: chains.cpp:78:37: warning: call to 'level5' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:15:24: note: 'level5' allocates with 'new' here
// CHECK: chains.cpp:81:15: warning: call to 'Money::operator+' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:77:60: note: 'Money::operator+' calls 'level5'
// CHECK: chains.cpp:15:24: note: 'level5' allocates with 'new' here
// CHECK: chains.cpp:82:10: note: and 1 more call in 'spend' that may use the heap
// CHECK: chains.cpp:87:23: warning: call to 'level5' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:15:24: note: 'level5' allocates with 'new' here
// CHECK: chains.cpp:93:36: warning: call to 'std::vector<int>::push_back' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:101:5: warning: call to 'std::vector<int>::push_back' may allocate on the heap [noalloc-call]


// With noalloc-std-type enabled, the push_back on the local vector is its:
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-std-type' %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=STDTYPE
// STDTYPE: chains.cpp:93:36: warning: call to 'std::vector<int>::push_back' may allocate on the heap [noalloc-call]
// STDTYPE-NOT: chains.cpp:101:5: warning: call to
// STDTYPE: chains.cpp:100:20: warning: variable 'v' of type 'std::vector<int>' allocates on the heap [noalloc-std-type]
// STDTYPE-NOT: chains.cpp:101:5: warning: call to
// Every call, not only each function's first (recursion, templates):
// RUN: %expect-exit 1 %noalloc --config="{CheckOptions: {noalloc-call.ReportEveryCall: true}}" --checks='-*,noalloc-call' %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=EVERY
// EVERY: chains.cpp:22:52: warning: call to 'countdown' may allocate on the heap [noalloc-call]
// EVERY: chains.cpp:22:41: note: 'countdown' calls 'level5'
// EVERY: chains.cpp:15:24: note: 'level5' allocates with 'new' here
// EVERY: chains.cpp:24:65: warning: call to 'isOdd' may allocate on the heap [noalloc-call]
// EVERY: chains.cpp:25:43: note: 'isOdd' calls 'isEven'
// EVERY: chains.cpp:24:43: note: 'isEven' calls 'level5'
// EVERY: chains.cpp:15:24: note: 'level5' allocates with 'new' here
// EVERY: chains.cpp:39:76: warning: call to 'Box<double>::fill' may allocate on the heap [noalloc-call]
// EVERY: chains.cpp:36:22: note: 'Box<double>::fill' calls 'make<double>'
// EVERY: chains.cpp:31:42: note: 'make<double>' allocates with 'new' here
// EVERY-NOT: and {{[0-9]+}} more call
