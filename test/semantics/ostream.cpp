// The std::ostream inserters (operator<< of a number, a character, a C
// string, a std::string, a pointer, a manipulator such as std::endl), put
// and write write into the stream's buffer, and the buffer decides: a
// std::ostringstream grows its string (the oracle measures 1 for the write
// past the small-string buffer, with libstdc++ 12 and libc++ 22), a
// std::ofstream allocates its buffer on the first write with libc++ (1;
// libstdc++ allocates it when the file is opened), and std::cout's first
// write allocates stdout's buffer (1 with both; the oracle's stdout is
// unbuffered, so knowledge/measure/ostream-first-write.cpp measures it, 1
// with both). A stream over a buffer of
// the program's own allocates nothing (0). noalloc cannot tell the stream
// behind a std::ostream&, so the inserters allocate; what only reads or
// sets the stream's state (width, good) does not.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=CALL --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefix=CALL --implicit-check-not='{{warning|error}}:'
// With noalloc-std-type on, it reports the inserters the knowledge base
// names (as it reports std::getline), the non-member ones (a character, a
// C string, a std::string) with the members, and noalloc-call the rest:
// each call once, none lost.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-std-type' %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=BOTH --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-std-type' %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefix=BOTH --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-*' --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-*' --format=json %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %oracle %s -- -std=c++17

#include <ostream>
#include <string>

void putInt(std::ostream &os, int x) { os << x; }
// CALL: ostream.cpp:[[@LINE-1]]:43: warning: call to 'std::basic_ostream<char>::operator<<' may allocate on the heap [noalloc-call]
// BOTH: ostream.cpp:[[@LINE-2]]:43: warning: call to 'std::basic_ostream<char>::operator<<' allocates on the heap [noalloc-std-type]
void putDouble(std::ostream &os, double d) { os << d; }
// CALL: ostream.cpp:[[@LINE-1]]:49: warning: call to 'std::basic_ostream<char>::operator<<' may allocate on the heap [noalloc-call]
// BOTH: ostream.cpp:[[@LINE-2]]:49: warning: call to 'std::basic_ostream<char>::operator<<' allocates on the heap [noalloc-std-type]
void putPointer(std::ostream &os, const void *p) { os << p; }
// CALL: ostream.cpp:[[@LINE-1]]:55: warning: call to 'std::basic_ostream<char>::operator<<' may allocate on the heap [noalloc-call]
// BOTH: ostream.cpp:[[@LINE-2]]:55: warning: call to 'std::basic_ostream<char>::operator<<' allocates on the heap [noalloc-std-type]
void putChar(std::ostream &os, char c) { os << c; }
// CALL: ostream.cpp:[[@LINE-1]]:45: warning: call to 'std::{{(__1::)?}}operator<<' may allocate on the heap [noalloc-call]
// BOTH: ostream.cpp:[[@LINE-2]]:45: warning: call to 'std::operator<<' allocates on the heap [noalloc-std-type]
void putText(std::ostream &os, const char *s) { os << s; }
// CALL: ostream.cpp:[[@LINE-1]]:52: warning: call to 'std::{{(__1::)?}}operator<<' may allocate on the heap [noalloc-call]
// BOTH: ostream.cpp:[[@LINE-2]]:52: warning: call to 'std::operator<<' allocates on the heap [noalloc-std-type]
void putString(std::ostream &os, const std::string &s) { os << s; }
// CALL: ostream.cpp:[[@LINE-1]]:61: warning: call to 'std::{{(__1::)?}}operator<<' may allocate on the heap [noalloc-call]
// BOTH: ostream.cpp:[[@LINE-2]]:53: warning: parameter 's' of type 'const std::string &' makes callers that pass a literal or a view build a temporary on the heap; it is only read: take 'std::string_view' [noalloc-std-type]
// BOTH: ostream.cpp:[[@LINE-3]]:61: warning: call to 'std::operator<<' allocates on the heap [noalloc-std-type]
// The inserter calls the manipulator it is given: 'putLine' calls std::endl
// (test/semantics/callback-parameter.cpp).
void putLine(std::ostream &os) { os << std::endl; }
// CALL: ostream.cpp:[[@LINE-1]]:40: warning: call to 'std::{{(__1::)?}}endl<char, std::{{(__1::)?}}char_traits<char>>' may allocate on the heap [noalloc-call]
// BOTH: ostream.cpp:[[@LINE-2]]:37: warning: call to 'std::basic_ostream<char>::operator<<' allocates on the heap [noalloc-std-type]
void putOne(std::ostream &os) { os.put('x'); }
// CALL: ostream.cpp:[[@LINE-1]]:36: warning: call to 'std::basic_ostream<char>::put' may allocate on the heap [noalloc-call]
// BOTH: ostream.cpp:[[@LINE-2]]:33: warning: call to 'std::basic_ostream<char>::put' allocates on the heap [noalloc-std-type]
void writeThree(std::ostream &os) { os.write("abc", 3); }
// CALL: ostream.cpp:[[@LINE-1]]:40: warning: call to 'std::basic_ostream<char>::write' may allocate on the heap [noalloc-call]
// BOTH: ostream.cpp:[[@LINE-2]]:37: warning: call to 'std::basic_ostream<char>::write' allocates on the heap [noalloc-std-type]
// A chain is one finding of noalloc-std-type, at its first inserter, with
// the others counted in a note; its twin, one statement per inserter, has
// one finding each.
void putChain(std::ostream &os, int a, double b, int c) { os << a << b << c; }
// CALL: ostream.cpp:[[@LINE-1]]:62: warning: call to 'std::basic_ostream<char>::operator<<' may allocate on the heap [noalloc-call]
// BOTH: ostream.cpp:[[@LINE-2]]:62: warning: call to 'std::basic_ostream<char>::operator<<' allocates on the heap [noalloc-std-type]
// BOTH: ostream.cpp:[[@LINE-3]]:67: note: and 2 more calls in this chain that allocate on the heap
void putApart(std::ostream &os, int a, double b, int c) {
  os << a;
  // CALL: ostream.cpp:[[@LINE-1]]:6: warning: call to 'std::basic_ostream<char>::operator<<' may allocate on the heap [noalloc-call]
  // BOTH: ostream.cpp:[[@LINE-2]]:6: warning: call to 'std::basic_ostream<char>::operator<<' allocates on the heap [noalloc-std-type]
  os << b;
  // BOTH: ostream.cpp:[[@LINE-1]]:6: warning: call to 'std::basic_ostream<char>::operator<<' allocates on the heap [noalloc-std-type]
  os << c;
  // BOTH: ostream.cpp:[[@LINE-1]]:6: warning: call to 'std::basic_ostream<char>::operator<<' allocates on the heap [noalloc-std-type]
}

