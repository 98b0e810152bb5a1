/* The application's strong definitions: a tick hook that only counts, an
 * idle hook that allocates. */
#include <stdlib.h>

volatile int ticks;
void tick_hook(void) { ticks++; }

static void *kept;
void idle_hook(void) {
  if (!kept)
    kept = malloc(16);
}
