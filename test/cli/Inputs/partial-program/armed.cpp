// Another unit of the program: it stores an allocating function into the
// pointer and overrides the virtual function with one that allocates.
#include "hook.h"
int *leaked;
static void grow() { leaked = new int(1); }
void arm() { hook.fire = grow; }

struct Loud : Sink {
  void put() override { leaked = new int(2); }
};
void speak() {
  Loud loud;
  Sink &s = loud;
  s.put();
}
