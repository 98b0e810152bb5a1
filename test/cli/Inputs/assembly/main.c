#include <stdlib.h>

void *make_table(void);

void *frame(void) { return malloc(64); }
int main(void) { return make_table() != 0; }
