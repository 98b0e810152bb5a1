// A client of client-overrides.cpp, with 'main': the run is a whole
// program. Its override of 'Sink::write' allocates; with -DQUIET it does
// not.
#include "client-overrides.h"
#include <cstdlib>

struct ClientSink : Sink {
  void *last = nullptr;
  void write(int v) override {
#ifndef QUIET
    std::free(last);
    last = std::malloc(64 + v);
#endif
    (void)v;
  }
};

#ifndef NOALLOC_ORACLE
int main() {
  ClientSink c;
  rt_virtual(c, 1);
  rt_virtual(null_sink(), 1);
  return 0;
}
#endif
