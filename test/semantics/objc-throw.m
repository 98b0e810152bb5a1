// Objective-C's '@throw' allocates: the runtime's objc_exception_throw takes
// a header for the unwinder from the heap, for a rethrow ('@throw;') too.
// Testing an object, catching without rethrowing: no heap.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-throw,noalloc-call' %s -- -fobjc-exceptions \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// The same findings through clang-tidy and the plugin:
// RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-throw,noalloc-call' %s -- -fobjc-exceptions \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %oracle %s

#include <stddef.h>

@interface Failure {
  Class isa;
}
+ (id)alloc;
@end

void raise_failure(id Error) { @throw Error; }
// CHECK: objc-throw.m:[[@LINE-1]]:32: warning: '@throw' allocates the exception's header on the heap [noalloc-throw]

void relay(id Error) {
  @try {
    raise_failure(Error);
    // CHECK: objc-throw.m:[[@LINE-1]]:5: warning: call to 'raise_failure' may allocate on the heap [noalloc-call]
    // CHECK: objc-throw.m:[[@LINE-7]]:32: note: 'raise_failure' throws, which allocates the exception's header here
  } @catch (id Caught) {
    @throw;
    // CHECK: objc-throw.m:[[@LINE-1]]:5: warning: '@throw' allocates the exception's header on the heap [noalloc-throw]
  }
}

int present(id Error) { return Error != (id)0; }

int absorb(id Error) {
  @try {
    return present(Error);
  } @catch (id Caught) {
    return -1;
  }
}

#ifdef NOALLOC_ORACLE
#include "oracle.h"
id class_createInstance(Class, size_t);
@implementation Failure
+ (id)alloc { return class_createInstance(self, 0); }
@end
ORACLE_MAIN {
  id Error = [Failure alloc];
  ORACLE_ALLOCATES("@throw", raise_failure(Error));
  ORACLE_ALLOCATES("@throw and '@throw;' in its handler", relay(Error));
  @try {
    raise_failure(Error);
  } @catch (id Caught) {
    ORACLE_ALLOCATES("'@throw;' alone", @throw);
  }
  ORACLE_NO_HEAP("testing an object", present(Error));
  ORACLE_NO_HEAP("@try without a throw", absorb(Error));
}
#endif
