// A client of client-hooks.cpp, with 'main': the run is a whole program.
// It stores its own logging function into every pointer it can set; the
// function allocates, or with -DQUIET does not.
#include "client-hooks.h"
#include <cstdlib>

static void *client_last;
static void client_log(const char *m) {
#ifndef QUIET
  std::free(client_last);
  client_last = std::malloc(64);
#endif
  (void)m;
}
static void client_error(const char *m, int code) {
  client_log(m);
  (void)code;
}
static void client_trace(int code) {
  client_log("trace");
  (void)code;
}

// Sets every hook, and calls the library's API: nothing outside calls in.
static void client_setup(Config &cfg) {
  cfg.log = client_log;
  cfg.trace = client_trace;
  Hooks h = {nullptr, client_log};
  lib_set_hooks(&h);
  lib_on_error = client_log;
  lib_init(&cfg);
  lib_set_error_sink(client_error);
  lib_reset();
}

#ifndef NOALLOC_ORACLE
int main() {
  Config cfg = {nullptr, nullptr, 0};
  client_setup(cfg);
  rt_config(&cfg, "x");
  rt_hooks("x");
  rt_error("x");
  rt_internal("x");
  rt_sink("x");
  return 0;
}
#endif
