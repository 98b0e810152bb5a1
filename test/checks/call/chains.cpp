// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// The same findings through clang-tidy and the plugin:
// RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-call' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// The expected findings follow the code.

#include <cstddef>
#include <string>
#include <vector>

// Chains of depth 1 to 5: each call is reported, with one note per step
// down to the allocation.
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
// An object that noalloc-std-type reports is not reported again at each use.
void local() {
  std::vector<int> v;
  v.push_back(2);
}



// CHECK: chains.cpp:15:24: warning: call to 'level5' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:14:24: note: 'level5' allocates with 'new' here
// CHECK: chains.cpp:16:24: warning: call to 'level4' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:15:24: note: 'level4' calls 'level5'
// CHECK: chains.cpp:14:24: note: 'level5' allocates with 'new' here
// CHECK: chains.cpp:17:24: warning: call to 'level3' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:16:24: note: 'level3' calls 'level4'
// CHECK: chains.cpp:15:24: note: 'level4' calls 'level5'
// CHECK: chains.cpp:14:24: note: 'level5' allocates with 'new' here
// CHECK: chains.cpp:18:24: warning: call to 'level2' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:17:24: note: 'level2' calls 'level3'
// CHECK: chains.cpp:16:24: note: 'level3' calls 'level4'
// CHECK: chains.cpp:15:24: note: 'level4' calls 'level5'
// CHECK: chains.cpp:14:24: note: 'level5' allocates with 'new' here
// CHECK: chains.cpp:21:41: warning: call to 'level5' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:14:24: note: 'level5' allocates with 'new' here
// CHECK: chains.cpp:21:52: warning: call to 'countdown' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:21:41: note: 'countdown' calls 'level5'
// CHECK: chains.cpp:14:24: note: 'level5' allocates with 'new' here
// CHECK: chains.cpp:23:43: warning: call to 'level5' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:14:24: note: 'level5' allocates with 'new' here
// CHECK: chains.cpp:23:65: warning: call to 'isOdd' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:24:43: note: 'isOdd' calls 'isEven'
// CHECK: chains.cpp:23:43: note: 'isEven' calls 'level5'
// CHECK: chains.cpp:14:24: note: 'level5' allocates with 'new' here
// CHECK: chains.cpp:24:43: warning: call to 'isEven' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:23:43: note: 'isEven' calls 'level5'
// CHECK: chains.cpp:14:24: note: 'level5' allocates with 'new' here
// CHECK: chains.cpp:32:44: warning: call to 'make<int>' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:30:42: note: 'make<int>' allocates with 'new' here
// CHECK: chains.cpp:35:22: warning: call to 'make<double>' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:30:42: note: 'make<double>' allocates with 'new' here
// CHECK: chains.cpp:38:55: warning: call to 'Pool::take<int>' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:32:44: note: 'Pool::take<int>' calls 'make<int>'
// CHECK: chains.cpp:30:42: note: 'make<int>' allocates with 'new' here
// CHECK: chains.cpp:38:76: warning: call to 'Box<double>::fill' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:35:22: note: 'Box<double>::fill' calls 'make<double>'
// CHECK: chains.cpp:30:42: note: 'make<double>' allocates with 'new' here
// CHECK: chains.cpp:45:27: warning: call to 'level5' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:14:24: note: 'level5' allocates with 'new' here
// CHECK: chains.cpp:47:12: warning: call to 'lambda at chains.cpp:45:15' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:45:27: note: 'lambda at chains.cpp:45:15' calls 'level5'
// CHECK: chains.cpp:14:24: note: 'level5' allocates with 'new' here
// CHECK: chains.cpp:58:8: warning: call to 'Buffer::Buffer' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:54:19: note: 'Buffer::Buffer' allocates with 'new[]' here
// CHECK: chains.cpp:62:11: warning: call to 'Channel::Channel' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:58:8: note: 'Channel::Channel' constructs 'Buffer'
// CHECK: chains.cpp:54:19: note: 'Buffer::Buffer' allocates with 'new[]' here
// CHECK: chains.cpp:65:26: warning: call to 'Buffer::Buffer' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:54:19: note: 'Buffer::Buffer' allocates with 'new[]' here
// CHECK: chains.cpp:66:26: warning: call to 'level5' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:14:24: note: 'level5' allocates with 'new' here
// CHECK: chains.cpp:69:12: warning: call to 'level5' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:14:24: note: 'level5' allocates with 'new' here
// CHECK: chains.cpp:71:29: warning: call to 'Defaults::Defaults' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:69:12: note: 'Defaults::Defaults' calls 'level5'
// CHECK: chains.cpp:14:24: note: 'level5' allocates with 'new' here
// CHECK: chains.cpp:76:60: warning: call to 'level5' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:14:24: note: 'level5' allocates with 'new' here
// CHECK: chains.cpp:77:37: warning: call to 'level5' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:14:24: note: 'level5' allocates with 'new' here
// CHECK: chains.cpp:80:15: warning: call to 'Money::operator+' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:76:60: note: 'Money::operator+' calls 'level5'
// CHECK: chains.cpp:14:24: note: 'level5' allocates with 'new' here
// CHECK: chains.cpp:81:10: warning: call to 'Money::operator double' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:77:37: note: 'Money::operator double' calls 'level5'
// CHECK: chains.cpp:14:24: note: 'level5' allocates with 'new' here
// CHECK: chains.cpp:86:23: warning: call to 'level5' may allocate on the heap [noalloc-call]
// CHECK: chains.cpp:14:24: note: 'level5' allocates with 'new' here
// CHECK: chains.cpp:92:36: warning: call to 'std::vector<int>::push_back' may allocate on the heap [noalloc-call]
