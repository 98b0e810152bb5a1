// A virtual call that library code makes on a library class reaches the
// overrides the library compiles, which no analysed file holds:
// std::streambuf's sputc, sputn, sgetc, sbumpc and sgetn call the virtual
// overflow, xsputn, underflow, uflow and xsgetn, and the buffer behind a
// std::streambuf& may be a std::stringbuf, which grows its string (1000
// characters put by sputc or by one sputn: 2 allocations with libstdc++ 12,
// 6 with libc++ 22), or a std::filebuf, which allocates its buffer on the
// first write or read with libc++ (1; libstdc++ allocates it when the file
// is opened). The knowledge base says so for each member; a user buffer
// in the program ('Sink') does not make the library's overrides go away
// (before, the candidates of the virtual call were Sink's alone, and 'put'
// was 'none'). A member without an entry (sync, behind pubsync) may run
// library code noalloc cannot see: 'unknown', which the default policy
// accepts and the strict one counts. Twins: a call that names the final
// override of the program's own buffer runs it alone, and a class hierarchy
// of the program's own keeps its candidates (both 'none'). noalloc cannot
// tell which buffer is behind sputc's virtual call, so a Sink put through
// sputc allocates too (the oracle's 'sputc on a Sink').
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 \
// RUN:   | FileCheck %s --check-prefixes=JSON,LENIENT
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s -- -std=c++17 -stdlib=libc++ \
// RUN:   | FileCheck %s --check-prefixes=JSON,LENIENT
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json --config='{CheckOptions: {Policy: strict}}' \
// RUN:   %s -- -std=c++17 | FileCheck %s --check-prefixes=JSON,STRICT
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json --config='{CheckOptions: {Policy: strict}}' \
// RUN:   %s -- -std=c++17 -stdlib=libc++ | FileCheck %s --check-prefixes=JSON,STRICT
// RUN: %oracle %s -- -std=c++17

#include <fstream>
#include <sstream>
#include <streambuf>

// JSON: "name": "put",
// JSON: "verdict": "allocates"
void put(std::streambuf &b, char c) { b.sputc(c); }
// JSON: "name": "putText",
// JSON: "verdict": "allocates"
void putText(std::streambuf &b, const char *s, std::streamsize n) {
  b.sputn(s, n);
}
// JSON: "name": "peek",
// JSON: "verdict": "allocates"
int peek(std::streambuf &b) { return b.sgetc(); }
// JSON: "name": "take",
// JSON: "verdict": "allocates"
int take(std::streambuf &b) { return b.sbumpc(); }
// JSON: "name": "takeText",
// JSON: "verdict": "allocates"
std::streamsize takeText(std::streambuf &b, char *s, std::streamsize n) {
  return b.sgetn(s, n);
}
// JSON: "effect": "unknown",
// JSON: "name": "sync",
// LENIENT: "verdict": "none"
// STRICT: "verdict": "allocates"
int sync(std::streambuf &b) { return b.pubsync(); }

// The program's own buffer.
struct Sink final : std::streambuf {
  int_type overflow(int_type c) override {
    ++count;
    return c;
  }
  int count = 0;
};
// JSON: "name": "putSink",
// JSON: "verdict": "none"
int putSink(Sink &s, char c) { return s.overflow(c); }

// A class hierarchy of the program's own, which no client can extend (in
// a run with no 'main', an external class may have clients' overrides:
// test/semantics/client-overrides.cpp).
namespace {
struct Out {
  virtual ~Out() = default;
  virtual void put(char c) = 0;
};
struct Counter final : Out {
  int n = 0;
  void put(char) override { ++n; }
};
} // namespace
// JSON: "effect": "none",
// JSON: "name": "putOut",
// JSON: "verdict": "none"
void putOut(Out &o, char c) { o.put(c); }

#ifdef NOALLOC_ORACLE
#include "oracle.h"
#ifndef _LIBCPP_VERSION
#include <ext/stdio_sync_filebuf.h>
#endif
static char text[1000];
ORACLE_MAIN {
  std::stringbuf grown;
  ORACLE_ALLOCATES("sputc on a std::stringbuf",
                   for (int i = 0; i < 1000; ++i) put(grown, 'x'));
  std::stringbuf written;
  ORACLE_ALLOCATES("sputn on a std::stringbuf",
                   putText(written, text, sizeof text));
  std::stringbuf read("abc");
  ORACLE_NO_HEAP("sgetc on a std::stringbuf", peek(read));
  ORACLE_NO_HEAP("sbumpc on a std::stringbuf", take(read));
  ORACLE_NO_HEAP("sgetn on a std::stringbuf", takeText(read, text, 2));
  ORACLE_NO_HEAP("pubsync on a std::stringbuf", sync(read));
#ifdef _LIBCPP_VERSION
  std::filebuf out;
  out.open("/dev/null", std::ios_base::out);
  ORACLE_ALLOCATES("the first sputc on a std::filebuf", put(out, 'x'));
  std::filebuf in;
  in.open("/dev/zero", std::ios_base::in);
  ORACLE_ALLOCATES("the first sgetc on a std::filebuf", peek(in));
  std::filebuf bumped;
  bumped.open("/dev/zero", std::ios_base::in);
  ORACLE_ALLOCATES("the first sbumpc on a std::filebuf", take(bumped));
  std::filebuf got;
  got.open("/dev/zero", std::ios_base::in);
  ORACLE_ALLOCATES("the first sgetn on a std::filebuf",
                   takeText(got, text, 100));
#else
  // libstdc++'s filebuf allocates its buffer in open(). Its buffer over a
  // stdio FILE reads and writes through the FILE, whose buffer glibc
  // allocates on the first read or write.
  __gnu_cxx::stdio_sync_filebuf<char> out(fopen("/dev/null", "w"));
  ORACLE_ALLOCATES("the first sputc on a stdio_sync_filebuf", put(out, 'x'));
  __gnu_cxx::stdio_sync_filebuf<char> written2(fopen("/dev/null", "w"));
  ORACLE_ALLOCATES("the first sputn on a stdio_sync_filebuf",
                   putText(written2, text, 2));
  __gnu_cxx::stdio_sync_filebuf<char> in(fopen("/dev/zero", "r"));
  ORACLE_ALLOCATES("the first sgetc on a stdio_sync_filebuf", peek(in));
  __gnu_cxx::stdio_sync_filebuf<char> bumped(fopen("/dev/zero", "r"));
  ORACLE_ALLOCATES("the first sbumpc on a stdio_sync_filebuf", take(bumped));
  __gnu_cxx::stdio_sync_filebuf<char> got(fopen("/dev/zero", "r"));
  ORACLE_ALLOCATES("the first sgetn on a stdio_sync_filebuf",
                   takeText(got, text, 100));
#endif
  Sink sink;
  ORACLE_NO_HEAP("Sink::overflow", putSink(sink, 'x'));
  ORACLE_NO_HEAP("sputc on a Sink", for (int i = 0; i < 1000; ++i) put(sink, 'x'));
  Counter counter;
  ORACLE_NO_HEAP("a virtual call of the program's own", putOut(counter, 'x'));
}
#endif
