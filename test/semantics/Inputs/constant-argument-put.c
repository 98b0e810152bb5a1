/* The other unit of constant-argument.c: a writer whose only heap call is
 * guarded by its parameter 'grow', called from the first unit. */
#include "constant-argument.h"
#include <stdlib.h>

void put_other(struct buf *b, char ch, bool grow) {
  if (grow && b->len == b->size) {
    char *p = realloc(b->data, b->size + 16);
    if (p) {
      b->data = p;
      b->size += 16;
    }
  }
  if (b->len < b->size)
    b->data[b->len++] = ch;
}
