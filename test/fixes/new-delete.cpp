// `new T` deleted in the same function becomes an automatic object (AUTOSAR
// C++14 A18-5-8): `->` becomes `.`, `*p` becomes `p`, a pointer argument
// becomes `&p`, the delete goes. Applied and compiled (libstdc++, libc++).
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/new.cpp
// RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-new-delete' --fix %t/new.cpp -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=NOTES
// RUN: FileCheck %s --input-file=%t/new.cpp --check-prefix=CHECK-FIXES
// RUN: %clangxx -std=c++17 -fsyntax-only %t/new.cpp
// RUN: %clangxx -std=c++17 -stdlib=libc++ -fsyntax-only %t/new.cpp
// RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-new-delete' %t/new.cpp -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=AGAIN --implicit-check-not=warning:
// AGAIN: warning: 'new' allocates on the heap
// AGAIN: warning: 'new' allocates on the heap
// AGAIN: warning: 'delete' releases heap memory

struct Sensor {
  int id = 0;
  Sensor() = default;
  explicit Sensor(int i) : id(i) {}
  void reset() { id = 0; }
};
void calibrate(Sensor *s);

int sample() {
  Sensor *s = new Sensor(3);
  // NOTES: :[[@LINE-1]]:15: note: replace with an automatic object 'Sensor s': it is deleted in the same function
  // CHECK-FIXES: {{^ *}}Sensor s(3);
  s->reset();
  // CHECK-FIXES: {{^ *}}s.reset();
  calibrate(s);
  // CHECK-FIXES: {{^ *}}calibrate(&s);
  int v = (*s).id;
  // CHECK-FIXES: {{^ *}}int v = (s).id;
  delete s;
  // CHECK-FIXES-NEXT: {{^  // CHECK-FIXES: }}
  return v;
}

// A delete that is the whole body of an if leaves an empty block: removed,
// it would leave the else without its if.
int branchy(int v) {
  Sensor *p = new Sensor(v);
  // NOTES: :[[@LINE-1]]:15: note: replace with an automatic object 'Sensor p': it is deleted in the same function
  int r = p->id;
  if (v > 100)
    delete p;
  // CHECK-FIXES: {{^ *}}if (v > 100)
  // CHECK-FIXES-NEXT: {{^    \{\}$}}
  else
    r = -r;
  return r;
}

// Negative twins: the pointer outlives the function, or the object is too
// large for the stack.
Sensor *leaks() {
  Sensor *k = new Sensor(1);
  // NOTES: :[[@LINE-1]]:15: note: no fix: 'k' is used as a pointer of its own (compared, assigned, returned or stored)
  // CHECK-FIXES: {{^ *}}Sensor *k = new Sensor(1);
  return k;
}
struct Big {
  char bytes[1 << 16];
};
int big() {
  Big *b = new Big;
  // NOTES: :[[@LINE-1]]:12: note: no fix: 'Big' takes 65536 bytes, more than StackLimit (4096) allows on the stack
  int first = b->bytes[0];
  delete b;
  return first;
}
