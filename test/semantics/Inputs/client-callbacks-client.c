/* A client of client-callbacks.c, with 'main': the run is a whole program.
 * Its visitor allocates (a record of what it saw), or with -DQUIET does
 * not. */
#include "client-callbacks.h"
#include <stdlib.h>

static int *client_seen;
static void client_visit(int x) {
#ifndef QUIET
  free(client_seen);
  client_seen = malloc(sizeof *client_seen);
#endif
  (void)x;
}

#ifndef NOALLOC_ORACLE
int main(void) {
  rt_tick(client_visit);
  rt_local();
  return 0;
}
#endif
