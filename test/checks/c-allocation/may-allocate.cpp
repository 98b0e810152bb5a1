// Functions that allocate only on first use or for unusual arguments are
// reported when ReportMayAllocate is set, with the condition.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-c-allocation' \
// RUN:   --config='{CheckOptions: {noalloc-c-allocation.ReportMayAllocate: true}}' \
// RUN:   %s -- | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 0 %noalloc --checks='-*,noalloc-c-allocation' %s -- \
// RUN:   | FileCheck %s --check-prefix=DEFAULT --allow-empty
// DEFAULT-NOT: warning:

#include <cstdio>
#include <cstring>

void report(int value) {
  std::printf("%d\n", value);
  // CHECK: may-allocate.cpp:[[@LINE-1]]:3: warning: call to 'printf' may allocate on the heap: on first use of stdout {{.*}} [noalloc-c-allocation]
  char buffer[16];
  std::memcpy(buffer, "abc", 4);
}
