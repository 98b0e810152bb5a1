// The std::istream extractors (operator>> into a number, a character, a C
// string or a std::string), get, getline, read, ignore, peek and the sentry
// read from the stream's buffer, and the buffer decides: std::cin's first
// read allocates stdin's buffer (glibc's stdio, which libstdc++'s and
// libc++'s std::cin read through: 1 with both), a std::ifstream's first
// read allocates its buffer with libc++ (1; libstdc++ allocates it when the
// file is opened), a std::string read into grows past its small-string
// buffer (1), and libstdc++ gathers a floating-point number's characters in
// a std::string of its own (1 acquired, 1 released, on every stream). A
// stream over a buffer of the program's own allocates nothing otherwise
// (0). noalloc cannot tell the stream behind a std::istream&, so the
// extractors allocate; what only reads the stream's state (gcount, good)
// does not.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=CALL --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefix=CALL --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-std-type' %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=BOTH --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call,noalloc-std-type' %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefix=BOTH --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-*' --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-*' --format=json %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefix=JSON
// RUN: %oracle %s -- -std=c++17

#include <istream>
#include <string>

void getInt(std::istream &is, int &x) { is >> x; }
// CALL: istream.cpp:[[@LINE-1]]:44: warning: call to 'std::basic_istream<char>::operator>>' may allocate on the heap [noalloc-call]
// BOTH: istream.cpp:[[@LINE-2]]:44: warning: call to 'std::basic_istream<char>::operator>>' allocates on the heap [noalloc-std-type]
void getDouble(std::istream &is, double &x) { is >> x; }
// CALL: istream.cpp:[[@LINE-1]]:50: warning: call to 'std::basic_istream<char>::operator>>' may allocate on the heap [noalloc-call]
// BOTH: istream.cpp:[[@LINE-2]]:50: warning: call to 'std::basic_istream<char>::operator>>' allocates on the heap [noalloc-std-type]
void getChar(std::istream &is, char &c) { is >> c; }
// CALL: istream.cpp:[[@LINE-1]]:46: warning: call to 'std::{{(__1::)?}}operator>>' may allocate on the heap [noalloc-call]
// BOTH: istream.cpp:[[@LINE-2]]:46: warning: call to 'std::operator>>' allocates on the heap [noalloc-std-type]
void getText(std::istream &is, char *buf) { is >> buf; }
// CALL: istream.cpp:[[@LINE-1]]:48: warning: call to 'std::{{(__1::)?}}operator>>' may allocate on the heap [noalloc-call]
// BOTH: istream.cpp:[[@LINE-2]]:48: warning: call to 'std::operator>>' allocates on the heap [noalloc-std-type]
void getWord(std::istream &is, std::string &s) { is >> s; }
// CALL: istream.cpp:[[@LINE-1]]:53: warning: call to 'std::{{(__1::)?}}operator>>' may allocate on the heap [noalloc-call]
// BOTH: istream.cpp:[[@LINE-2]]:53: warning: call to 'std::operator>>' allocates on the heap [noalloc-std-type]
void getLine(std::istream &is, char *buf, int n) { is.getline(buf, n); }
// CALL: istream.cpp:[[@LINE-1]]:55: warning: call to 'std::basic_istream<char>::getline' may allocate on the heap [noalloc-call]
// BOTH: istream.cpp:[[@LINE-2]]:52: warning: call to 'std::basic_istream<char>::getline' allocates on the heap [noalloc-std-type]
void readSome(std::istream &is, char *buf, int n) { is.read(buf, n); }
// CALL: istream.cpp:[[@LINE-1]]:56: warning: call to 'std::basic_istream<char>::read' may allocate on the heap [noalloc-call]
// BOTH: istream.cpp:[[@LINE-2]]:53: warning: call to 'std::basic_istream<char>::read' allocates on the heap [noalloc-std-type]
int getOne(std::istream &is) { return is.get(); }
// CALL: istream.cpp:[[@LINE-1]]:42: warning: call to 'std::basic_istream<char>::get' may allocate on the heap [noalloc-call]
// BOTH: istream.cpp:[[@LINE-2]]:39: warning: call to 'std::basic_istream<char>::get' allocates on the heap [noalloc-std-type]
void skipTen(std::istream &is) { is.ignore(10); }
// CALL: istream.cpp:[[@LINE-1]]:37: warning: call to 'std::basic_istream<char>::ignore' may allocate on the heap [noalloc-call]
// BOTH: istream.cpp:[[@LINE-2]]:34: warning: call to 'std::basic_istream<char>::ignore' allocates on the heap [noalloc-std-type]
int peekOne(std::istream &is) { return is.peek(); }
// CALL: istream.cpp:[[@LINE-1]]:43: warning: call to 'std::basic_istream<char>::peek' may allocate on the heap [noalloc-call]
// BOTH: istream.cpp:[[@LINE-2]]:40: warning: call to 'std::basic_istream<char>::peek' allocates on the heap [noalloc-std-type]
bool skipSpace(std::istream &is) {
  std::istream::sentry Ready(is);
  // CALL: istream.cpp:[[@LINE-1]]:24: warning: call to 'std::basic_istream<char>::sentry::sentry' may allocate on the heap [noalloc-call]
  // BOTH: istream.cpp:[[@LINE-2]]:24: warning: construction of 'std::basic_istream<char>::sentry' allocates on the heap [noalloc-std-type]
  return bool(Ready);
}
// A chain is one finding of noalloc-std-type (test/semantics/ostream.cpp).
void getPair(std::istream &is, int &a, int &b) { is >> a >> b; }
// CALL: istream.cpp:[[@LINE-1]]:53: warning: call to 'std::basic_istream<char>::operator>>' may allocate on the heap [noalloc-call]
// BOTH: istream.cpp:[[@LINE-2]]:53: warning: call to 'std::basic_istream<char>::operator>>' allocates on the heap [noalloc-std-type]
// BOTH: istream.cpp:[[@LINE-3]]:58: note: and 1 more call in this chain that allocates on the heap

