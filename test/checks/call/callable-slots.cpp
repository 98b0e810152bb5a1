// A call of a std::function member runs what is stored into it: a lambda
// forwarded through a template setter ('Quiet', its twin 'Loud'); what
// noalloc does not follow makes the call unknown, with why: a member
// swapped ('Swapped'), passed by non-const reference ('Lent'), given a
// generic lambda ('Generic'). A null store adds nothing ('Cleared').
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=TEXT

#include <functional>
#include <utility>

#define ROOT [[clang::annotate("noalloc")]]

template <int N> struct Slot {
  template <class F> void set(F &&f) { cb_ = std::forward<F>(f); }
  void run() { cb_(); }
  std::function<void()> cb_;
};
using Quiet = Slot<0>;
using Loud = Slot<1>;
using Swapped = Slot<2>;
using Lent = Slot<3>;
using Generic = Slot<4>;
using Cleared = Slot<5>;

int counter;
void reset(std::function<void()> &f);

void fill(Quiet &q, Loud &l, Swapped &s, Lent &n, Generic &g, Cleared &c) {
  auto count = [] { ++counter; };
  q.set(count);
  l.set([] { delete new int; });
  s.set(count);
  std::function<void()> other;
  s.cb_.swap(other);
  n.set(count);
  reset(n.cb_);
  g.set([](auto...) { ++counter; });
  c.set(count);
  c.cb_ = nullptr;
}

ROOT void runQuiet(Quiet &q) { q.run(); }
ROOT void runLoud(Loud &l) { l.run(); }
ROOT void runSwapped(Swapped &s) { s.run(); }
ROOT void runLent(Lent &n) { n.run(); }
ROOT void runGeneric(Generic &g) { g.run(); }
ROOT void runCleared(Cleared &c) { c.run(); }

// JSON: "name": "runQuiet",
// JSON: "verdict": "allocates-on-failure"
// JSON: "name": "runLoud",
// JSON: "verdict": "allocates"
// JSON: "name": "runSwapped",
// JSON: "verdict": "unknown"
// JSON: "name": "runLent",
// JSON: "verdict": "unknown"
// JSON: "name": "runGeneric",
// JSON: "verdict": "unknown"
// JSON: "name": "runCleared",
// JSON: "verdict": "allocates-on-failure"

// TEXT-DAG: note: 'Slot<2>::run' calls the std::function 'cb_', and noalloc cannot see all it may hold ('cb_': 'swap' changes it)
// TEXT-DAG: note: 'Slot<3>::run' calls the std::function 'cb_', and noalloc cannot see all it may hold ('cb_': it is passed by reference to 'reset')
// TEXT-DAG: note: 'Slot<4>::run' calls the std::function 'cb_', and noalloc cannot see all it may hold ('cb_': it is given a '{{.*}}' whose code noalloc does not follow)
