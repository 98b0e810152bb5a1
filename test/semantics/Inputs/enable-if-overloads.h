// Two overloads of one signature told apart by clang's enable_if attribute,
// as absl::base_internal::SpinLock's constructors are: a constant 0 picks
// the quiet one, anything else the one that allocates.
#ifndef ENABLE_IF_OVERLOADS_H
#define ENABLE_IF_OVERLOADS_H
#include <cstdlib>

inline void *kept;

inline int pick(int mode)
    __attribute__((enable_if(mode == 0, "constant zero"))) {
  return 7;
}
inline int pick(int mode) {
  kept = std::malloc(16 + mode);
  return 1;
}
#endif
