// Stores a callable that holds a Reporter, whose destructor allocates. In
// a unit of its own: what destroying a std::function's callable does is
// what the callables every unit stores do when destroyed.
#include "function-destruction.h"

void fillReporting(Reporting &r) {
  long words[8] = {1, 2, 3, 4, 5, 6, 7, 8};
  Reporter rep;
  std::function<void(int)> report = [rep, words](int) { (void)words[1]; };
  r.report = std::move(report);
}
