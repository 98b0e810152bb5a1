// A program without RT-Thread whose own C function is named rt_free (the
// shape of review8's cJSON application: 'rt_' for real-time): a wrapper of
// the C library's free, which its body shows.
#include <stdlib.h>

struct item {
  char *text;
};

void rt_free(struct item *it) { free(it->text); }

void rt_tick(struct item *it) { rt_free(it); }
