// ReportHeldInPlace: a team audited under MISRA C++:2023 Rule 21.6.1 bans
// the allocating standard types, whatever their values. By default an
// object its library holds in place (an empty vector, a short literal
// string, a short temporary string only read) is not reported, since it
// does not use the heap; with the option it is, saying so. Objects that do
// use the heap are reported either way, with the usual message, and the
// function's verdict is unchanged (the option changes what is reported,
// not what is true).
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-std-type' %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=HEAP --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-std-type' \
// RUN:   --config="{CheckOptions: {noalloc-std-type.ReportHeldInPlace: true}}" %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefixes=HEAP,TYPE --implicit-check-not='{{warning|error|note}}:'
// The same in clang-tidy.
// RUN: %clang-tidy-noalloc -checks='-*,noalloc-std-type' \
// RUN:   -config="{CheckOptions: {noalloc-std-type.ReportHeldInPlace: true}}" %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefixes=HEAP,TYPE --implicit-check-not='{{warning|error|note}}:'
// The verdicts: 'quiet' uses no heap with or without the option.
// RUN: %expect-exit 1 %noalloc --format=json \
// RUN:   --config="{CheckOptions: {noalloc-std-type.ReportHeldInPlace: true}}" %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=VERDICT
// What each function does at run time, measured:
// RUN: %oracle %s -- -std=c++17

#include <string>
#include <vector>

int loud() {
  std::vector<int> grows;
  // HEAP: held-in-place.cpp:[[@LINE-1]]:20: warning: variable 'grows' of type 'std::vector<int>' allocates on the heap [noalloc-std-type]
  // HEAP: held-in-place.cpp:[[@LINE-2]]:20: note: replace with 'boost::container::static_vector<int, 1>': capacity 1 from the elements it is given
  grows.push_back(1);
  return (int)grows.size();
}

int quiet() {
  std::vector<int> empty;
  // TYPE: held-in-place.cpp:[[@LINE-1]]:20: warning: variable 'empty' of type 'std::vector<int>' does not use the heap here, but its type can [noalloc-std-type]
  std::string tag = "adc";
  // TYPE: held-in-place.cpp:[[@LINE-1]]:15: warning: variable 'tag' of type 'std::string' does not use the heap here, but its type can [noalloc-std-type]
  int sum = (int)(std::string("ab") + "cd").size();
  // TYPE: held-in-place.cpp:[[@LINE-1]]:37: warning: temporary of type 'std::string' does not use the heap here, but its type can [noalloc-std-type]
  return (int)(empty.size() + tag.size()) + sum;
}

// VERDICT: "name": "loud",
// VERDICT-NEXT: "usr": {{.*}}
// VERDICT-NEXT: "verdict": "allocates"
// VERDICT: "name": "quiet",
// VERDICT-NEXT: "usr": {{.*}}
// VERDICT-NEXT: "verdict": "none"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  ORACLE_NO_HEAP("quiet", quiet());
  ORACLE_ALLOCATES("loud", loud());
}
#endif
