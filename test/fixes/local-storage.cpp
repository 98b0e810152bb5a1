// Heap objects that never leave their function move to automatic storage:
// malloc(N) freed in the same function becomes a local array, make_unique
// used only through ->, * and get() becomes an automatic object (AUTOSAR
// C++14 A18-5-8). Applied and compiled with libstdc++ and libc++.
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/local.cpp
// RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-c-allocation,noalloc-std-type' --fix %t/local.cpp -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=NOTES
// RUN: FileCheck %s --input-file=%t/local.cpp --check-prefix=CHECK-FIXES
// RUN: %clangxx -std=c++17 -fsyntax-only %t/local.cpp
// RUN: %clangxx -std=c++17 -stdlib=libc++ -fsyntax-only %t/local.cpp
// RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-c-allocation,noalloc-std-type' %t/local.cpp -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=AGAIN
// AGAIN-NOT: {{'buffer'|'table'|'motor'}}
// AGAIN: call to 'malloc' allocates on the heap
// AGAIN: call to 'malloc' allocates on the heap
// AGAIN: call to 'std::make_unique' allocates on the heap

#include <cstdlib>
#include <cstring>
#include <memory>

struct Motor {
  int speed = 0;
  void start() { speed = 1; }
};

int scratch(const char *in) {
  char *buffer = static_cast<char *>(std::malloc(64));
  // NOTES: :[[@LINE-1]]:38: note: replace with a local array 'char buffer_storage[64]': it is freed in the same function
  // CHECK-FIXES: {{^ *}}char buffer_storage[64];
  // CHECK-FIXES-NEXT: {{^ *}}char *buffer = buffer_storage;
  if (!buffer)
    return -1;
  std::strncpy(buffer, in, 63);
  int first = buffer[0];
  std::free(buffer);
  // CHECK-FIXES: {{^ *}}int first = buffer[0];
  // CHECK-FIXES-NEXT: {{^  // CHECK-FIXES: }}
  return first;
}

int zeroed() {
  int *table = static_cast<int *>(std::calloc(16, sizeof(int)));
  // NOTES: :[[@LINE-1]]:35: note: replace with a local array 'int table_storage[16]': it is freed in the same function
  // CHECK-FIXES: {{^ *}}int table_storage[16]{};
  // CHECK-FIXES-NEXT: {{^ *}}int *table = table_storage;
  int value = table[3];
  free(table);
  return value;
}

int drive() {
  auto motor = std::make_unique<Motor>();
  // NOTES: :[[@LINE-1]]:16: note: replace with an automatic object 'Motor motor': it never leaves the function
  // CHECK-FIXES: {{^ *}}Motor motor{};
  motor->start();
  // CHECK-FIXES: {{^ *}}motor.start();
  Motor &alias = *motor;
  // CHECK-FIXES: {{^ *}}Motor &alias = motor;
  Motor *raw = motor.get();
  // CHECK-FIXES: {{^ *}}Motor *raw = &motor;
  return alias.speed + raw->speed;
}

// Negative twins: the memory or the object leaves the function, or is too
// large for the stack.
int *kept() {
  int *p = static_cast<int *>(std::malloc(16));
  // CHECK-FIXES: {{^ *}}int *p = static_cast<int *>(std::malloc(16));
  return p;
}
char *huge() {
  char *big = static_cast<char *>(std::malloc(1 << 20));
  // NOTES: :[[@LINE-1]]:35: note: no fix: 1048576 bytes are more than StackLimit (4096) allows on the stack
  std::free(big);
  return nullptr;
}
std::unique_ptr<Motor> handed() {
  auto motor = std::make_unique<Motor>();
  // NOTES: :[[@LINE-1]]:16: note: no fix: 'motor' is used as an owner (moved, reset, released, passed or returned)
  // CHECK-FIXES: {{^ *}}auto motor = std::make_unique<Motor>();
  return motor;
}
