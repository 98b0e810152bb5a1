// Another unit of the program: it stores an allocating function into the
// pointer, overrides the virtual function with one that allocates, makes a
// std::unique_ptr whose deleter allocates, and passes an allocating
// function to the parameter that 'setWriter' stores.
#include "hook.h"
#include <memory>
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

static void freeLoud(int *p) {
  delete p;
  leaked = new int(3);
}
std::unique_ptr<int, Free> owned(new int(1), freeLoud);

static int growPut(int x) { return *(leaked = new int(x)); }
void wire(Writer &w) { setWriter(w, growPut); }
int main() { return 0; }
