// The run's unit: a call through a pointer this unit only sets to null,
// a virtual call whose one override here is quiet, and library code that
// calls a deleter through a pointer no function of this unit is stored
// into; a pointer stored only from a parameter no call in this unit fills.
#include "hook.h"
#include <memory>
#define ROOT [[clang::annotate("noalloc")]]
Hook hook;
ROOT void call() {
  if (hook.fire)
    hook.fire();
}
ROOT void send(Sink &s) { s.put(); }
ROOT void drop(std::unique_ptr<int, Free> &p) { p.reset(); }
void setWriter(Writer &w, Put p) { w.put = p; }
ROOT int write(Writer &w) { return w.put(1); }
