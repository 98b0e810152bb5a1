// A system header that user code includes inside a block of its own
// (headers.cpp's extern "C++"): its declarations are inside the checks'
// traversal of user code, each of them something a check reports in user
// code, and none is reported here.
#pragma once
inline int *nestedNew() { return new int(1); }
inline void nestedDelete(int *P) { delete P; }
inline void *nestedMalloc() { return std::malloc(8); }
inline void nestedThrow() { throw 1; }
inline std::size_t nestedLength(const std::string &S) { return S.size(); }
inline std::size_t nestedString() {
  std::string Text = "longer than any small-string buffer holds";
  return Text.size();
}
struct NestedHolder {
  std::vector<int> Values;
};
