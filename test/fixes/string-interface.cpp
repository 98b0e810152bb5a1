// The string_view parameter fix changes a function's interface: every use
// of the parameter, and every call of the function, must take the view as
// well. Each case below once got a fix that did not compile; its twin
// keeps the fix.
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/string-interface.cpp
// RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-std-type' --fix %t/string-interface.cpp -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=NOTES --implicit-check-not=parameter --implicit-check-not='no fix'
// RUN: FileCheck %s --input-file=%t/string-interface.cpp --check-prefix=CHECK-FIXES
// RUN: %clangxx -std=c++17 -fsyntax-only %t/string-interface.cpp

#include <cstddef>
#include <string>

std::size_t external(const std::string &text);
// Made from a std::string, as a view is.
struct Slice {
  Slice(const std::string &text);
  std::size_t size;
};

namespace {

// 'substr' gives back a std::string, and a view once fixed: returned as a
// std::string it could not be.
std::string directory(const std::string &path) {
  return path.substr(0, path.rfind('/'));
}
// CHECK-FIXES: {{^}}std::string directory(const std::string &path) {
bool hidden(const std::string &path) { return path.substr(0, 1) == "."; }
// NOTES: :[[@LINE-1]]:32: warning: parameter 'path' of type 'const std::string &' makes callers
// CHECK-FIXES: {{^}}bool hidden(std::string_view path) { return path.substr(0, 1) == "."; }

// Member initializers use a constructor's parameters too.
struct Passed {
  Passed(const std::string &name) : size(external(name)) {}
  std::size_t size;
};
// CHECK-FIXES: {{^}}  Passed(const std::string &name) : size(external(name)) {}
struct Measured {
  Measured(const std::string &name) : size(name.size()) {}
  // NOTES: :[[@LINE-1]]:31: warning: parameter 'name'
  std::size_t size;
};
// CHECK-FIXES: {{^}}  Measured(std::string_view name) : size(name.size()) {}

// A construction calls the constructor: its arguments must bind to a view,
// and it must not be an implicit conversion from a std::string.
struct Converted {
  Converted(const std::string &name) : size(name.size()) {}
  // NOTES: :[[@LINE-1]]:32: warning: parameter 'name'
  // NOTES: :[[@LINE-2]]:32: note: no fix: a construction of 'Converted' is an implicit conversion, which a 'std::string_view' parameter would not allow
  std::size_t size;
};
// CHECK-FIXES: {{^}}  Converted(const std::string &name) : size(name.size()) {}
struct Named {
  operator std::string() const { return "named"; }
};
struct FromNamed {
  FromNamed(const std::string &name) : size(name.size()) {}
  // NOTES: :[[@LINE-1]]:32: warning: parameter 'name'
  // NOTES: :[[@LINE-2]]:32: note: no fix: a call of 'FromNamed' passes an argument that a 'std::string_view' cannot take
  std::size_t size;
};
// CHECK-FIXES: {{^}}  FromNamed(const std::string &name) : size(name.size()) {}

// With another function of the same name, a call could choose the other
// one, or find both as good (a std::string converts to either argument),
// once this one takes a view.
struct Overloaded {
  Overloaded(const std::string &name) : size(name.size()) {}
  // NOTES: :[[@LINE-1]]:33: warning: parameter 'name'
  // NOTES: :[[@LINE-2]]:33: note: no fix: 'Overloaded' is overloaded: a call could choose another function
  Overloaded(Slice slice) : size(slice.size) {}
  std::size_t size;
};
// CHECK-FIXES: {{^}}  Overloaded(const std::string &name) : size(name.size()) {}
std::size_t pick(const std::string &text) { return text.size(); }
// NOTES: :[[@LINE-1]]:37: warning: parameter 'text'
// NOTES: :[[@LINE-2]]:37: note: no fix: 'pick' is overloaded: a call could choose another function
// CHECK-FIXES: {{^}}std::size_t pick(const std::string &text) { return text.size(); }
std::size_t pick(Slice slice) { return slice.size; }

} // namespace

std::size_t use(const std::string &owned) {
  Converted converted = owned;
  Measured measured(owned);
  Measured literal("literal");
  FromNamed fromNamed(Named{});
  Overloaded overloaded(owned);
  return directory(owned).size() + hidden(owned) + converted.size +
         measured.size + literal.size + fromNamed.size + overloaded.size +
         pick(owned);
}
