#include <functional>
#include <vector>

// A std::function member, filled in function-destruction-fill.cpp with a
// callable too big for the std::function's own buffer: on the heap.
struct Job {
  std::function<void()> run;
};

// Its destructor allocates, and so does destroying a callable holding one.
struct Reporter {
  ~Reporter() { std::vector<int> trace(4); }
};

struct Reporting {
  std::function<void(int)> report;
};

void fill(Job &j);
void fillReporting(Reporting &r);
void dropHere(Job &j);
void copyRun(const Job &from, Job &into);
