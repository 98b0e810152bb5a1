// std::optional and std::variant hold their element in a union: making
// one (from a value, in place, by make_optional, emplace, a copy of the
// wrapper, the default alternative) runs the element's constructor. With
// an element whose constructors allocate, every one allocates; with an
// element whose constructors do not (Plain), none does, with libstdc++
// and libc++ alike. (libc++ copies a variant through std::visit's
// constexpr dispatch table: test/semantics/constexpr-dispatch.cpp.)
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json \
// RUN:   --config="{CheckOptions: {FailurePaths: accept}}" %s -- -std=c++20 \
// RUN:   | FileCheck %s
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json \
// RUN:   --config="{CheckOptions: {FailurePaths: accept}}" %s -- -std=c++20 -stdlib=libc++ \
// RUN:   | FileCheck %s
// RUN: %oracle %s -- -std=c++20

#include <cstdlib>
#include <optional>
#include <utility>
#include <variant>

struct Config {
  Config() { std::free(std::malloc(8)); }
  Config(int) { std::free(std::malloc(8)); }
  Config(const Config &) { std::free(std::malloc(8)); }
};
struct Plain {
  Plain() {}
  Plain(int) {}
  Plain(const Plain &) {}
};

template <class T> void fromValue(const T &V) { std::optional<T> O(V); }
template <class T> void inPlace() { std::optional<T> O(std::in_place, 1); }
template <class T> void helper() { auto O = std::make_optional<T>(1); }
template <class T> void emplace(std::optional<T> &O) { O.emplace(1); }
template <class T> void copyOptional(const std::optional<T> &O) {
  std::optional<T> P(O);
}
template <class T> void variantFromValue(const T &V) {
  std::variant<T, int> W(V);
}
template <class T> void variantDefault() { std::variant<T, int> W; }
template <class T> void variantInPlace() {
  std::variant<int, T> W(std::in_place_type<T>, 1);
}
template <class T> void variantCopy(const std::variant<int, T> &V) {
  std::variant<int, T> W(V);
}

void allocating(std::optional<Config> &O, const std::variant<int, Config> &V) {
  fromValue(Config(1));
  inPlace<Config>();
  helper<Config>();
  emplace(O);
  copyOptional(O);
  variantFromValue(Config(1));
  variantDefault<Config>();
  variantInPlace<Config>();
  variantCopy(V);
}
void plain(std::optional<Plain> &O, const std::variant<int, Plain> &V) {
  fromValue(Plain(1));
  inPlace<Plain>();
  helper<Plain>();
  emplace(O);
  copyOptional(O);
  variantFromValue(Plain(1));
  variantDefault<Plain>();
  variantInPlace<Plain>();
  variantCopy(V);
}

// CHECK: "name": "fromValue<Config>",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "fromValue<Plain>",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "inPlace<Config>",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "inPlace<Plain>",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "helper<Config>",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "helper<Plain>",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "emplace<Config>",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "emplace<Plain>",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "copyOptional<Config>",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "copyOptional<Plain>",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "variantFromValue<Config>",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "variantFromValue<Plain>",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "variantDefault<Config>",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "variantDefault<Plain>",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "variantInPlace<Config>",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "variantInPlace<Plain>",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "variantCopy<Config>",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "variantCopy<Plain>",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "allocating",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "plain",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  Config C;
  Plain P;
  std::optional<Config> OC(std::in_place);
  std::optional<Plain> OP(std::in_place);
  std::variant<int, Config> VC(std::in_place_index<1>);
  std::variant<int, Plain> VP(std::in_place_index<1>);
  ORACLE_ALLOCATES("optional from a value", fromValue(C));
  ORACLE_ALLOCATES("optional in place", inPlace<Config>());
  ORACLE_ALLOCATES("make_optional", helper<Config>());
  ORACLE_ALLOCATES("optional::emplace", emplace(OC));
  ORACLE_ALLOCATES("optional copy", copyOptional(OC));
  ORACLE_ALLOCATES("variant from a value", variantFromValue(C));
  ORACLE_ALLOCATES("variant default", variantDefault<Config>());
  ORACLE_ALLOCATES("variant in place", variantInPlace<Config>());
  ORACLE_ALLOCATES("variant copy", variantCopy(VC));
  ORACLE_NO_HEAP("optional from a value, plain", fromValue(P));
  ORACLE_NO_HEAP("optional in place, plain", inPlace<Plain>());
  ORACLE_NO_HEAP("make_optional, plain", helper<Plain>());
  ORACLE_NO_HEAP("optional::emplace, plain", emplace(OP));
  ORACLE_NO_HEAP("optional copy, plain", copyOptional(OP));
  ORACLE_NO_HEAP("variant from a value, plain", variantFromValue(P));
  ORACLE_NO_HEAP("variant default, plain", variantDefault<Plain>());
  ORACLE_NO_HEAP("variant in place, plain", variantInPlace<Plain>());
  ORACLE_NO_HEAP("variant copy, plain", variantCopy(VP));
}
#endif
