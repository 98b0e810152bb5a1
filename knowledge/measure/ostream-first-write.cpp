// std::cout's first write allocates stdout's buffer (glibc's stdio, which
// libstdc++'s and libc++'s std::cout write through); later writes do not.
// The semantics tests cannot show it: the oracle makes stdout unbuffered
// before any witness runs. Run with the oracle's counter (stdout a pipe):
//   test/oracle/oracle.py knowledge/measure/ostream-first-write.cpp
// (42 and 43 appear among its lines; it fails when a label is wrong).
// Measured 1, then 0, with libstdc++ 12 and libc++ 22.
#include <iostream>

#ifdef NOALLOC_ORACLE
#include "oracle.h"
int main() {
  // No ORACLE_MAIN, which makes stdout unbuffered: the first label is
  // printed after std::cout's first write.
  oracle_begin();
  std::cout << 42;
  oracle_end(ORACLE_LABEL_ALLOCATES, "the first std::cout << int", __FILE__,
             __LINE__);
  oracle_begin();
  std::cout << 43;
  oracle_end(ORACLE_LABEL_NO_HEAP, "the second", __FILE__, __LINE__);
  return oracle_failures ? 1 : 0;
}
#endif
