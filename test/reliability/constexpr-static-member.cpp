// Before C++17 a constexpr static data member of a class template is
// defined out of line in the template ('template <class T, T v> constexpr
// T integral_constant<T, v>::value;'): that definition's value depends on
// the template's arguments. The extractor, which reads the functions a
// system header's constant points to, evaluated it and crashed clang on
// every unit of nlohmann/json's C++11 tests (libstdc++'s __copy_m
// static_asserts is_copy_assignable<T>::value). It now reads the
// initializer of the specialization's own declaration. The twin: C++17,
// where the member is an inline variable.
// RUN: %expect-exit 0 %noalloc --no-cache %s -- -std=c++11 2>&1 | FileCheck %s
// RUN: %expect-exit 0 %noalloc --no-cache %s -- -std=c++17 2>&1 | FileCheck %s
// RUN: %expect-exit 0 %noalloc --no-cache %s -- -std=c++11 -stdlib=libc++ 2>&1 | FileCheck %s
// CHECK-NOT: crashed
// CHECK: noalloc: 0 findings in 1 file

#include <type_traits>

template <typename T> int copyable() {
  static_assert(std::is_copy_assignable<T>::value, "copyable");
  return std::is_trivial<T>::value ? 1 : 2;
}
int use() { return copyable<int>(); }
