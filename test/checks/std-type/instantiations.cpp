// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-std-type' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-std-type' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
//
// Code in template instantiations is the template's: reported where the
// template is written, once, and not again for each instantiation. A
// statement an instantiation shares with its template counts as
// instantiated (clang's isInTemplateInstantiation): the default argument
// of withDefault, which an instantiation's call uses.

#include <string>

void takes(const std::string &);

// A construction the template spells out: reported once, whether an
// instantiation copies it or not.
template <typename T> void nonDependent(T) { takes(std::string("a")); }
// CHECK: instantiations.cpp:[[@LINE-1]]:52: warning: construction of 'std::string' allocates on the heap [noalloc-std-type]
void callsNonDependent() { nonDependent(1); }
template <typename T> void neverInstantiated(T) { takes(std::string("b")); }
// CHECK: instantiations.cpp:[[@LINE-1]]:57: warning: construction of 'std::string' allocates on the heap [noalloc-std-type]

// A dependent one: the template has none yet, the instantiation's is
// not reported (the argument of the call is).
template <typename T> void dependent(T) { takes(T("c")); }
void callsDependent() { dependent(std::string()); }
// CHECK: instantiations.cpp:[[@LINE-1]]:35: warning: construction of 'std::string' allocates on the heap [noalloc-std-type]

// Members of class templates.
template <typename T> struct Box {
  void fill() { takes(std::string("d")); }
// CHECK: instantiations.cpp:[[@LINE-1]]:23: warning: construction of 'std::string' allocates on the heap [noalloc-std-type]
  void fillLater();
};
template <typename T> void Box<T>::fillLater() { takes(std::string("e")); }
// CHECK: instantiations.cpp:[[@LINE-1]]:56: warning: construction of 'std::string' allocates on the heap [noalloc-std-type]
void usesBox() {
  Box<int> B;
  B.fill();
  B.fillLater();
}
template <typename T> struct Unused {
  void fill() { takes(std::string("f")); }
// CHECK: instantiations.cpp:[[@LINE-1]]:23: warning: construction of 'std::string' allocates on the heap [noalloc-std-type]
};

// Generic lambdas: their call operator is a template.
void lambdas() {
  auto Called = [](auto) { takes(std::string("g")); };
// CHECK: instantiations.cpp:[[@LINE-1]]:34: warning: construction of 'std::string' allocates on the heap [noalloc-std-type]
  Called(1);
  auto NotCalled = [](auto) { takes(std::string("h")); };
// CHECK: instantiations.cpp:[[@LINE-1]]:37: warning: construction of 'std::string' allocates on the heap [noalloc-std-type]
  (void)NotCalled;
  auto Plain = [] { takes(std::string("i")); };
// CHECK: instantiations.cpp:[[@LINE-1]]:27: warning: construction of 'std::string' allocates on the heap [noalloc-std-type]
  Plain();
}

// A default argument used by an instantiation, and one that is not.
void withDefault(const std::string &S = std::string("j"));
template <typename T> void callsDefault(T) { withDefault(); }
void instantiatesDefault() { callsDefault(1); }
void withOtherDefault(const std::string &S = std::string("k"));
// CHECK: instantiations.cpp:[[@LINE-1]]:46: warning: construction of 'std::string' allocates on the heap [noalloc-std-type]
void callsOtherDefault() { withOtherDefault(); }

// Explicit instantiation definitions and declarations: the template's
// code is reported, not the instantiated T("m") and T("n").
template <typename T> struct Explicit {
  void fill() { takes(std::string("l")); T t = T("m"); (void)t; }
// CHECK: instantiations.cpp:[[@LINE-1]]:23: warning: construction of 'std::string' allocates on the heap [noalloc-std-type]
};
template struct Explicit<std::string>;
template <typename T> struct Declared {
  void fill() { T t = T("n"); (void)t; }
};
extern template struct Declared<std::string>;
void usesDeclared() { Declared<std::string>().fill(); }
