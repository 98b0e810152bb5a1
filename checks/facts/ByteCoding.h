//===--- ByteCoding.h - Numbers and strings as length-prefixed bytes ------===//
//
// The coding of the compact forms (CompactFacts.h, the result cache's
// entries): a number is a ULEB128, a string its length and its bytes, a
// list its count and its items, so that no two different values give the
// same bytes and a reader makes one pass with nothing to unescape.
//
//===----------------------------------------------------------------------===//

#ifndef NOALLOC_CHECKS_FACTS_BYTECODING_H
#define NOALLOC_CHECKS_FACTS_BYTECODING_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/LEB128.h"
#include <cstdint>
#include <string>
#include <vector>

namespace noalloc {

class ByteWriter {
public:
  explicit ByteWriter(std::string &Out) : Out(Out) {}
  void number(uint64_t N) {
    uint8_t Bytes[16];
    unsigned Size = llvm::encodeULEB128(N, Bytes);
    Out.append(reinterpret_cast<const char *>(Bytes), Size);
  }
  void flag(bool B) { number(B); }
  /// A signed number, zigzag-coded: small magnitudes take one byte.
  void integer(int64_t N) { number((uint64_t(N) << 1) ^ uint64_t(N >> 63)); }
  template <typename Enum> void enumeration(Enum E, Enum) {
    number(uint64_t(E));
  }
  void text(llvm::StringRef S) {
    number(S.size());
    Out.append(S.data(), S.size());
  }
  template <typename T, typename Item>
  void list(const std::vector<T> &List, Item Write) {
    number(List.size());
    for (const T &X : List)
      Write(X);
  }

protected:
  std::string &Out;
};

/// Reads what ByteWriter wrote; past the end, or a value out of range, it
/// fails and reads zeros and empty strings from then on.
class ByteReader {
public:
  explicit ByteReader(llvm::StringRef Bytes) : Rest(Bytes) {}
  bool failed() const { return Failed; }
  bool atEnd() const { return Rest.empty(); }

  uint64_t number() {
    if (Failed)
      return 0;
    // Decoded here: llvm::decodeULEB128 shifts by 64 or more (undefined)
    // when zero groups follow the tenth byte.
    uint64_t N = 0;
    for (size_t I = 0; I < Rest.size() && I < 10; ++I) {
      uint64_t Group = uint8_t(Rest[I]) & 0x7f;
      if (I == 9 && Group > 1)
        break;
      N |= Group << (7 * I);
      if (!(uint8_t(Rest[I]) & 0x80)) {
        Rest = Rest.drop_front(I + 1);
        return N;
      }
    }
    return fail();
  }
  void number(unsigned &N) {
    uint64_t Value = number();
    N = Value > UINT32_MAX ? fail() : unsigned(Value);
  }
  void flag(bool &B) {
    uint64_t Value = number();
    B = Value > 1 ? fail() : Value;
  }
  void integer(int64_t &N) {
    uint64_t Value = number();
    N = int64_t((Value >> 1) ^ (~(Value & 1) + 1));
  }
  template <typename Enum> void enumeration(Enum &E, Enum Last) {
    uint64_t Value = number();
    E = Value > uint64_t(Last) ? Enum(fail()) : Enum(Value);
  }
  /// A string, as a reference into the bytes read.
  llvm::StringRef text() {
    uint64_t Size = number();
    if (Size > Rest.size())
      return fail(), llvm::StringRef();
    llvm::StringRef S = Rest.take_front(Size);
    Rest = Rest.drop_front(Size);
    return S;
  }
  void text(std::string &S) { S = text().str(); }
  /// A count of items that each take a byte at least: a count larger than
  /// what is left is damage, found before anything is allocated for it.
  uint64_t count() {
    uint64_t Count = number();
    return Count > Rest.size() ? fail() : Count;
  }
  template <typename T, typename Item>
  void list(std::vector<T> &List, Item Read) {
    uint64_t Count = count();
    List.clear();
    List.reserve(Count);
    for (uint64_t I = 0; I < Count && !Failed; ++I)
      Read(List.emplace_back());
  }
  /// Marks the bytes damaged; 0, for the value read.
  uint64_t fail() {
    Failed = true;
    Rest = llvm::StringRef();
    return 0;
  }

private:
  llvm::StringRef Rest;
  bool Failed = false;
};

} // namespace noalloc

#endif // NOALLOC_CHECKS_FACTS_BYTECODING_H
