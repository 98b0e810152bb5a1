#include "null-members.h"

int loud(int x) {
  int *p = new int(x);
  int v = *p;
  delete p;
  return v;
}
long loudLong(long x) { return loud(int(x)); }

void arm(Hooks &h, Delegate<long> &d) {
  h.error = loud;
  d.fn = loudLong;
}

// The program's 'main': with this unit the run is a whole program, whose
// only writers of the hooks are its units.
#ifndef NOALLOC_ORACLE
void setup(Hooks &h);
int main() {
  Hooks h;
  Delegate<long> d;
  setup(h);
  arm(h, d);
  return 0;
}
#endif
