#include <stdbool.h>
#include <stddef.h>

struct buf {
  char *data;
  size_t size, len;
};

void put_other(struct buf *b, char ch, bool grow);
