/* A client of client-hooks.c, with 'main': the run is a whole program. Its
 * free function allocates (a log entry of what it frees), or with -DQUIET
 * does not. */
#include "client-hooks-c.h"
#include <stdlib.h>

static void *client_journal;
static void client_free(void *p) {
#ifndef QUIET
  free(client_journal);
  client_journal = malloc(16);
#endif
  free(p);
}

static void client_setup(void) {
  lib_hooks hooks = {malloc, client_free};
  lib_init_hooks(&hooks);
}

#ifndef NOALLOC_ORACLE
int main(void) {
  client_setup();
  rt_release(malloc(8));
  rt_release_local(NULL);
  return 0;
}
#endif
