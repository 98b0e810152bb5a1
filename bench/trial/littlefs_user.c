/* A firmware user of littlefs, for bench/trial.py: every buffer
 * static, littlefs over the RAM block device, a log appended with
 * lfs_file_write. */
#include "lfs.h"
#include "bd/lfs_rambd.h"

int log_init(void);
int log_append(const void *data, lfs_size_t n);

#define BLOCK 512
#define BLOCKS 64
#define CACHE 64

static uint8_t ram[BLOCK * BLOCKS];
static const struct lfs_rambd_config bdcfg = {
    .read_size = 16, .prog_size = 16, .erase_size = BLOCK,
    .erase_count = BLOCKS, .buffer = ram};
static lfs_rambd_t bd;
static uint8_t rbuf[CACHE], pbuf[CACHE], lookahead[16], fbuf[CACHE];
static const struct lfs_config cfg = {
    .context = &bd,
    .read = lfs_rambd_read, .prog = lfs_rambd_prog,
    .erase = lfs_rambd_erase, .sync = lfs_rambd_sync,
    .read_size = 16, .prog_size = 16, .block_size = BLOCK,
    .block_count = BLOCKS, .block_cycles = 500, .cache_size = CACHE,
    .lookahead_size = 16, .compact_thresh = -1,
    .read_buffer = rbuf, .prog_buffer = pbuf, .lookahead_buffer = lookahead};
static lfs_t lfs;
static lfs_file_t file;
static const struct lfs_file_config fcfg = {.buffer = fbuf};

int log_init(void) {
  int err = lfs_rambd_create(&cfg, &bdcfg);
  if (err)
    return err;
  if (lfs_mount(&lfs, &cfg)) {
    lfs_format(&lfs, &cfg);
    err = lfs_mount(&lfs, &cfg);
    if (err)
      return err;
  }
  return lfs_file_opencfg(&lfs, &file, "log",
                          LFS_O_WRONLY | LFS_O_CREAT | LFS_O_APPEND, &fcfg);
}

int log_append(const void *data, lfs_size_t n) {
  lfs_ssize_t w = lfs_file_write(&lfs, &file, data, n);
  if (w < 0)
    return (int)w;
  return lfs_file_sync(&lfs, &file);
}

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  static char line[200];
  ORACLE_NO_HEAP("log_init", log_init());
  for (int i = 0; i < 100; i++) {
    line[i % sizeof line] = (char)i;
    ORACLE_NO_HEAP("log_append", log_append(line, sizeof line));
  }
}
#else
int main(void) {
  static const char hello[] = "hello";
  if (log_init())
    return 1;
  return log_append(hello, sizeof hello) ? 1 : 0;
}
#endif
