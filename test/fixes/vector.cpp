// Fix-its for std::vector, applied and compiled: against libstdc++ and
// libc++, toward Boost.Container (auto picks it: Boost is installed).
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/vector.cpp
// RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-std-type' --fix %t/vector.cpp -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=NOTES
// RUN: FileCheck %s --input-file=%t/vector.cpp --check-prefix=CHECK-FIXES
// RUN: %clangxx -std=c++17 -fsyntax-only %t/vector.cpp
// RUN: %clangxx -std=c++17 -stdlib=libc++ -fsyntax-only %t/vector.cpp
// Running noalloc again finds nothing at the fixed sites.
// RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-std-type' %t/vector.cpp -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=AGAIN
// AGAIN-NOT: variable '{{counts|primes|samples|readings|queue}}'
// AGAIN: warning: variable 'grows' of type 'std::vector<int>' allocates on the heap
// AGAIN: warning: variable 'passed' of type 'std::vector<int>' allocates on the heap
// AGAIN: warning: variable 'result' of type 'std::vector<int>' allocates on the heap
// AGAIN: warning: variable 'pending' of type 'std::vector<int>' allocates on the heap
//
// FixTarget picks the library: ETL (checked against a stand-in of its API).
// RUN: cp %s %t/etl.cpp
// RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-std-type' --config='{CheckOptions: {noalloc-std-type.FixTarget: etl}}' --fix %t/etl.cpp -- -std=c++17 -I%S/Inputs/etl > /dev/null
// RUN: FileCheck %s --input-file=%t/etl.cpp --check-prefix=ETL
// RUN: %clangxx -std=c++17 -fsyntax-only -I%S/Inputs/etl %t/etl.cpp
// std::inplace_vector is in neither standard library here: a note, no fix.
// RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-std-type' --config='{CheckOptions: {noalloc-std-type.FixTarget: std}}' %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=STD

#include <vector>

// CHECK-FIXES: {{^}}#include <array>
// CHECK-FIXES: {{^}}#include <boost/container/static_vector.hpp>

int fixedSize() {
  std::vector<int> counts(8);
  // NOTES: :[[@LINE-1]]:20: note: replace with 'std::array<int, 8>': its size never changes from 8
  // CHECK-FIXES: {{^ *}}std::array<int, 8> counts{};
  for (int i = 0; i < 8; ++i)
    counts[i] = i;
  int sum = 0;
  for (int c : counts)
    sum += c;
  return sum + static_cast<int>(counts.size());
}

int listed() {
  std::vector<int> primes = {2, 3, 5, 7};
  // NOTES: :[[@LINE-1]]:20: note: replace with 'std::array<int, 4>': its size never changes from 4
  // CHECK-FIXES: {{^ *}}std::array<int, 4> primes = {2, 3, 5, 7};
  return primes[0] + primes.back();
}

int reserved() {
  std::vector<int> samples;
  // NOTES: :[[@LINE-1]]:20: note: replace with 'boost::container::static_vector<int, 16>': capacity 16 from 'reserve(16)'
  // CHECK-FIXES: {{^ *}}boost::container::static_vector<int, 16> samples;
  // ETL: {{^ *}}etl::vector<int, 16> samples;
  // STD: :[[@LINE-4]]:20: note: no fix: no fixed-capacity library can be included here; use one of 'std::inplace_vector<T, N>', 'etl::vector<T, N>', 'boost::container::static_vector<T, N>'
  samples.reserve(16);
  for (int i = 0; i < 10; ++i)
    samples.push_back(i);
  return static_cast<int>(samples.size());
}

int filled() {
  std::vector<float> readings;
  // NOTES: :[[@LINE-1]]:22: note: replace with 'boost::container::static_vector<float, 5>': capacity 5 from the elements it is given
  // CHECK-FIXES: {{^ *}}boost::container::static_vector<float, 5> readings;
  for (int i = 0; i < 4; ++i)
    readings.push_back(1.0f);
  readings.emplace_back(2.0f);
  return static_cast<int>(readings.size());
}

// Negative twins: no fix where the capacity cannot be known or the object
// escapes; the finding stays, with a note that says why.
int unbounded(int n) {
  std::vector<int> grows;
  // NOTES: :[[@LINE-1]]:20: note: no fix: 'grows' grows by an amount that cannot be bounded; choose N for one of 'std::inplace_vector<T, N>', 'etl::vector<T, N>', 'boost::container::static_vector<T, N>'
  // CHECK-FIXES: {{^ *}}std::vector<int> grows;
  for (int i = 0; i < n; ++i)
    grows.push_back(i);
  return static_cast<int>(grows.size());
}

void consume(const std::vector<int> &values);
void escapes() {
  std::vector<int> passed(4);
  // NOTES: :[[@LINE-1]]:20: note: no fix: 'passed' escapes: it is used as a whole (passed, returned or assigned)
  // CHECK-FIXES: {{^ *}}std::vector<int> passed(4);
  consume(passed);
}

std::vector<int> returned() {
  std::vector<int> result(3);
  // NOTES: :[[@LINE-1]]:20: note: no fix: 'result' escapes: it is used as a whole (passed, returned or assigned)
  return result;
}

// reserve(4) then ten elements: the capacity is what is added, not the hint.
int overReserved() {
  std::vector<int> more;
  // NOTES: :[[@LINE-1]]:20: note: replace with 'boost::container::static_vector<int, 10>': capacity 10 from the elements it is given
  more.reserve(4);
  for (int i = 0; i < 10; ++i)
    more.push_back(i);
  return static_cast<int>(more.size());
}

// A loop that tests another variable is not counted.
int otherBound(int j) {
  std::vector<int> odd;
  // NOTES: :[[@LINE-1]]:20: note: no fix: 'odd' grows by an amount that cannot be bounded; choose N for one of 'std::inplace_vector<T, N>', 'etl::vector<T, N>', 'boost::container::static_vector<T, N>'
  for (int i = 0; j < 4; ++i)
    odd.push_back(i);
  return static_cast<int>(odd.size());
}

// Too large for the stack: no fix.
int large() {
  std::vector<double> big(100000);
  // NOTES: :[[@LINE-1]]:23: note: no fix: 100000 elements (800000 bytes) are more than StackLimit (4096) allows on the stack
  return static_cast<int>(big[0]);
}

// Elements only removed: the capacity is the size it starts with.
int drained() {
  std::vector<int> queue(6, 1);
  // NOTES: :[[@LINE-1]]:20: note: replace with 'boost::container::static_vector<int, 6>': capacity 6 from the elements it is given
  // CHECK-FIXES: {{^ *}}boost::container::static_vector<int, 6> queue(6, 1);
  int sum = 0;
  while (!queue.empty()) {
    sum += queue.back();
    queue.pop_back();
  }
  queue.clear();
  return sum;
}

// Its twin starts with a size that is not a constant: no fix, and the
// note says what is unknown (it never grows).
int drainedUnknown(int n) {
  std::vector<int> pending(n, 1);
  // NOTES: :[[@LINE-1]]:20: note: no fix: 'pending' starts with a size that cannot be bounded; choose N for one of 'std::inplace_vector<T, N>', 'etl::vector<T, N>', 'boost::container::static_vector<T, N>'
  // CHECK-FIXES: {{^ *}}std::vector<int> pending(n, 1);
  pending.pop_back();
  pending.erase(pending.begin());
  return static_cast<int>(pending.size());
}
