// Witnesses for the oracle's self-test: each label is right, except in
// the block compiled with -DCONTRADICT.
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

void grow(std::vector<int> &v) { v.push_back(1); }
int peek(const std::vector<int> &v) { return v.empty() ? 0 : v[0]; }
void fail() { throw std::runtime_error("x"); }

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  std::vector<int> v;
  ORACLE_ALLOCATES("grow", grow(v));
  ORACLE_NO_HEAP("peek", peek(v));
  ORACLE_ALLOCATES("fail", fail());
  std::unique_ptr<int> p(new int(1));
  ORACLE_RELEASES("unique_ptr::reset", p.reset());
  ORACLE_NO_ALLOC("vector::clear", v.clear());
#ifdef CONTRADICT
  std::vector<int> w;
  ORACLE_NO_HEAP("grow", grow(w));
  ORACLE_ALLOCATES("peek", peek(v));
#endif
}
#endif
