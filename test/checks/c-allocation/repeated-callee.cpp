// The checks that match calls by their callee (noalloc-c-allocation,
// noalloc-new-delete, noalloc-std-type) decide once per function and keep
// the answer (utils/CalleeOnce.h): the second call of each function is
// answered from it and is reported as the first is; a function that is not
// the library's is not, at either call (its negative twin).
// RUN: %expect-exit 1 %noalloc %s -- -std=c++17 | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-*' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

#include <cstdlib>
#include <new>
#include <string>

namespace mine {
void *malloc(std::size_t n) { return n ? nullptr : nullptr; }
} // namespace mine

void *first() { return std::malloc(4); }
// CHECK: repeated-callee.cpp:[[@LINE-1]]:24: warning: call to 'malloc' allocates on the heap [noalloc-c-allocation]
void *second() { return std::malloc(8); }
// CHECK: repeated-callee.cpp:[[@LINE-1]]:25: warning: call to 'malloc' allocates on the heap [noalloc-c-allocation]
void *ownFirst() { return mine::malloc(4); }
void *ownSecond() { return mine::malloc(8); }
void *rawFirst() { return ::operator new(4); }
// CHECK: repeated-callee.cpp:[[@LINE-1]]:27: warning: call to 'operator new' allocates on the heap [noalloc-new-delete]
void *rawSecond() { return ::operator new(8); }
// CHECK: repeated-callee.cpp:[[@LINE-1]]:28: warning: call to 'operator new' allocates on the heap [noalloc-new-delete]
std::string textFirst() { return std::to_string(1); }
// CHECK: repeated-callee.cpp:[[@LINE-1]]:34: warning: call to 'std::to_string' returns 'std::string', which allocates on the heap [noalloc-std-type]
std::string textSecond() { return std::to_string(2); }
// CHECK: repeated-callee.cpp:[[@LINE-1]]:35: warning: call to 'std::to_string' returns 'std::string', which allocates on the heap [noalloc-std-type]
