// Only the compiler's own headers: a firmware file for a bare-metal target.
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

uint32_t sum(size_t count, ...) {
  va_list args;
  va_start(args, count);
  uint32_t total = 0;
  for (size_t i = 0; i < count; ++i)
    total += va_arg(args, uint32_t);
  va_end(args);
  return total;
}
