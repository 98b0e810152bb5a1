// Fix-its for std::string, applied and compiled against libstdc++ and
// libc++: std::string_view where the string is only read, a fixed-capacity
// string (Boost.StaticString) where its capacity is evident.
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/string.cpp
// RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-std-type' --fix %t/string.cpp -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=NOTES
// RUN: FileCheck %s --input-file=%t/string.cpp --check-prefix=CHECK-FIXES
// RUN: %clangxx -std=c++17 -fsyntax-only %t/string.cpp
// Boost 1.74's hashing still names std::unary_function, which libc++ drops
// in C++17 unless asked to keep it.
// RUN: %clangxx -std=c++17 -stdlib=libc++ -D_LIBCPP_ENABLE_CXX17_REMOVED_UNARY_BINARY_FUNCTION -fsyntax-only %t/string.cpp
// RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-std-type' %t/string.cpp -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=AGAIN
// AGAIN-NOT: {{'greeting'|'name'|'line'}}
// AGAIN: warning: variable 'label' of type 'std::string' allocates on the heap
// AGAIN: warning: variable 'path' of type 'std::string' allocates on the heap

#include <cstdio>
#include <string>

// CHECK-FIXES: {{^}}#include <boost/static_string/static_string.hpp>
// CHECK-FIXES: {{^}}#include <string_view>

// Longer than either library's small-string buffer (a shorter literal is
// held in place, and not reported: test/semantics/value-semantics.cpp).
std::size_t greet() {
  std::string greeting = "hello, and welcome to the shop";
  // NOTES: :[[@LINE-1]]:15: note: replace with 'std::string_view': it is only read, and its characters are a literal's
  // CHECK-FIXES: {{^ *}}std::string_view greeting = "hello, and welcome to the shop";
  return greeting.size() + greeting.find('l');
}

// A parameter's type is the function's interface: its fix needs every
// declaration and every call in sight (internal linkage, this file), each
// call passing what a view takes too.
static std::size_t measure(const std::string &name) { return name.size() + (name == "x"); }
// NOTES: :[[@LINE-1]]:47: warning: parameter 'name' of type 'const std::string &' makes callers that pass a literal or a view build a temporary on the heap; it is only read: take 'std::string_view' [noalloc-std-type]
// NOTES-NOT: :[[@LINE-2]]:{{.*}}no fix
// CHECK-FIXES: {{^}}static std::size_t measure(std::string_view name) { return name.size() + (name == "x"); }
std::size_t exported(const std::string &text) { return text.size(); }
// NOTES: :[[@LINE-1]]:41: warning: parameter 'text'
// NOTES: :[[@LINE-2]]:41: note: no fix: 'exported' can be declared or called in another translation unit
// CHECK-FIXES: {{^}}std::size_t exported(const std::string &text) { return text.size(); }
std::size_t measured(std::string &owned, const char *raw) {
  return measure("literal") + measure(owned) + measure(raw) + measure(std::string(raw));
}
struct Named {
  operator std::string() const { return "named"; }
};
static std::size_t converted(const std::string &text) { return text.size(); }
// NOTES: :[[@LINE-1]]:49: warning: parameter 'text'
// NOTES: :[[@LINE-2]]:49: note: no fix: a call of 'converted' passes an argument that a 'std::string_view' cannot take
// CHECK-FIXES: {{^}}static std::size_t converted(const std::string &text) { return text.size(); }
std::size_t fromObject() { return converted(Named()); }
static std::size_t pointedTo(const std::string &text) { return text.size(); }
// NOTES: :[[@LINE-1]]:49: warning: parameter 'text'
// NOTES: :[[@LINE-2]]:49: note: no fix: 'pointedTo' is named other than in a call: its type would change
// CHECK-FIXES: {{^}}static std::size_t pointedTo(const std::string &text) { return text.size(); }
std::size_t (*const Measure)(const std::string &) = pointedTo;

std::size_t buffered() {
  std::string line;
  // NOTES: :[[@LINE-1]]:15: note: replace with 'boost::static_strings::static_string<80>': capacity 80 from 'reserve(80)'
  // CHECK-FIXES: {{^ *}}boost::static_strings::static_string<80> line;
  line.reserve(80);
  line.append("abc");
  line += 'd';
  return line.size();
}

// Negative twins: modified without a bound, needs a C string, declared
// twice: no fix.
std::size_t modified(int n) {
  std::string label = "x";
  // NOTES: :[[@LINE-1]]:15: note: no fix: the length of 'label' cannot be bounded; choose N for one of 'etl::string<N>', 'boost::static_strings::static_string<N>'
  for (int i = 0; i < n; ++i)
    label += 'y';
  return label.size();
}
void open(const char *path);
void cString() {
  std::string path = "/dev/null";
  // NOTES: :[[@LINE-1]]:15: note: no fix: 'path' escapes: it calls 'c_str'
  open(path.c_str());
}
std::size_t declared(const std::string &text);
std::size_t declared(const std::string &text) { return text.size(); }
const char *raw(const std::string &text) { return text.c_str(); }
// string + string_view exists only from C++26: a string joined with '+'
// stays a string.
std::string joined(const std::string &unit, int n) {
  return std::to_string(n) + " " + unit;
}
std::size_t prefixed() {
  std::string unit = "mV";
  return (std::string("x") + unit).size();
}
