// A followed pointer written by library code: 'std::bit_cast' of a record
// that holds a function into one that holds the pointer ('bitCast'), a
// library template that copies one's bytes into the other's ('byteCopy',
// Inputs/null-members-bytes.h, a system header), or one that assigns one
// user field from another by name ('fieldCopy'). The unit stores only null
// into the pointers, and 'loud' (it allocates) into the record copied from:
// the calls were clean, they allocate. Twins stay clean: a bit cast of
// values that hold no function and a byte copy between records of the
// same type ('bitsOnly'), and a copy by name from a pointer of another
// type that holds only 'tick', which uses no heap ('tickCopy').
// Every label is the oracle's.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++20 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++20 2>&1 \
// RUN:   | FileCheck %s --check-prefix=WARN --implicit-check-not='{{warning|error}}:'
// RUN: %oracle %s -- -std=c++20

#include "Inputs/null-members-bytes.h"
#include <bit>
#include <cstdint>

#define ROOT [[clang::annotate("noalloc")]]

using Handler = int (*)(int);
int loud(int x) {
  int *p = new int(x);
  int v = *p;
  delete p;
  return v;
}
struct Armed {
  Handler other = loud;
};

struct Bits {
  std::uintptr_t word;
};
struct Cast {
  Handler run = nullptr;
};
Cast cast;
void castIn() { cast = std::bit_cast<Cast>(std::bit_cast<Bits>(Armed{})); }
ROOT int bitCast(int x) { return cast.run ? cast.run(x) : x; }

struct Copied {
  Handler run = nullptr;
};
Copied copied;
void copyIn() { lib::copyBytes(copied, Armed{}); }
ROOT int byteCopy(int x) { return copied.run ? copied.run(x) : x; }

struct Named {
  Handler run = nullptr;
};
Named named;
void nameIn() { lib::copyRun(named, Armed{}); }
ROOT int fieldCopy(int x) { return named.run ? named.run(x) : x; }

// Of another type than 'loud', which escapes through the bytes copied:
// 'loudCount' would be in 'plain.run' if anything but null were.
using Count = long (*)(long);
long loudCount(long x) { return loud(int(x)); }
Count counts[] = {loudCount};
struct Plain {
  Count run = nullptr;
};
Plain plain, plainSpare;
float scale;
void bitsIn(std::uint32_t word) { scale = std::bit_cast<float>(word); }
void sameIn() { lib::copyBytes(plain, plainSpare); }
ROOT long bitsOnly(long x) { return plain.run ? plain.run(x) : x; }

using Tick = void (*)(int &);
void tick(int &n) { ++n; }
struct TickSource {
  Tick other = tick;
};
struct TickSlot {
  Tick run = nullptr;
};
TickSlot ticks;
void tickIn() { lib::copyRun(ticks, TickSource{}); }
ROOT int tickCopy(int x) {
  if (ticks.run)
    ticks.run(x);
  return x;
}

// JSON: "name": "bitCast",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "byteCopy",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "fieldCopy",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "bitsOnly",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "none"
// JSON: "name": "tickCopy",
// JSON-NEXT: "usr":
// JSON-NEXT: "verdict": "none"

// Each guarded call of a pointer written by library code; not 'plain.run'
// nor 'ticks.run'.
// WARN: null-members-bytes.cpp:43:45: warning: call through 'cast.run' may allocate on the heap [noalloc-call]
// WARN: null-members-bytes.cpp:50:48: warning: call through 'copied.run' may allocate on the heap [noalloc-call]
// WARN: null-members-bytes.cpp:57:48: warning: call through 'named.run' may allocate on the heap [noalloc-call]

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  castIn();
  ORACLE_ALLOCATES("bitCast: 'loud' cast in", bitCast(1));
  copyIn();
  ORACLE_ALLOCATES("byteCopy: 'loud' copied in as bytes", byteCopy(1));
  nameIn();
  ORACLE_ALLOCATES("fieldCopy: 'loud' copied in by name", fieldCopy(1));
  bitsIn(0);
  sameIn();
  ORACLE_NO_HEAP("bitsOnly: null only", bitsOnly(1));
  tickIn();
  ORACLE_NO_HEAP("tickCopy: 'tick' copied in", tickCopy(1));
}
#endif
