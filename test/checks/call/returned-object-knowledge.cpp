// A compiled library function that returns an object owning heap memory
// allocates it (test/semantics/library-returned-object.cpp measures the
// standard library's), unless the knowledge base answers for it: here a
// project's knowledge file says label::cached does not allocate. A
// compiled function that returns a pointer is no such object.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json \
// RUN:   --knowledge=%S/Inputs/returned-object.yaml %s -- -isystem %S/Inputs/returned-object \
// RUN:   | FileCheck %s
// Without the knowledge file, cached is like describe.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json \
// RUN:   %s -- -isystem %S/Inputs/returned-object | FileCheck %s --check-prefix=PLAIN

#include <label.h>

std::size_t described(int Code) { return label::describe(Code).size(); }
std::size_t cached(int Code) { return label::cached(Code).size(); }
const char *named(int Code) { return label::name(Code); }

// CHECK: "message": "'described' calls 'label::describe', which may allocate on the heap"
// CHECK: "name": "described",
// CHECK: "verdict": "allocates"
// CHECK: "name": "cached",
// CHECK: "verdict": "releases"
// CHECK: "name": "named",
// CHECK: "verdict": "none"

// PLAIN: "name": "described",
// PLAIN: "verdict": "allocates"
// PLAIN: "message": "'cached' calls 'label::cached', which may allocate on the heap"
// PLAIN: "name": "cached",
// PLAIN: "verdict": "allocates"
