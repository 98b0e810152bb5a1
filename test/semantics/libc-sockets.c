// Byte-order conversions (htons, ntohs, htonl, ntohl), setsockopt,
// getsockopt and fcntl use no heap (glibc 2.36, measured by the oracle
// below; at -O0 the conversions are calls, not glibc's macros), so the
// knowledge base lists them 'none': a root that prepares a socket is
// clean even under Policy: strict, which counts every unlisted library
// function as allocating. Before, the strict run reported each of them.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json \
// RUN:   --config="{CheckOptions: {Roots: 'port_of;to_wire;set_nodelay;buffer_size;set_nonblocking;peer_name', Policy: strict}}" %s -- \
// RUN:   | FileCheck %s --check-prefix=JSON
// JSON: "name": "port_of",
// JSON: "verdict": "none"
// JSON: "name": "to_wire",
// JSON: "verdict": "none"
// JSON: "name": "set_nodelay",
// JSON: "verdict": "none"
// JSON: "name": "buffer_size",
// JSON: "verdict": "none"
// JSON: "name": "set_nonblocking",
// JSON: "verdict": "none"
// JSON: "name": "peer_name",
// JSON: "verdict": "allocates"
// RUN: %noalloc --checks='-*,noalloc-call' \
// RUN:   --config="{CheckOptions: {Roots: 'port_of;to_wire;set_nodelay;buffer_size;set_nonblocking', Policy: strict}}" %s -- \
// RUN:   2>&1 | FileCheck %s --check-prefix=QUIET --implicit-check-not='{{warning|error}}:'
// QUIET: noalloc: 0 findings in 1 file
// The negative twin: naming the peer with strdup allocates.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
// RUN:   --config="{CheckOptions: {Roots: 'peer_name', Policy: strict}}" %s -- \
// RUN:   2>&1 | FileCheck %s --check-prefix=TWIN --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s --

#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

unsigned short port_of(unsigned short wire) { return ntohs(wire); }

unsigned to_wire(unsigned short port, unsigned addr) {
  return htons(port) + htonl(addr) + ntohl(addr);
}

int set_nodelay(int fd) {
  int one = 1;
  return setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

int buffer_size(int fd) {
  int size = 0;
  socklen_t length = sizeof size;
  getsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, &length);
  return size;
}

int set_nonblocking(int fd) {
  int flags = fcntl(fd, F_GETFL, 0);
  return fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

char *peer_name(const char *address) { return strdup(address); }
// TWIN: libc-sockets.c:[[@LINE-1]]:47: warning: call to 'strdup' may allocate on the heap [noalloc-call]

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  ORACLE_NO_HEAP("port_of", port_of(0x5000));
  ORACLE_NO_HEAP("to_wire", to_wire(80, 0x7f000001));
  ORACLE_NO_HEAP("set_nodelay", set_nodelay(fd));
  ORACLE_NO_HEAP("buffer_size", buffer_size(fd));
  ORACLE_NO_HEAP("set_nonblocking", set_nonblocking(fd));
  char *name = 0;
  ORACLE_ALLOCATES("peer_name", name = peer_name("127.0.0.1"));
  free(name);
  close(fd);
}
#endif