// The twins: the stream's state, read.
long lastCount(const std::istream &is) { return is.gcount(); }
bool isGood(const std::istream &is) { return is.good(); }

// JSON: "name": "getInt",
// JSON: "verdict": "allocates"
// JSON: "name": "getDouble",
// JSON: "verdict": "allocates"
// JSON: "name": "getChar",
// JSON: "verdict": "allocates"
// JSON: "name": "getText",
// JSON: "verdict": "allocates"
// JSON: "name": "getWord",
// JSON: "verdict": "allocates"
// JSON: "name": "getLine",
// JSON: "verdict": "allocates"
// JSON: "name": "readSome",
// JSON: "verdict": "allocates"
// JSON: "name": "getOne",
// JSON: "verdict": "allocates"
// JSON: "name": "skipTen",
// JSON: "verdict": "allocates"
// JSON: "name": "peekOne",
// JSON: "verdict": "allocates"
// JSON: "name": "skipSpace",
// JSON: "verdict": "allocates"
// JSON: "name": "getPair",
// JSON: "verdict": "allocates"
// JSON: "name": "lastCount",
// JSON: "verdict": "none"
// JSON: "name": "isGood",
// JSON: "verdict": "none"

#ifdef NOALLOC_ORACLE
#include "oracle.h"
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <streambuf>
#include <unistd.h>

// The witnesses' input, in a file of their own.
static char Path[] = "/tmp/noalloc-istream-XXXXXX";
static const char *Text = "42 1.5 x a-word-longer-than-any-small-string\n"
                          "a line\nabcdefghijklmnop\n";

// stdin over the file again: its buffer is allocated on the next read.
static void freshStdin() {
  std::freopen(Path, "r", stdin);
  std::cin.clear();
}

// A stream over the program's own buffer.
struct FixedBuffer : std::streambuf {
  char Storage[128];
  FixedBuffer() {
    std::snprintf(Storage, sizeof Storage, "%s", Text);
    setg(Storage, Storage, Storage + std::char_traits<char>::length(Storage));
  }
};

