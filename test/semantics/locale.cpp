// A std::locale points to a reference-counted implementation, compiled
// into the libraries. The default constructor, a copy and a copy of
// classic() share one and use no heap (the process's first default locale
// included); a locale by name, one that takes categories from another
// locale, one that adds a facet, combine and global make one and allocate.
// The knowledge base says so member by member: it once called the whole
// type allocating, and every locale a false alarm. The destructor and the
// assignment release what their last reference held. name() copies the
// name into a std::string, long for a locale that mixes categories of
// different names, and libstdc++'s operator== compares two such locales by
// their names: 'may-allocate', accepted by default, counted by the strict
// policy. use_facet throws std::bad_cast for a missing facet. The
// constructions are placement news into the caller's buffer: a function
// that returns a locale or lets one go also reaches its destructor.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-std-type' %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=TEXT --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-std-type' %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefix=TEXT --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefixes=JSON,LENIENT
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefixes=JSON,LENIENT
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json \
// RUN:   --config="{CheckOptions: {Policy: strict}}" %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefixes=JSON,STRICT
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json \
// RUN:   --config="{CheckOptions: {Policy: strict}}" %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefixes=JSON,STRICT
// RUN: %oracle %s -- -std=c++17

#include <locale>
#include <new>
#include <string>

struct Tag : std::locale::facet {
  static std::locale::id id;
  Tag() : facet(1) {} // never deleted by a locale
};
std::locale::id Tag::id;
static Tag staticTag;

void makeNamed(void *Buf, const char *Name) { ::new (Buf) std::locale(Name); }
// TEXT: locale.cpp:[[@LINE-1]]:59: warning: construction of 'std::locale' allocates on the heap [noalloc-std-type]
void makeNamedString(void *Buf, const std::string &Name) {
  ::new (Buf) std::locale(Name);
}
// TEXT: locale.cpp:[[@LINE-2]]:15: warning: construction of 'std::locale' allocates on the heap [noalloc-std-type]
void makeMixed(void *Buf, const std::locale &A, const std::locale &B) {
  ::new (Buf) std::locale(A, B, std::locale::numeric);
}
// TEXT: locale.cpp:[[@LINE-2]]:15: warning: construction of 'std::locale' allocates on the heap [noalloc-std-type]
void makeWithFacet(void *Buf, const std::locale &A) {
  ::new (Buf) std::locale(A, &staticTag);
}
// TEXT: locale.cpp:[[@LINE-2]]:15: warning: construction of 'std::locale' allocates on the heap [noalloc-std-type]
std::locale combined(const std::locale &A, const std::locale &B) {
  return A.combine<std::numpunct<char>>(B);
}
// TEXT: locale.cpp:[[@LINE-2]]:12: warning: call to 'std::locale::combine<std::numpunct<char>>' may allocate on the heap [noalloc-call]
std::locale makeGlobal(const std::locale &L) { return std::locale::global(L); }
// TEXT: locale.cpp:[[@LINE-1]]:55: warning: call to 'std::locale::global' allocates on the heap [noalloc-std-type]
void destroy(std::locale &L) { L.~locale(); }
void assign(std::locale &To, const std::locale &From) { To = From; }
std::string nameOf(const std::locale &L) { return L.name(); }
// TEXT: locale.cpp:[[@LINE-1]]:51: warning: call to 'std::locale::name' returns 'std::string', which allocates on the heap [noalloc-std-type]
bool same(const std::locale &A, const std::locale &B) { return A == B; }
const Tag &tagOf(const std::locale &L) { return std::use_facet<Tag>(L); }
// TEXT: locale.cpp:[[@LINE-1]]:49: warning: call to 'std::use_facet<Tag>' may allocate only when it fails (throws 'std::bad_cast') [noalloc-call]

// Negative twins: a default locale, copies, classic(), has_facet.
void makeDefault(void *Buf) { ::new (Buf) std::locale(); }
void makeCopy(void *Buf, const std::locale &L) { ::new (Buf) std::locale(L); }
void makeClassic(void *Buf) { ::new (Buf) std::locale(std::locale::classic()); }
bool hasTag(const std::locale &L) { return std::has_facet<Tag>(L); }

