// std::vector<bool> packs its bits and its elements are proxies: no
// container of 'bool' keeps what 'v[i]' is, so noalloc offers no fix and
// names std::bitset (review4 #9: it became std::array<bool, 2>, which
// compiles but turned fmt's test of the bit proxy into a test of bool).
// The twin, a vector of char of a size that never changes, is still fixed.
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/vector-bool.cpp
// RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-std-type' --fix %t/vector-bool.cpp -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=NOTES
// RUN: FileCheck %s --input-file=%t/vector-bool.cpp --check-prefix=CHECK-FIXES
// RUN: %clangxx -std=c++17 -fsyntax-only %t/vector-bool.cpp

#include <vector>

bool firstBit() {
  std::vector<bool> Bits = {true, false};
  // NOTES: vector-bool.cpp:[[@LINE-1]]:21: warning: variable 'Bits' of type 'std::vector<bool>' allocates on the heap [noalloc-std-type]
  // NOTES: note: no fix: 'Bits' packs its bits and its elements are proxies, which a container of 'bool' is not; a fixed number of bits is 'std::bitset<N>'
  // CHECK-FIXES: std::vector<bool> Bits = {true, false};
  return Bits[0];
}

char firstChar() {
  std::vector<char> Chars = {'a', 'b'};
  // NOTES: vector-bool.cpp:[[@LINE-1]]:21: warning: variable 'Chars' of type 'std::vector<char>' allocates on the heap [noalloc-std-type]
  // NOTES: note: replace with 'std::array<char, 2>': its size never changes from 2
  // CHECK-FIXES: std::array<char, 2> Chars = {'a', 'b'};
  return Chars[0];
}
