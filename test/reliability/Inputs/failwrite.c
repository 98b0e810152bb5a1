// LD_PRELOAD shim: write() to a file whose path contains $FAILWRITE_MATCH
// fails with ENOSPC, as on a full disk.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

ssize_t write(int fd, const void *buf, size_t count) {
  static ssize_t (*real_write)(int, const void *, size_t);
  if (!real_write)
    real_write = (ssize_t(*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
  const char *match = getenv("FAILWRITE_MATCH");
  if (match && *match) {
    char link[64], path[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t length = readlink(link, path, sizeof path - 1);
    if (length > 0) {
      path[length] = '\0';
      if (strstr(path, match)) {
        errno = ENOSPC;
        return -1;
      }
    }
  }
  return real_write(fd, buf, count);
}
