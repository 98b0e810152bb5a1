// Library functions are analysed through their bodies (templates) or the
// knowledge base (compiled into libstdc++), and reported as entry points.
// Reading does not allocate; growing, inserting and throwing do.
// RUN: %expect-exit 1 %noalloc --config="{CheckOptions: {noalloc-call.ReportEveryCall: true}}" --checks='-*,noalloc-call,noalloc-unknown-call' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// The same findings through clang-tidy and the plugin:
// RUN: %expect-exit 0 %clang-tidy-noalloc --config="{CheckOptions: {noalloc-call.ReportEveryCall: true}}" -checks='-*,noalloc-call,noalloc-unknown-call' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// The expected findings follow the code.

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

int reads(const std::string &s, const std::map<int, int> &m,
          const std::vector<int> &v) {
  int n = int(s.find("x") + s.size() + s.rfind('c') + (s == "z"));
  n += m.find(3) != m.end();
  n += int(std::count(v.begin(), v.end(), 2));
  std::string_view sv = s;
  n += int(sv.find('a'));
  return n + v[0] + int(v.size());
}

// at() throws std::out_of_range (heap-allocated): only when it fails.
int checked(const std::map<int, int> &m, const std::vector<int> &v) {
  return m.at(3) + v.at(0);
}

void writes(std::string &s, std::vector<int> &v, std::map<int, int> &m) {
  s.clear();
  v.clear();
  s += 'c';
  v.resize(3);
  m[3] = 4;
  s.append("x");
}

// Calling an empty std::function throws std::bad_function_call.
int callFn(const std::function<int()> &f) { return f(); }
int useShared(const std::shared_ptr<int> &p) { return *p; }


// realpath with a buffer does not allocate, so neither does its caller.
char *resolve(const char *in, char (&out)[PATH_MAX]) { return realpath(in, out); }
const char *useResolve(const char *in) {
  static char buffer[PATH_MAX];
  return resolve(in, buffer);
}

// Copying an array member is __builtin_memcpy: memcpy, known not to allocate.
struct Frame {
  int samples[8];
};
void copyFrame(Frame &out, const Frame &in) { out = in; }


// CHECK: library.cpp:33:12: warning: call to 'std::map<int, int>::at' may allocate only when it fails (throws 'std::out_of_range') [noalloc-call]
// CHECK: library.cpp:33:22: warning: call to 'std::vector<int>::at' may allocate only when it fails (throws 'std::out_of_range') [noalloc-call]
// CHECK: library.cpp:39:5: warning: call to 'std::string::operator+=' may allocate on the heap [noalloc-call]
// CHECK: library.cpp:40:5: warning: call to 'std::vector<int>::resize' may allocate on the heap [noalloc-call]
// CHECK: library.cpp:41:3: warning: call to 'std::map<int, int>::operator[]' may allocate on the heap [noalloc-call]
// CHECK: library.cpp:42:5: warning: call to 'std::string::append' may allocate on the heap [noalloc-call]
// CHECK-DAG: library.cpp:46:52: warning: call to 'std::function<int ()>::operator()' may allocate only when it fails (throws 'std::bad_function_call') [noalloc-call]
// No call gives 'f' a function noalloc knows: what it holds is unseen (the
// plugin writes this finding first).
// CHECK-DAG: library.cpp:46:52: warning: call of the std::function 'f' may run code noalloc cannot see (nothing the analysed code stores into it is known); noalloc cannot tell whether it allocates [noalloc-unknown-call]
