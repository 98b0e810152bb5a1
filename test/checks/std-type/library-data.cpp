// What a standard library holds in place is knowledge-base data
// (libraries): a file that says libstdc++ holds 3 characters, and no empty
// string, makes these strings allocate.
// RUN: %noalloc --checks='-*,noalloc-std-type' %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BUILTIN --implicit-check-not='{{warning|error|note}}:'
// BUILTIN: noalloc: 0 findings in 1 file
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-std-type' --knowledge=%S/Inputs/small-buffer.yaml %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// A library entry needs a macro; nothing-when-null-argument needs
// 'effect: releases'.
// RUN: %expect-exit 2 %noalloc --checks='-*,noalloc-std-type' --knowledge=%S/Inputs/no-macro.yaml %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefix=NO-MACRO
// NO-MACRO: no-macro.yaml:2:5: error: missing required key 'macro'
// RUN: %expect-exit 2 %noalloc --checks='-*,noalloc-std-type' --knowledge=%S/Inputs/free-allocates.yaml %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefix=FREE
// FREE: free-allocates.yaml:2:5: error: 'nothing-when-null-argument' needs 'effect: releases'

#include <string>
#include <vector>

int lengths() {
  std::string s = "short";
  // CHECK: library-data.cpp:[[@LINE-1]]:15: warning: variable 's' of type 'std::string' allocates on the heap [noalloc-std-type]
  // CHECK: library-data.cpp:[[@LINE-2]]:15: note: replace with 'std::string_view': it is only read, and its characters are a literal's
  std::string e;
  // CHECK: library-data.cpp:[[@LINE-1]]:15: warning: variable 'e' of type 'std::string' allocates on the heap [noalloc-std-type]
  std::vector<int> v;
  return (int)(s.size() + e.size() + v.size());
}
