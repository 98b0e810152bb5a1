// A compiled function that returns an object owning heap memory allocates
// it when the library is one noalloc knows (test/semantics/
// library-returned-object.cpp measures the standard library's). This one is
// a vendor's, reached through -isystem: its compiled functions are as
// unseen as user code no analysed file defines, whatever they return,
// unless the knowledge base answers for them: here a project's knowledge
// file says label::cached does not allocate (what remains is the returned
// string's destruction).
// RUN: %expect-exit 0 %noalloc --checks='-*,noalloc-call' --format=json \
// RUN:   --knowledge=%S/Inputs/returned-object.yaml %s -- -isystem %S/Inputs/returned-object \
// RUN:   | FileCheck %s
// Without the knowledge file, cached is like describe.
// RUN: %expect-exit 0 %noalloc --checks='-*,noalloc-call' --format=json \
// RUN:   %s -- -isystem %S/Inputs/returned-object | FileCheck %s --check-prefix=PLAIN

#include <label.h>

std::size_t described(int Code) { return label::describe(Code).size(); }
std::size_t cached(int Code) { return label::cached(Code).size(); }
const char *named(int Code) { return label::name(Code); }

// CHECK: "message": "'described' calls 'label::describe', which is defined in no analysed file"
// CHECK: "name": "described",
// CHECK: "verdict": "unknown"
// CHECK: "name": "cached",
// CHECK: "verdict": "releases"
// CHECK: "message": "'named' calls 'label::name', which is defined in no analysed file"
// CHECK: "name": "named",
// CHECK: "verdict": "unknown"

// PLAIN: "name": "described",
// PLAIN: "verdict": "unknown"
// PLAIN: "message": "'cached' calls 'label::cached', which is defined in no analysed file"
// PLAIN: "name": "cached",
// PLAIN: "verdict": "unknown"
