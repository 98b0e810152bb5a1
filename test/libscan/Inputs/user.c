char *vendor_dup(const char *S);
int vendor_sum(const int *V, int N);
int use(const int *V) {
  char *P = vendor_dup("x");
  return vendor_sum(V, 4) + (P != 0);
}
