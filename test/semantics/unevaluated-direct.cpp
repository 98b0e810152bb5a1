// What never runs at run time uses no heap then: the direct checks skip
// unevaluated operands (decltype, sizeof, noexcept, typeid of a
// non-polymorphic operand, requires), constant expressions (static_assert,
// a template argument, an array bound, a constexpr variable's initializer)
// and consteval functions, as the fact extractor does. Each has a twin that
// runs at run time and is reported.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-new-delete,noalloc-std-type,noalloc-c-allocation,noalloc-throw' %s -- -std=c++20 -Wno-vla-cxx-extension \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s -- -std=c++20

#include <cstdlib>
#include <memory>
#include <string>
#include <typeinfo>
#include <vector>

#define LONG_TEXT "a string longer than any small-string buffer"

using Handle = decltype(std::make_shared<int>(0));
// CHECK: unevaluated-direct.cpp:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'std::make_shared' {{.*}}[noalloc-std-type]
Handle made() { return std::make_shared<int>(0); }

consteval int twice(int X) {
  int *P = new int(X);
  int R = 2 * *P;
  delete P;
  return R;
}
consteval std::size_t words() {
  std::vector<int> V{1, 2, 3};
  return V.size();
}
int use_consteval() { return twice(21) + (int)words(); }
// CHECK: unevaluated-direct.cpp:[[@LINE+3]]:{{[0-9]+}}: warning: 'new' allocates on the heap [noalloc-new-delete]
// CHECK: unevaluated-direct.cpp:[[@LINE+4]]:{{[0-9]+}}: warning: 'delete' releases heap memory [noalloc-new-delete]
constexpr int twiceAtRunTime(int X) {
  int *P = new int(X);
  int R = 2 * *P;
  delete P;
  return R;
}
int use_constexpr(int X) { return twiceAtRunTime(X); }

consteval int positive(int X) {
  if (X < 0)
    throw X;
  return X;
}
constexpr int positiveAtRunTime(int X) {
  if (X < 0)
    // CHECK: unevaluated-direct.cpp:[[@LINE+1]]:{{[0-9]+}}: warning: 'throw' allocates {{.*}}[noalloc-throw]
    throw X;
  return X;
}
int use_positive(int X) { return positive(1) + positiveAtRunTime(X); }

int use_sizeof() { return (int)sizeof(std::string(LONG_TEXT)); }
bool use_noexcept() { return noexcept(std::string(100, 'x')); }
const char *use_typeid() { return typeid(std::string(LONG_TEXT)).name(); }
bool use_requires() { return requires { new int; }; }
std::size_t use_c_sizeof() { return sizeof(std::malloc(4)); }
// CHECK: unevaluated-direct.cpp:[[@LINE+1]]:{{[0-9]+}}: warning: construction of 'std::string' {{.*}}[noalloc-std-type]
int run_sizeof() { return (int)std::string(LONG_TEXT).size(); }
// CHECK: unevaluated-direct.cpp:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'malloc' {{.*}}[noalloc-c-allocation]
void *run_malloc() { return std::malloc(4); }

struct Poly {
  virtual ~Poly() = default;
};
// typeid of a polymorphic glvalue evaluates it.
// CHECK: unevaluated-direct.cpp:[[@LINE+2]]:{{[0-9]+}}: warning: 'new' allocates on the heap [noalloc-new-delete]
const char *run_typeid(std::unique_ptr<Poly> &Keep) {
  return typeid(*(Keep = std::unique_ptr<Poly>(new Poly))).name();
}

template <class T> int checked() {
  static_assert(sizeof(new T) == sizeof(T *));
  return 0;
}
int inst() { return checked<int>(); }
// A constant expression allocates only what it releases.
template <int N> int sized() { return N; }
int use_constant_expressions() {
  char Buffer[(delete new int(8), 8)];
  constexpr int Length = (delete new int(8), 8);
  constexpr std::size_t Text = std::string(LONG_TEXT).size();
  return sized<(delete new int(8), 8)>() + (int)sizeof Buffer + Length +
         (int)Text;
}
// The bound of a variable-length array runs, a variable's initializer too.
int run_bound(int N) {
  // CHECK: unevaluated-direct.cpp:[[@LINE+2]]:{{[0-9]+}}: warning: 'delete' releases heap memory [noalloc-new-delete]
  // CHECK: unevaluated-direct.cpp:[[@LINE+1]]:{{[0-9]+}}: warning: 'new' allocates on the heap [noalloc-new-delete]
  char Buffer[(delete new int(N), N)];
  // CHECK: unevaluated-direct.cpp:[[@LINE+1]]:{{[0-9]+}}: warning: construction of 'std::string' {{.*}}[noalloc-std-type]
  std::size_t Length = std::string(LONG_TEXT).size();
  return (int)sizeof Buffer + (int)Length;
}


#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  std::unique_ptr<Poly> Keep;
  ORACLE_NO_HEAP("decltype", (void)sizeof(Handle));
  ORACLE_ALLOCATES("std::make_shared at run time", made());
  ORACLE_NO_HEAP("consteval functions", use_consteval());
  ORACLE_ALLOCATES("the constexpr twin at run time", use_constexpr(2));
  ORACLE_NO_HEAP("a consteval throw", use_positive(1));
  ORACLE_ALLOCATES("the constexpr throw at run time", use_positive(-1));
  ORACLE_NO_HEAP("sizeof", use_sizeof());
  ORACLE_NO_HEAP("noexcept", use_noexcept());
  ORACLE_NO_HEAP("typeid of a non-polymorphic operand", use_typeid());
  ORACLE_NO_HEAP("requires", use_requires());
  ORACLE_NO_HEAP("sizeof of a malloc call", use_c_sizeof());
  ORACLE_ALLOCATES("std::string at run time", run_sizeof());
  ORACLE_ALLOCATES("malloc at run time", std::free(run_malloc()));
  ORACLE_ALLOCATES("typeid of a polymorphic operand", run_typeid(Keep));
  ORACLE_NO_HEAP("static_assert", inst());
  ORACLE_NO_HEAP("template argument, array bound, constexpr variables",
                 use_constant_expressions());
  ORACLE_ALLOCATES("a variable-length array's bound", run_bound(8));
}
#endif
