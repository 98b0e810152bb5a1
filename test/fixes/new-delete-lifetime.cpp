// `new T` ... `delete p` as an automatic object `T p` is destroyed at the
// end of its block, not at the `delete`: the fix is offered only where
// nothing can tell the difference. The program prints every construction
// and destruction; it prints the same before and after --fix (the negative
// twins, fixed, would print otherwise: 'counted' would return 0, 'guarded'
// destroy 9 before 8, 'early' destroy 7 where it leaked it).
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/lifetime.cpp
// RUN: %clangxx -std=c++17 %s -o %t/before && %t/before > %t/before.txt
// RUN: %expect-exit 1 %noalloc --no-cache --checks='-*,noalloc-new-delete' --fix %t/lifetime.cpp -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=NOTES
// RUN: FileCheck %s --input-file=%t/lifetime.cpp --check-prefix=CHECK-FIXES
// RUN: %clangxx -std=c++17 %t/lifetime.cpp -o %t/after && %t/after > %t/after.txt
// RUN: %clangxx -std=c++17 -stdlib=libc++ -fsyntax-only %t/lifetime.cpp
// RUN: diff %t/before.txt %t/after.txt
// RUN: FileCheck %s --input-file=%t/after.txt --check-prefix=RUN-ORDER

#include <cstdio>

struct Trace {
  int id;
  explicit Trace(int i) : id(i) { std::printf("make %d\n", id); }
  ~Trace() { std::printf("destroy %d\n", id); }
  void touch() { std::printf("touch %d\n", id); }
};
struct Counter {
  int *destroyed;
  explicit Counter(int *d) : destroyed(d) {}
  ~Counter() { ++*destroyed; }
};
struct Plain {
  int id = 0;
};
void trace(const char *what) { std::printf("%s\n", what); }

// The delete is the block's last statement, or only a constant return,
// 'break' or 'continue' follow it: the fix.
void last() {
  Trace outer(1);
  Trace *t = new Trace(2);
  // NOTES: :[[@LINE-1]]:14: note: replace with an automatic object 'Trace t': it is deleted in the same function
  // CHECK-FIXES: {{^ *}}Trace t(2);
  t->touch();
  delete t;
}

int constantReturn() {
  Trace *t = new Trace(3);
  // NOTES: :[[@LINE-1]]:14: note: replace with an automatic object 'Trace t': it is deleted in the same function
  // CHECK-FIXES: {{^ *}}Trace t(3);
  t->touch();
  delete t;
  return 0;
}

void loop() {
  for (int i = 4; i < 6; ++i) {
    Trace *t = new Trace(i);
    // NOTES: :[[@LINE-1]]:16: note: replace with an automatic object 'Trace t': it is deleted in the same function
    // CHECK-FIXES: {{^ *}}Trace t(i);
    t->touch();
    delete t;
    continue;
  }
}

// Nothing to destroy: the statements after the delete cannot tell.
int plain() {
  Plain *p = new Plain;
  // NOTES: :[[@LINE-1]]:14: note: replace with an automatic object 'Plain p': it is deleted in the same function
  // CHECK-FIXES: {{^ *}}Plain p{};
  int id = p->id;
  delete p;
  trace("after plain");
  return id;
}

// Negative twins: each would run a destructor at another point.
int counted() {
  int destroyed = 0;
  Counter *c = new Counter(&destroyed);
  // NOTES: :[[@LINE-1]]:16: note: no fix: statements follow 'delete c' in its block: an automatic object would be destroyed after them, not before
  // CHECK-FIXES: {{^ *}}Counter *c = new Counter(&destroyed);
  delete c;
  return destroyed;
}

void afterDelete() {
  Trace *t = new Trace(6);
  // NOTES: :[[@LINE-1]]:14: note: no fix: statements follow 'delete t' in its block: an automatic object would be destroyed after them, not before
  t->touch();
  delete t;
  trace("after 6");
}

void nested(bool touch) {
  Trace *t = new Trace(10);
  // NOTES: :[[@LINE-1]]:14: note: no fix: 'delete t' is not a statement of the block that declares 't': an automatic object would be destroyed at the end of that block instead
  if (touch) {
    t->touch();
    delete t;
    return;
  }
  trace("kept 10");
}

int early(bool fail) {
  Trace *t = new Trace(7);
  // NOTES: :[[@LINE-1]]:14: note: no fix: a 'return' may leave the block of 't' before 'delete t': an automatic object would be destroyed there too
  if (fail)
    return -1;
  delete t;
  return 0;
}

void guarded() {
  Trace *t = new Trace(8);
  // NOTES: :[[@LINE-1]]:14: note: no fix: 'guard' is declared after 't': an automatic object 't' would be destroyed after it, not before
  Trace guard(9);
  delete t;
}

int main() {
  last();
  constantReturn();
  loop();
  plain();
  std::printf("counted %d\n", counted());
  afterDelete();
  nested(true);
  nested(false);
  early(true);
  early(false);
  guarded();
}
// RUN-ORDER: counted 1
// RUN-ORDER: make 8
// RUN-ORDER-NEXT: make 9
// RUN-ORDER-NEXT: destroy 8
// RUN-ORDER-NEXT: destroy 9
