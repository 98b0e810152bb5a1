// Library templates (a system header) that write the pointers of the user
// types they are instantiated with: by name, and by copying bytes.
#pragma clang system_header

namespace lib {
template <class To, class From> void copyBytes(To &To_, const From &From_) {
  static_assert(sizeof(To) == sizeof(From), "same size");
  __builtin_memcpy(&To_, &From_, sizeof To_);
}
template <class To, class From> void copyRun(To &To_, const From &From_) {
  To_.run = From_.other;
}
} // namespace lib
