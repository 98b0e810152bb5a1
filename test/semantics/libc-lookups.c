// glibc functions that allocate and that no knowledge file listed, so the
// lenient default took them as allocation-free (review6 #4): if_nameindex
// mallocs the interface list, fts_open and fts_read the walk's entries,
// and the reentrant NSS lookups (gethostbyname_r and kin) fopen their
// files on every call though the result goes into the caller's buffer.
// The twins: if_nametoindex asks the kernel and touches no heap; the
// companions that free are 'releases'.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-c-allocation' --format=json %s -- \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %oracle %s --
// <fts.h> redirects to fts64_open and kin under _FILE_OFFSET_BITS=64.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-c-allocation' --format=json %s -- \
// RUN:   -D_FILE_OFFSET_BITS=64 | FileCheck %s --check-prefix=JSON
// RUN: %oracle %s -- -D_FILE_OFFSET_BITS=64
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fts.h>
#include <net/if.h>
#include <netdb.h>
#include <stddef.h>

// JSON: "name": "listInterfaces",
// JSON: "verdict": "allocates"
struct if_nameindex *listInterfaces(void) { return if_nameindex(); }
// JSON: "name": "dropInterfaces",
// JSON: "verdict": "releases"
void dropInterfaces(struct if_nameindex *ni) { if_freenameindex(ni); }
// JSON: "name": "loopbackIndex",
// JSON: "verdict": "none"
unsigned loopbackIndex(void) { return if_nametoindex("lo"); }

static FTS *walk;
// JSON: "name": "openWalk",
// JSON: "verdict": "allocates"
int openWalk(void) {
  char *paths[] = {"/usr", NULL};
  walk = fts_open(paths, FTS_PHYSICAL | FTS_NOSTAT, NULL);
  return walk != 0;
}
// JSON: "name": "readWalk",
// JSON: "verdict": "allocates"
int readWalk(void) { return fts_read(walk) != 0; }
// JSON: "name": "childrenWalk",
// JSON: "verdict": "allocates"
int childrenWalk(void) { return fts_children(walk, 0) != 0; }
// JSON: "name": "closeWalk",
// JSON: "verdict": "releases"
int closeWalk(void) { return fts_close(walk); }

// JSON: "name": "resolveLocalhost",
// JSON: "verdict": "allocates"
int resolveLocalhost(void) {
  struct hostent he, *res;
  char buf[1024];
  int err;
  return gethostbyname_r("localhost", &he, buf, sizeof buf, &res, &err);
}
// JSON: "name": "resolveLocalhost4",
// JSON: "verdict": "allocates"
int resolveLocalhost4(void) {
  struct hostent he, *res;
  char buf[1024];
  int err;
  return gethostbyname2_r("localhost", AF_INET, &he, buf, sizeof buf, &res,
                          &err);
}
// JSON: "name": "reverseLoopback",
// JSON: "verdict": "allocates"
int reverseLoopback(void) {
  struct hostent he, *res;
  char buf[1024];
  int err;
  struct in_addr a;
  a.s_addr = htonl(0x7f000001);
  return gethostbyaddr_r(&a, sizeof a, AF_INET, &he, buf, sizeof buf, &res,
                         &err);
}
// JSON: "name": "serviceHttp",
// JSON: "verdict": "allocates"
int serviceHttp(void) {
  struct servent se, *res;
  char buf[1024];
  return getservbyname_r("http", "tcp", &se, buf, sizeof buf, &res);
}
// JSON: "name": "protocolTcp",
// JSON: "verdict": "allocates"
int protocolTcp(void) {
  struct protoent pe, *res;
  char buf[1024];
  return getprotobyname_r("tcp", &pe, buf, sizeof buf, &res);
}

#ifdef NOALLOC_ORACLE
#include "oracle.h"
static struct if_nameindex *list;
ORACLE_MAIN {
  ORACLE_ALLOCATES("if_nameindex", list = listInterfaces());
  ORACLE_RELEASES("if_freenameindex", dropInterfaces(list));
  ORACLE_NO_HEAP("if_nametoindex", loopbackIndex());
  ORACLE_ALLOCATES("fts_open", openWalk());
  readWalk(); // The root itself: it enters /usr at the next read.
  ORACLE_ALLOCATES("fts_read entering a directory", readWalk());
  ORACLE_ALLOCATES("fts_children of a directory", childrenWalk());
  ORACLE_RELEASES("fts_close", closeWalk());
  ORACLE_ALLOCATES("gethostbyname_r", resolveLocalhost());
  ORACLE_ALLOCATES("gethostbyname_r again", resolveLocalhost());
  ORACLE_ALLOCATES("gethostbyname2_r", resolveLocalhost4());
  ORACLE_ALLOCATES("gethostbyaddr_r", reverseLoopback());
  ORACLE_ALLOCATES("getservbyname_r", serviceHttp());
  ORACLE_ALLOCATES("getservbyname_r again", serviceHttp());
  ORACLE_ALLOCATES("getprotobyname_r", protocolTcp());
  ORACLE_ALLOCATES("getprotobyname_r again", protocolTcp());
}
#endif
