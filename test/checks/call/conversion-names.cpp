// RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-call' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:' --implicit-check-not=type-parameter
// RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-call' %s \
// RUN:   --config="{CheckOptions: {noalloc-call.Roots: 'take;plain'}}" -- -std=c++17 2>&1 >/dev/null \
// RUN:   | FileCheck %s --check-prefix=ROOTS --implicit-check-not=type-parameter
// The same names through clang-tidy and the plugin:
// RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-call' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:' --implicit-check-not=type-parameter

// A conversion template's specialization is named by the type it converts
// to ('operator Box<long>'), as for a plain conversion ('operator int').
// Before, the template's pattern named it by clang's placeholders:
// 'Holder<int>::operator Box<type-parameter-0-0>'.

extern "C" void *malloc(decltype(sizeof 0));

template <typename T> struct Box {
  T *p;
};

template <typename A> struct Holder {
  A a;
  template <typename U> operator Box<U>() const {
    return {static_cast<U *>(malloc(sizeof(U)))};
  }
  operator int() const { return malloc(sizeof(A)) != nullptr; }
};

Box<long> take(const Holder<int> &h) { return h; }
int plain(const Holder<int> &h) { return h; }

// CHECK-DAG: conversion-names.cpp:24:30: warning: call to 'malloc' may allocate on the heap [noalloc-call]
// CHECK-DAG: conversion-names.cpp:24:30: note: 'malloc' allocates on the heap
// CHECK-DAG: conversion-names.cpp:26:33: warning: call to 'malloc' may allocate on the heap [noalloc-call]
// CHECK-DAG: conversion-names.cpp:26:33: note: 'malloc' allocates on the heap
// CHECK-DAG: conversion-names.cpp:29:47: warning: call to 'Holder<int>::operator Box<long>' may allocate on the heap [noalloc-call]
// CHECK-DAG: conversion-names.cpp:24:30: note: 'Holder<int>::operator Box<long>' calls 'malloc', which allocates on the heap
// CHECK-DAG: conversion-names.cpp:30:42: warning: call to 'Holder<int>::operator int' may allocate on the heap [noalloc-call]
// CHECK-DAG: conversion-names.cpp:26:33: note: 'Holder<int>::operator int' calls 'malloc', which allocates on the heap
// ROOTS-DAG: root 'take' may allocate: 'take' -> 'Holder<int>::operator Box<long>' calls 'malloc'
// ROOTS-DAG: root 'plain' may allocate: 'plain' -> 'Holder<int>::operator int' calls 'malloc'
