#include <stdlib.h>
/* Start-up only: no root reaches it. */
void helper_init(void) { free(malloc(16)); }
