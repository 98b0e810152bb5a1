// In a whole program (it defines 'main', every unit analysed), a followed
// pointer that nothing writes holds nothing: every write, by code noalloc
// sees or by code it does not (a record given to a function defined in no
// analysed file, read as bytes of another type), lists it in the facts.
// tinycbor's shape: the parser reads its operations through
// 'parser->ops->read', a table only a client fills; in a program that
// fills none, 'readTick' is clean. Before, the call reached every
// address-taken function of its type ('growRead'). The twins: a program
// that fills the table ('filledTick' reaches 'growFilled'), a table given
// to 'install', which no analysed file defines ('installedTick' cannot be
// shown clean), and the same file as a library, without 'main', whose
// clients may fill the table ('readTick' reaches 'growRead' again).
// Comparing with C's 'NULL', '((void *)0)', reads no bytes as another
// type ('nullCheckedTick', nanopb's 'if (callback != NULL)'); a pointer
// that was 'void *' may hold any bytes ('castTick').
// Every label is the oracle's.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- \
// RUN:   | FileCheck %s
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- 2>&1 \
// RUN:   | FileCheck %s --check-prefix=WARN --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -DLIBRARY \
// RUN:   | FileCheck %s --check-prefix=LIBRARY
// RUN: %oracle %s --
// CHECK: "name": "readTick",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "filledTick",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "allocates"
// CHECK: "name": "installedTick",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "unknown"
// CHECK: "name": "nullCheckedTick",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "none"
// CHECK: "name": "castTick",
// CHECK-NEXT: "usr":
// CHECK-NEXT: "verdict": "unknown"
// LIBRARY: "name": "readTick",
// LIBRARY-NEXT: "usr":
// LIBRARY-NEXT: "verdict": "allocates"

#include <stdlib.h>

#define ROOT __attribute__((annotate("noalloc")))

static void *kept;
static int grow(int x) {
  free(kept);
  kept = malloc(16);
  // WARN: unwritten-pointers.c:[[@LINE-1]]:10: warning: call to 'malloc' may allocate on the heap [noalloc-call]
  return x;
}

// Nothing in the program fills a 'ReadOps'.
struct ReadOps { int (*read)(int); };
struct Parser { const struct ReadOps *ops; int at; };
ROOT int readTick(const struct Parser *p) {
  return p->ops ? p->ops->read(p->at) : p->at;
}
// Of its type, address taken, stored elsewhere.
static int growRead(int x) { return grow(x); }
int (*spare)(int) = growRead;

// The program fills a 'FilledOps'.
struct FilledOps { long (*read)(long); };
static long growFilled(long x) { return grow((int)x); }
// WARN: unwritten-pointers.c:[[@LINE-1]]:41: warning: call to 'grow' may allocate on the heap [noalloc-call]
static const struct FilledOps filled = {growFilled};
ROOT long filledTick(const struct FilledOps *ops, long x) {
  return ops->read(x);
}
// WARN: unwritten-pointers.c:[[@LINE-2]]:10: warning: call through 'ops->read' may allocate on the heap [noalloc-call]

// Given to code no analysed file defines, which may fill it.
struct InstalledOps { short (*read)(short); };
void install(struct InstalledOps *ops);
ROOT short installedTick(const struct InstalledOps *ops, short x) {
  return ops->read(x);
}
// WARN: unwritten-pointers.c:[[@LINE-2]]:10: warning: cannot show that 'installedTick' is allocation-free: 'installedTick' calls through function pointer 'ops->read' whose targets noalloc cannot see [noalloc-call]

// Compared with 'NULL', never filled.
struct CheckedOps { unsigned (*read)(unsigned); };
static unsigned growChecked(unsigned x) { return (unsigned)grow((int)x); }
unsigned (*spareChecked)(unsigned) = growChecked;
ROOT unsigned nullCheckedTick(const struct CheckedOps *ops, unsigned x) {
  if (ops != NULL && ops->read != NULL)
    return ops->read(x);
  return x;
}

// Read from a 'void *', which may point to any bytes.
struct CastOps { char (*read)(char); };
ROOT char castTick(const void *raw, char x) {
  const struct CastOps *ops = (const struct CastOps *)raw;
  return ops->read(x);
}
// WARN: unwritten-pointers.c:[[@LINE-2]]:10: warning: cannot show that 'castTick' is allocation-free: 'castTick' calls through function pointer 'ops->read' whose targets noalloc cannot see [noalloc-call]

#if !defined(LIBRARY) && !defined(NOALLOC_ORACLE)
int main(void) {
  struct Parser parser = {0, 1};
  struct InstalledOps installed;
  install(&installed);
  unsigned char raw[sizeof(struct CastOps)] = {0};
  return readTick(&parser) + (int)filledTick(&filled, 1) +
         installedTick(&installed, 1) + spare(1) +
         (int)nullCheckedTick(NULL, 1) + (int)spareChecked(1) +
         castTick(raw, 1);
}
#endif

#ifdef NOALLOC_ORACLE
#include "oracle.h"
#include <string.h>
static short growShort(short x) { return (short)grow(x); }
static char growChar(char x) { return (char)grow(x); }
void install(struct InstalledOps *ops) { ops->read = growShort; }
ORACLE_MAIN {
  struct Parser parser = {0, 1};
  ORACLE_NO_HEAP("readTick: no operations", readTick(&parser));
  ORACLE_ALLOCATES("filledTick: 'growFilled'", filledTick(&filled, 1));
  struct InstalledOps installed;
  install(&installed);
  ORACLE_ALLOCATES("installedTick: 'install' stores 'growShort'",
                   installedTick(&installed, 1));
  ORACLE_NO_HEAP("nullCheckedTick: no operations", nullCheckedTick(NULL, 1));
  struct CheckedOps none = {NULL};
  ORACLE_NO_HEAP("nullCheckedTick: no 'read'", nullCheckedTick(&none, 1));
  unsigned char raw[sizeof(struct CastOps)];
  char (*bytes)(char) = growChar;
  memcpy(raw, &bytes, sizeof bytes);
  ORACLE_ALLOCATES("castTick: bytes of 'growChar'", castTick(raw, 1));
}
#endif
