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
