#include <stdlib.h>
#include <string.h>
#include "hal.h"
int hal_uart_send(const char *buf, int n) {
  char *d = malloc(n);
  memcpy(d, buf, n);
  free(d);
  return n;
}
int hal_uart_ready(void) { return 1; }
