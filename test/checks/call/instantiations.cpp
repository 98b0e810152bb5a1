// One warning per location: a template's instantiations share their
// calls' locations, and a header's code is shared by every unit that
// includes it.
// RUN: %expect-exit 1 %noalloc %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-*' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// Each instantiation is judged on its own: only 'grow<Heavy>' reaches the heap
// through 'Heavy::make', and the finding names that instantiation.
// RUN: %expect-exit 1 %noalloc --format=json %s -- -std=c++17 | %python -c "import json,sys; print(sorted((f['name'], f['verdict']) for f in json.load(sys.stdin)['functions'] if f['name'].startswith('grow')))" | FileCheck %s --check-prefix=VERDICTS
// VERDICTS: [('grow<Heavy>', 'allocates'), ('grow<Light>', 'none')]

int *allocate() { return new int(1); }

template <typename T> int twice() { return *allocate() * 2; }

int useTwice() { return twice<int>() + twice<long>() + twice<char>(); }

struct Heavy {
  static int make() { return *allocate(); }
};
struct Light {
  static int make() { return 1; }
};
template <typename T> int grow() { return T::make(); }
int useGrow() { return grow<Heavy>() + grow<Light>(); }

// CHECK: instantiations.cpp:13:26: warning: 'new' allocates on the heap [noalloc-new-delete]
// CHECK: instantiations.cpp:15:45: warning: call to 'allocate' may allocate on the heap [noalloc-call]
// CHECK: instantiations.cpp:13:26: note: 'allocate' allocates with 'new' here
// CHECK: instantiations.cpp:17:25: warning: call to 'twice<int>' may allocate on the heap [noalloc-call]
// CHECK: instantiations.cpp:15:45: note: 'twice<int>' calls 'allocate'
// CHECK: instantiations.cpp:13:26: note: 'allocate' allocates with 'new' here
// CHECK: instantiations.cpp:17:40: note: and 2 more calls in 'useTwice' that may use the heap
// CHECK: instantiations.cpp:20:31: warning: call to 'allocate' may allocate on the heap [noalloc-call]
// CHECK: instantiations.cpp:13:26: note: 'allocate' allocates with 'new' here
// CHECK: instantiations.cpp:25:43: warning: call to 'Heavy::make' may allocate on the heap [noalloc-call]
// CHECK: instantiations.cpp:20:31: note: 'Heavy::make' calls 'allocate'
// CHECK: instantiations.cpp:13:26: note: 'allocate' allocates with 'new' here
// CHECK: instantiations.cpp:26:24: warning: call to 'grow<Heavy>' may allocate on the heap [noalloc-call]
// CHECK: instantiations.cpp:25:43: note: 'grow<Heavy>' calls 'Heavy::make'
// CHECK: instantiations.cpp:20:31: note: 'Heavy::make' calls 'allocate'
// CHECK: instantiations.cpp:13:26: note: 'allocate' allocates with 'new' here
