// Calls init_writer through a declaration without a prototype, passing
// a function written out.
#include <stdlib.h>
struct enc;
void init_writer();
static int loud(int x) { free(malloc(4)); return x; }
void setup(struct enc *e) { init_writer(e, loud); }