ORACLE_MAIN {
  int Fd = mkstemp(Path);
  if (Fd < 0 || write(Fd, Text, std::char_traits<char>::length(Text)) < 0)
    return;
  close(Fd);
  // An ORACLE_ALLOCATES statement is the call alone, or its value stored
  // (bench/precision.py).
  int I = 0, J = 0, Got = 0;
  bool Ready = false;
  double D = 0;
  char C = 0, Buf[128];
  std::string S;
  freshStdin();
  ORACLE_ALLOCATES("std::cin >> int, the first read", getInt(std::cin, I));
  ORACLE_NO_HEAP("std::cin >> int, the next", getInt(std::cin, I));
  freshStdin();
  ORACLE_ALLOCATES("std::cin >> double, the first read", getDouble(std::cin, D));
  freshStdin();
  ORACLE_ALLOCATES("std::cin >> char, the first read", getChar(std::cin, C));
  freshStdin();
  ORACLE_ALLOCATES("std::cin >> char *, the first read", getText(std::cin, Buf));
  freshStdin();
  ORACLE_ALLOCATES("std::cin >> std::string, the first read", getWord(std::cin, S));
  freshStdin();
  ORACLE_ALLOCATES("std::cin.getline, the first read", getLine(std::cin, Buf, 100));
  freshStdin();
  ORACLE_ALLOCATES("std::cin.read, the first read", readSome(std::cin, Buf, 10));
  freshStdin();
  ORACLE_ALLOCATES("std::cin.get, the first read", Got = getOne(std::cin));
  freshStdin();
  ORACLE_ALLOCATES("std::cin.ignore, the first read", skipTen(std::cin));
  freshStdin();
  ORACLE_ALLOCATES("std::cin.peek, the first read", Got = peekOne(std::cin));
  freshStdin();
  ORACLE_ALLOCATES("a sentry on std::cin, the first read", Ready = skipSpace(std::cin));
  freshStdin();
  ORACLE_ALLOCATES("std::cin >> int >> int, the first read", getPair(std::cin, I, J));
  {
    std::istringstream In("a-word-longer-than-any-small-string");
    std::string Word;
    ORACLE_ALLOCATES("a long word into a std::string", getWord(In, Word));
  }
#ifdef _LIBCPP_VERSION
  {
    std::ifstream File(Path);
    ORACLE_ALLOCATES("std::ifstream >> int, the first read (libc++)", getInt(File, I));
    ORACLE_NO_HEAP("the next", getInt(File, I));
  }
#endif
  FixedBuffer Fixed;
  std::istream Own(&Fixed);
  std::string Short;
  ORACLE_NO_HEAP("an int from a buffer of the program's own", getInt(Own, I));
#ifdef _LIBCPP_VERSION
  ORACLE_NO_HEAP("a double from it (libc++)", getDouble(Own, D));
#else
  ORACLE_ALLOCATES("a double from it (libstdc++'s own std::string)", getDouble(Own, D));
#endif
  ORACLE_NO_HEAP("a char from it", getChar(Own, C));
  ORACLE_NO_HEAP("a long word into a char buffer", getText(Own, Buf));
  ORACLE_NO_HEAP("getline into a char buffer", getLine(Own, Buf, 100));
  ORACLE_NO_HEAP("a short word into a std::string", getWord(Own, Short));
  ORACLE_NO_HEAP("read", readSome(Own, Buf, 3));
  ORACLE_NO_HEAP("get", Got = getOne(Own));
  ORACLE_NO_HEAP("ignore", skipTen(Own));
  ORACLE_NO_HEAP("peek", Got = peekOne(Own));
  ORACLE_NO_HEAP("a sentry", Ready = skipSpace(Own));
  ORACLE_NO_HEAP("two ints", getPair(Own, I, J));
  ORACLE_NO_HEAP("gcount", (void)lastCount(Own));
  ORACLE_NO_HEAP("good", (void)isGood(Own));
  std::remove(Path);
}
#endif
