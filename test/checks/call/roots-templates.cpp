// A root pattern without template arguments names every instantiation of
// a function template (review9: 'Roots: step' matched nothing, with only a
// warning, and the run went on unscoped). With them, it names the ones it
// matches. The twins: a template that uses no heap is answered clean, and
// a pattern that names nothing still warns.
// RUN: %expect-exit 1 %noalloc --no-cache --config="{CheckOptions: {Roots: 'step;quiet;nosuch'}}" %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ALL
// ALL: warning: root 'nosuch' matches no function of the analysed code
// ALL-NOT: root 'step' matches
// ALL-NOT: root 'quiet' matches
// ALL-DAG: noalloc: root 'step<double>' may allocate: 'step<double>' calls 'std::vector<double>::push_back'
// ALL-DAG: noalloc: root 'step<int>' may allocate: 'step<int>' calls 'std::vector<int>::push_back'
// ALL-DAG: noalloc: root 'quiet<int>' does not use the heap
// RUN: %expect-exit 1 %noalloc --no-cache --config="{CheckOptions: {Roots: 'step<int>'}}" %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ONE --implicit-check-not="root 'step<double>'"
// ONE: noalloc: root 'step<int>' may allocate
// RUN: %expect-exit 1 %noalloc --no-cache --config="{CheckOptions: {Roots: 'Box::get'}}" %s -- -std=c++17 2>&1 \
// RUN:   | FileCheck %s --check-prefix=MEMBER
// MEMBER: noalloc: root 'Box<int>::get' may allocate

#include <vector>

template <class T> T step(T x) {
  std::vector<T> v;
  v.push_back(x);
  return v[0];
}
template <class T> T quiet(T x) { return x + 1; }
template <class T> struct Box {
  T get() { return *new T(); }
};

int run() { return step(1) + (int)step(2.0) + quiet(3) + Box<int>().get(); }
