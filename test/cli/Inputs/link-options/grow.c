void *malloc(unsigned long);
void *grow(int n) { return n > 100 ? malloc(n) : 0; }
