// abi::__cxa_demangle mallocs the demangled name when the output buffer is
// null, reallocs the caller's buffer when it is too small, and libstdc++'s
// demangler mallocs a scratch string even into a buffer large enough
// (libc++: 0 then; not witnessed here). It was in no knowledge file, so the
// lenient default took it as allocation-free (review6 #4). The twin prints
// the mangled name.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-c-allocation' --format=json %s -- \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-c-allocation' %s -- \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s --
#include <cstdlib>
#include <cstring>
#include <cxxabi.h>
#include <typeinfo>

static char Name[128];
struct Widget {};

// JSON: "name": "demangleInto",
// JSON: "verdict": "allocates"
int demangleInto(const std::type_info &Type) {
  int Status = 0;
  // CHECK: cxa-demangle.cpp:[[@LINE+1]]:{{[0-9]+}}: warning: call to '__cxxabiv1::__cxa_demangle' allocates on the heap [noalloc-c-allocation]
  char *S = abi::__cxa_demangle(Type.name(), nullptr, nullptr, &Status);
  if (S)
    std::strncpy(Name, S, sizeof Name - 1);
  // CHECK: cxa-demangle.cpp:[[@LINE+1]]:{{[0-9]+}}: warning: call to 'free' releases heap memory [noalloc-c-allocation]
  std::free(S);
  return Status;
}

static char *Buffer;
static std::size_t Length;
// JSON: "name": "demangleReusing",
// JSON: "verdict": "allocates"
int demangleReusing(const std::type_info &Type) {
  int Status = 0;
  // CHECK: cxa-demangle.cpp:[[@LINE+1]]:{{[0-9]+}}: warning: call to '__cxxabiv1::__cxa_demangle' allocates on the heap [noalloc-c-allocation]
  char *S = abi::__cxa_demangle(Type.name(), Buffer, &Length, &Status);
  if (S)
    Buffer = S;
  return Status;
}

// JSON: "name": "mangledInto",
// JSON: "verdict": "none"
void mangledInto(const std::type_info &Type) {
  std::strncpy(Name, Type.name(), sizeof Name - 1);
}

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  ORACLE_ALLOCATES("a null buffer", demangleInto(typeid(Widget)));
  Buffer = static_cast<char *>(std::malloc(2));
  Length = 2;
  ORACLE_ALLOCATES("a buffer too small", demangleReusing(typeid(Widget)));
  std::free(Buffer);
  ORACLE_NO_HEAP("the mangled name", mangledInto(typeid(Widget)));
}
#endif
