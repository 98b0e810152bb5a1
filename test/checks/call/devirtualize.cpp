// A virtual call on an object whose dynamic type is known reaches only the
// function that type runs: a variable or member of class type (not a
// reference or pointer), a by-value parameter, a 'final' class, a 'final'
// function. Through a reference or a pointer, every override counts.
// test/semantics/dispatch.cpp runs both under the heap counter.
// RUN: %expect-exit 1 %noalloc --config="{CheckOptions: {noalloc-call.ReportEveryCall: true}}" --checks='-*,noalloc-call' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %expect-exit 0 %clang-tidy-noalloc --config="{CheckOptions: {noalloc-call.ReportEveryCall: true}}" -checks='-*,noalloc-call' %s -- -std=c++17 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

int *allocate() { return new int(1); }

struct Voice {
  virtual ~Voice() = default;
  virtual int render() { return 0; }
};
struct Sampler : Voice {
  int render() override { return *allocate(); }
// CHECK: devirtualize.cpp:[[@LINE-1]]:35: warning: call to 'allocate' may allocate on the heap [noalloc-call]
// CHECK: devirtualize.cpp:[[@LINE-9]]:26: note: 'allocate' allocates with 'new' here
};

// The object is a Voice: Voice::render runs, whatever derives from it.
int renderLocal() {
  Voice v;
  return v.render();
}
int renderCopy(Voice v) { return v.render(); }
struct Synth {
  Voice voice;
  int play() { return voice.render(); }
};

// The twins: a reference or a pointer may be a Sampler.
int renderAny(Voice &v) { return v.render(); }
// CHECK: devirtualize.cpp:[[@LINE-1]]:36: warning: call to 'Voice::render' may allocate on the heap [noalloc-call]
// CHECK: devirtualize.cpp:[[@LINE-19]]:7: note: 'Voice::render' may be 'Sampler::render', which overrides it
// CHECK: devirtualize.cpp:[[@LINE-20]]:35: note: 'Sampler::render' calls 'allocate'
// CHECK: devirtualize.cpp:[[@LINE-28]]:26: note: 'allocate' allocates with 'new' here
int renderPointer(Voice *v) { return v->render(); }
// CHECK: devirtualize.cpp:[[@LINE-1]]:41: warning: call to 'Voice::render' may allocate on the heap [noalloc-call]
// CHECK: devirtualize.cpp:[[@LINE-24]]:7: note: 'Voice::render' may be 'Sampler::render', which overrides it
// CHECK: devirtualize.cpp:[[@LINE-25]]:35: note: 'Sampler::render' calls 'allocate'
// CHECK: devirtualize.cpp:[[@LINE-33]]:26: note: 'allocate' allocates with 'new' here

// A final class that does not override: the inherited function runs.
struct Plain final : Voice {};
int renderPlain(Plain &p) { return p.render(); }
// A final override, reached through the base.
struct Tuned : Voice {
  int render() final { return 2; }
};
int renderTuned(Tuned &t) { return static_cast<Voice &>(t).render(); }

// delete on a final class destroys that class only.
struct Node {
  virtual ~Node() = default;
};
struct Leaf final : Node {};
struct Branch : Node {
  ~Branch() override { allocate(); }
// CHECK: devirtualize.cpp:[[@LINE-1]]:24: warning: call to 'allocate' may allocate on the heap [noalloc-call]
// CHECK: devirtualize.cpp:[[@LINE-52]]:26: note: 'allocate' allocates with 'new' here
};
void dropLeaf(Leaf *l) { delete l; }
void dropNode(Node *n) { delete n; }
// CHECK: devirtualize.cpp:[[@LINE-1]]:26: warning: call to 'Node::~Node' may allocate on the heap [noalloc-call]
// CHECK: devirtualize.cpp:[[@LINE-7]]:3: note: 'Node::~Node' may be 'Branch::~Branch', which overrides it
// CHECK: devirtualize.cpp:[[@LINE-8]]:24: note: 'Branch::~Branch' calls 'allocate'
// CHECK: devirtualize.cpp:[[@LINE-59]]:26: note: 'allocate' allocates with 'new' here

// A virtual operator is dispatched like any virtual function.
struct Filter {
  virtual ~Filter() = default;
  virtual int operator()(int x) { return x; }
};
struct Resampler : Filter {
  int operator()(int x) override { return *allocate() + x; }
// CHECK: devirtualize.cpp:[[@LINE-1]]:44: warning: call to 'allocate' may allocate on the heap [noalloc-call]
// CHECK: devirtualize.cpp:[[@LINE-69]]:26: note: 'allocate' allocates with 'new' here
};
int filterAny(Filter &f) { return f(1); }
// CHECK: devirtualize.cpp:[[@LINE-1]]:35: warning: call to 'Filter::operator()' may allocate on the heap [noalloc-call]
// CHECK: devirtualize.cpp:[[@LINE-6]]:7: note: 'Filter::operator()' may be 'Resampler::operator()', which overrides it
// CHECK: devirtualize.cpp:[[@LINE-7]]:44: note: 'Resampler::operator()' calls 'allocate'
// CHECK: devirtualize.cpp:[[@LINE-75]]:26: note: 'allocate' allocates with 'new' here
int filterLocal() {
  Filter f;
  return f(1);
}
