// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-std-type' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// The same findings through clang-tidy and the plugin:
// RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-std-type' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

struct Point {
  int x, y;
};

// A vector that is filled, a literal longer than the small-string buffer, a
// lambda too large for std::function's (empty and small ones stay in place:
// test/semantics/value-semantics.cpp).
void locals() {
  std::vector<int> samples(8);
  // CHECK: std-type.cpp:[[@LINE-1]]:20: warning: variable 'samples' of type 'std::vector<int>' allocates on the heap [noalloc-std-type]
  // CHECK: std-type.cpp:[[@LINE-2]]:20: note: replace with 'std::array<int, 8>': its size never changes from 8
  std::string name = "sensor, on the second bus";
  // CHECK: std-type.cpp:[[@LINE-1]]:15: warning: variable 'name' of type 'std::string' allocates on the heap [noalloc-std-type]
  // CHECK: std-type.cpp:[[@LINE-2]]:15: note: replace with 'std::string_view': it is only read, and its characters are a literal's
  std::map<int, std::string> table{{1, "a"}, {2, "b"}};
  // CHECK: std-type.cpp:[[@LINE-1]]:30: warning: variable 'table' of type 'std::map<int, std::string>' allocates on the heap [noalloc-std-type]
  std::unordered_map<int, int> index;
  // CHECK: std-type.cpp:[[@LINE-1]]:32: warning: variable 'index' of type 'std::unordered_map<int, int>' allocates on the heap [noalloc-std-type]
  std::array<long, 4> captured{};
  std::function<void()> callback = [captured] { (void)captured; };
  // CHECK: std-type.cpp:[[@LINE-1]]:25: warning: variable 'callback' of type 'std::function<void ()>' allocates on the heap [noalloc-std-type]
  // CHECK: std-type.cpp:[[@LINE-2]]:25: note: no fix: no fixed-size function wrapper can be included here; use 'etl::inplace_function<T, N>', or 'std::function_ref' (C++26) if it need not own the lambda
  auto shared = std::make_shared<Point>();
  // CHECK: std-type.cpp:[[@LINE-1]]:17: warning: call to 'std::make_shared' allocates on the heap [noalloc-std-type]
  auto unique = std::make_unique<Point>();
  // CHECK: std-type.cpp:[[@LINE-1]]:17: warning: call to 'std::make_unique' allocates on the heap [noalloc-std-type]
  // CHECK: std-type.cpp:[[@LINE-2]]:17: note: replace with an automatic object 'Point unique': it never leaves the function
  std::optional<std::string> maybe;
  // CHECK: std-type.cpp:[[@LINE-1]]:30: warning: variable 'maybe' of type 'std::optional<std::string>' allocates on the heap [noalloc-std-type]
  std::array<std::string, 2> pair;
  // CHECK: std-type.cpp:[[@LINE-1]]:30: warning: variable 'pair' of type 'std::array<std::string, 2>' allocates on the heap [noalloc-std-type]
  static const std::string Label = "label";
  // CHECK: std-type.cpp:[[@LINE-1]]:28: warning: variable 'Label' of type 'std::string' allocates on the heap [noalloc-std-type]
}

// A typedef is named as written, with what it stands for.
using Names = std::vector<std::string>;
Names names;
// CHECK: std-type.cpp:[[@LINE-1]]:7: warning: variable 'names' of type 'Names' (aka 'std::vector<std::string>') allocates on the heap [noalloc-std-type]

struct Logger {
  std::string prefix = "log: ";
  // CHECK: std-type.cpp:[[@LINE-1]]:15: warning: member 'prefix' of type 'std::string' allocates on the heap [noalloc-std-type]
  std::vector<int> levels;
  // CHECK: std-type.cpp:[[@LINE-1]]:20: warning: member 'levels' of type 'std::vector<int>' allocates on the heap [noalloc-std-type]
  Logger() : levels(4) {}
};

void take(const std::string &s);
void takeCopy(std::vector<int> v);

// Temporaries and library calls that return owning objects.
void temporaries(const std::vector<int> &v, std::string &out, int n) {
  take("literal");
  // CHECK: std-type.cpp:[[@LINE-1]]:8: warning: construction of 'std::string' allocates on the heap [noalloc-std-type]
  takeCopy(v);
  // CHECK: std-type.cpp:[[@LINE-1]]:12: warning: construction of 'std::vector<int>' allocates on the heap [noalloc-std-type]
  take(std::to_string(n));
  // CHECK: std-type.cpp:[[@LINE-1]]:8: warning: call to 'std::to_string' returns 'std::string', which allocates on the heap [noalloc-std-type]
  out = std::to_string(n) + "/" + std::to_string(n + 1);
  // CHECK: std-type.cpp:[[@LINE-1]]:33: warning: call to 'std::operator+' returns 'std::string', which allocates on the heap [noalloc-std-type]
  out.append("x");
}

// Templates are reported once, as written.
template <typename T> void buffered(T value) {
  std::vector<T> buffer;
  // CHECK: std-type.cpp:[[@LINE-1]]:18: warning: variable 'buffer' of type 'std::vector<T>' allocates on the heap [noalloc-std-type]
  (void)value;
}
void instantiate() {
  buffered(1);
  buffered(2.0);
}

// Macros are reported where they are used.
#define NEW_LIST(name) std::vector<int> name
void viaMacro() {
  NEW_LIST(list);
  // CHECK: std-type.cpp:[[@LINE-1]]:12: warning: variable 'list' of type 'std::vector<int>' allocates on the heap [noalloc-std-type]
  list.push_back(1);
}

// Negative twins: fixed-capacity and non-owning types, references to
// allocating types, moves, element access, algorithms.
struct Fixed {
  std::array<int, 8> samples;
  std::string_view label;
  std::optional<int> last;
  std::pair<int, int> range;
  std::tuple<int, float> tuple;
  std::variant<int, float> either;
  std::unique_ptr<Point> owned;
  const std::vector<int> *pointer;
};
int readOnly(const std::vector<int> &v, std::string_view sv) {
  int sum = 0;
  for (int x : v)
    sum += x;
  return sum + static_cast<int>(v.size()) + v[0] + static_cast<int>(sv.size());
}
std::vector<int> handOver(std::vector<int> &v) { return std::move(v); }
void sortInPlace(std::array<int, 8> &a) { std::sort(a.begin(), a.end()); }
void emplaceInto(std::optional<Point> &p) { p.emplace(Point{1, 2}); }
void referToString(const std::string &s) {
  const std::string &alias = s;
  std::string_view view = s;
  (void)alias;
  (void)view;
}

// A call on the reference the call before returns is one finding
// (test/semantics/ostream.cpp); a new object made from another is not:
// both allocate.
std::unique_ptr<std::unique_ptr<int>> nested() {
  return std::make_unique<std::unique_ptr<int>>(std::make_unique<int>(1));
}
// CHECK: std-type.cpp:[[@LINE-2]]:10: warning: call to 'std::make_unique' allocates on the heap [noalloc-std-type]
// CHECK: std-type.cpp:[[@LINE-3]]:49: warning: call to 'std::make_unique' allocates on the heap [noalloc-std-type]

// A standard operator>> on a stream is an extractor, listed with the
// stream's members (test/semantics/istream.cpp); std::byte's shift is
// not, nor is a program's own extractor: no finding.
#include <cstddef>
#include <istream>
std::byte halfByte(std::byte b) { return b >> 1; }
struct Reading {
  int Value;
};
std::istream &operator>>(std::istream &is, Reading &r) { return is; }
void readReading(std::istream &is, Reading &r) { is >> r; }