// JSON: "name": "makeNamed",
// JSON-NEXT: "usr"
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "makeNamedString",
// JSON-NEXT: "usr"
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "makeMixed",
// JSON-NEXT: "usr"
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "makeWithFacet",
// JSON-NEXT: "usr"
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "combined",
// JSON-NEXT: "usr"
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "makeGlobal",
// JSON-NEXT: "usr"
// JSON-NEXT: "verdict": "allocates"
// JSON: "message": "'destroy' calls 'std::locale::~locale', which releases heap memory"
// JSON: "name": "destroy",
// JSON-NEXT: "usr"
// JSON-NEXT: "verdict": "releases"
// JSON: "message": "'assign' calls 'std::locale::operator=', which releases heap memory"
// JSON: "name": "assign",
// JSON-NEXT: "usr"
// JSON-NEXT: "verdict": "releases"
// STRICT: "message": "'nameOf' calls 'std::locale::name', which may allocate on the heap (the name of a locale
// JSON: "name": "nameOf",
// JSON-NEXT: "usr"
// LENIENT-NEXT: "verdict": "none"
// STRICT-NEXT: "verdict": "allocates"
// STRICT: "message": "'same' calls 'std::locale::operator==', which may allocate on the heap (libstdc++:
// JSON: "name": "same",
// JSON-NEXT: "usr"
// LENIENT-NEXT: "verdict": "none"
// STRICT-NEXT: "verdict": "allocates"
// JSON: "name": "tagOf",
// JSON-NEXT: "usr"
// JSON-NEXT: "verdict": "allocates-on-failure"
// JSON: "name": "makeDefault",
// JSON-NEXT: "usr"
// JSON-NEXT: "verdict": "none"
// JSON: "name": "makeCopy",
// JSON-NEXT: "usr"
// JSON-NEXT: "verdict": "none"
// JSON: "name": "makeClassic",
// JSON-NEXT: "usr"
// JSON-NEXT: "verdict": "none"
// JSON: "name": "hasTag",
// JSON-NEXT: "usr"
// JSON-NEXT: "verdict": "none"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  alignas(std::locale) unsigned char Buf[sizeof(std::locale)];
  // Before any other locale: the process's first default locale.
  ORACLE_NO_HEAP("std::locale()", makeDefault(Buf));
  std::locale Default;
  std::locale UTF8("C.UTF-8");
  ORACLE_ALLOCATES("std::locale(\"C.UTF-8\")", makeNamed(Buf, "C.UTF-8"));
  ORACLE_ALLOCATES("std::locale(\"\")", makeNamed(Buf, ""));
  std::string Name = "C.UTF-8";
  ORACLE_ALLOCATES("std::locale(std::string)", makeNamedString(Buf, Name));
  ORACLE_ALLOCATES("std::locale(locale, locale, numeric)",
                   makeMixed(Buf, Default, UTF8));
  ORACLE_ALLOCATES("std::locale(locale, Facet *)",
                   makeWithFacet(Buf, Default));
  ORACLE_ALLOCATES("std::locale::combine", combined(Default, UTF8));
  ORACLE_ALLOCATES("std::locale::global", makeGlobal(UTF8));
  ORACLE_NO_ALLOC("std::locale::global back", makeGlobal(Default));
  // The last reference to a named locale's implementation.
  std::locale *Last = ::new (Buf) std::locale("C.UTF-8");
  ORACLE_RELEASES("std::locale::~locale, last reference", destroy(*Last));
  std::locale Target("C.UTF-8");
  ORACLE_RELEASES("std::locale::operator=, last reference",
                  assign(Target, Default));
  std::locale Mixed1(Default, UTF8, std::locale::numeric);
  std::locale Mixed2(Default, UTF8, std::locale::numeric);
  std::locale Composite("LC_CTYPE=C.UTF-8;LC_NUMERIC=C;LC_TIME=C;LC_COLLATE=C;"
                        "LC_MONETARY=C;LC_MESSAGES=C;LC_PAPER=C;LC_NAME=C;"
                        "LC_ADDRESS=C;LC_TELEPHONE=C;LC_MEASUREMENT=C;"
                        "LC_IDENTIFICATION=C");
  ORACLE_ALLOCATES("std::locale::name, categories of different names",
                   nameOf(Composite));
  ORACLE_NO_HEAP("std::locale::name, one name", nameOf(UTF8));
#ifdef _LIBCPP_VERSION
  ORACLE_NO_HEAP("std::locale::operator==, by names", same(Mixed1, Mixed2));
#else
  ORACLE_ALLOCATES("std::locale::operator==, by names", same(Mixed1, Mixed2));
#endif
  ORACLE_NO_HEAP("std::locale::operator==, one implementation",
                 same(Default, Default));
  ORACLE_ALLOCATES("std::use_facet, missing facet", tagOf(Default));
  // Negative twins.
  ORACLE_NO_HEAP("std::locale(const locale &)", makeCopy(Buf, UTF8));
  ORACLE_NO_HEAP("std::locale(std::locale::classic())", makeClassic(Buf));
  ORACLE_NO_HEAP("std::has_facet", hasTag(Default));
  std::locale Shared(UTF8);
  ORACLE_NO_HEAP("std::locale::~locale, a shared implementation",
                 destroy(Shared));
}
#endif
