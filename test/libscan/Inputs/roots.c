/* Real-time roots calling into the prebuilt vendor library. */
char *vendor_dup(const char *S);
int vendor_sum(const int *V, int N);
int tick(const int *V) { return vendor_sum(V, 4); }
int tock(void) { return vendor_dup("x") != 0; }
int vendor_log(char *Out, int N, int Code);
int tack(char *Out) { return vendor_log(Out, 16, 7); }

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  int V[4] = {1, 2, 3, 4};
  char Out[16];
  ORACLE_NO_HEAP("tick", tick(V));
  ORACLE_ALLOCATES("tock", tock());
  ORACLE_NO_HEAP("tack", tack(Out));
}
#endif