// The twins: the stream's state, read or set.
void setWidth(std::ostream &os) { os.width(8); }
bool isGood(const std::ostream &os) { return os.good(); }

// JSON: "name": "putInt",
// JSON: "verdict": "allocates"
// JSON: "name": "putDouble",
// JSON: "verdict": "allocates"
// JSON: "name": "putPointer",
// JSON: "verdict": "allocates"
// JSON: "name": "putChar",
// JSON: "verdict": "allocates"
// JSON: "name": "putText",
// JSON: "verdict": "allocates"
// JSON: "name": "putString",
// JSON: "verdict": "allocates"
// JSON: "name": "putLine",
// JSON: "verdict": "allocates"
// JSON: "name": "putOne",
// JSON: "verdict": "allocates"
// JSON: "name": "writeThree",
// JSON: "verdict": "allocates"
// JSON: "name": "putChain",
// JSON: "verdict": "allocates"
// JSON: "name": "putApart",
// JSON: "verdict": "allocates"
// JSON: "name": "setWidth",
// JSON: "verdict": "none"
// JSON: "name": "isGood",
// JSON: "verdict": "none"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
#include <fstream>
#include <iostream>
#include <sstream>
#include <streambuf>

// What the small-string buffer holds: a stream holding this many characters
// grows with the next one.
#ifdef _LIBCPP_VERSION
static const size_t InPlace = 22;
#else
static const size_t InPlace = 15;
#endif

// A stream over the program's own buffer: no heap.
struct FixedBuffer : std::streambuf {
  char Storage[256];
  FixedBuffer() { setp(Storage, Storage + sizeof Storage); }
};

ORACLE_MAIN {
  std::string Long(40, 'x'), Two("ab");
  const char *LongText = Long.c_str();
  std::ostringstream S1, S2, S3, S4, S5, S6, S7, S8, S9, S10, S11;
  for (std::ostringstream *S :
       {&S1, &S2, &S3, &S4, &S6, &S7, &S8, &S9, &S10, &S11})
    *S << std::string(InPlace, 'x');
  ORACLE_ALLOCATES("an int past a std::ostringstream's buffer", putInt(S1, 42));
  ORACLE_ALLOCATES("a double past it", putDouble(S2, 1.5));
  ORACLE_ALLOCATES("a pointer past it", putPointer(S3, &S3));
  ORACLE_ALLOCATES("a char past it", putChar(S4, 'c'));
  ORACLE_ALLOCATES("a 40-character C string", putText(S5, LongText));
  ORACLE_ALLOCATES("a std::string past it", putString(S6, Two));
  ORACLE_ALLOCATES("std::endl past it", putLine(S7));
  ORACLE_ALLOCATES("put past it", putOne(S8));
  ORACLE_ALLOCATES("write past it", writeThree(S9));
  ORACLE_ALLOCATES("a chain past it", putChain(S10, 1, 2.5, 3));
  ORACLE_ALLOCATES("the same apart past it", putApart(S11, 1, 2.5, 3));
#ifdef _LIBCPP_VERSION
  std::ofstream File("/dev/null");
  ORACLE_ALLOCATES("the first write to a std::ofstream (libc++)", putInt(File, 42));
  ORACLE_NO_HEAP("the second", putInt(File, 42));
#endif
  FixedBuffer Fixed;
  std::ostream Own(&Fixed);
  ORACLE_NO_HEAP("an int into a buffer of the program's own", putInt(Own, 42));
  ORACLE_NO_HEAP("a double into it", putDouble(Own, 1.5));
  ORACLE_NO_HEAP("a pointer into it", putPointer(Own, &Own));
  ORACLE_NO_HEAP("a char into it", putChar(Own, 'c'));
  ORACLE_NO_HEAP("a C string into it", putText(Own, "abc"));
  ORACLE_NO_HEAP("a std::string into it", putString(Own, Long));
  ORACLE_NO_HEAP("std::endl into it", putLine(Own));
  ORACLE_NO_HEAP("put into it", putOne(Own));
  ORACLE_NO_HEAP("write into it", writeThree(Own));
  ORACLE_NO_HEAP("a chain into it", putChain(Own, 1, 2.5, 3));
  ORACLE_NO_HEAP("the same apart into it", putApart(Own, 1, 2.5, 3));
  ORACLE_NO_HEAP("width", setWidth(S1));
  ORACLE_NO_HEAP("good", (void)isGood(S1));
}
#endif
