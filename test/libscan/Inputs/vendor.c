/* A vendor library as it would ship, prebuilt: noalloc-libscan reads its
 * machine code. */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

__attribute__((noinline)) static char *copyString(const char *S) {
  char *P = malloc(strlen(S) + 1);
  return P ? strcpy(P, S) : P;
}
char *vendor_dup(const char *S) { return copyString(S); }
void vendor_release(char *P) { free(P); }
int vendor_sum(const int *V, int N) {
  int S = 0;
#ifdef VENDOR_SUM_ALLOCATES /* the next release of the library */
  static void *volatile Scratch; /* not elided by the optimiser */
  Scratch = malloc(N);
  free(Scratch);
#endif
  for (int I = 0; I < N; ++I)
    S += V[I];
  return S;
}
__attribute__((noinline)) int vendor_apply(int (*F)(int), int X) {
  return F(X);
}
int vendor_twice(int (*F)(int), int X) {
  return vendor_apply(F, vendor_apply(F, X));
}
/* A switch compiled to a jump table: its cases are followed. */
int vendor_code(int K, const int *V) {
  switch (K) {
  case 0: return vendor_sum(V, 1);
  case 1: return vendor_sum(V, 2) * 3;
  case 2: return vendor_apply(0, 0) == 0;
  case 3: return vendor_dup("x") != 0;
  case 4: return vendor_sum(V, 4) + 7;
  case 5: return vendor_sum(V, 5) - 1;
  case 6: vendor_release(0); return 4;
  default: return -1;
  }
}
void vendor_fail(void) { abort(); }
/* Formats through libc's snprintf, which only may allocate. */
int vendor_log(char *Out, int N, int Code) {
  return snprintf(Out, N, "code %d", Code);
}
