// Stores a callable that holds a Reporter, whose destructor allocates, and
// destroys a std::function of its type (the one moved from). In a unit of
// its own: libstdc++'s std::function keeps the callable's manager in one
// member for every signature, so a unit's summary of any std::function
// destructor reaches every manager the unit stores.
#include "function-destruction.h"

void fillReporting(Reporting &r) {
  long words[8] = {1, 2, 3, 4, 5, 6, 7, 8};
  Reporter rep;
  std::function<void(int)> report = [rep, words](int) { (void)words[1]; };
  r.report = std::move(report);
}
