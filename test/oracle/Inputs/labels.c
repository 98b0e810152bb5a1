/* C witnesses for the oracle's self-test. */
#include <stdlib.h>
#include <string.h>

char *copy(const char *s) { return strdup(s); }
size_t measure(const char *s) { return strlen(s); }

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  char *p = 0;
  ORACLE_ALLOCATES("copy", p = copy("abc"));
  ORACLE_NO_HEAP("measure", measure("abc"));
  ORACLE_RELEASES("free", free(p));
  ORACLE_NO_HEAP("free(NULL)", free(NULL));
#ifdef CONTRADICT
  ORACLE_NO_HEAP("copy", copy("abc"));
#endif
}
#endif
