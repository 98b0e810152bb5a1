// Included with -isystem: library code that dispatches through constant
// tables of function pointers, as libc++'s std::visit does (__fmatrix,
// built by constexpr functions): the table's pointers exist only in the
// value the compiler computes.
#pragma once
template <int I> struct Dispatcher {
  template <class F> static void dispatch(F f) { f(I); }
};
template <class F, int I> constexpr auto makeDispatch() {
  return &Dispatcher<I>::template dispatch<F>;
}
template <class F> struct Table {
  static constexpr void (*Entries[2])(F) = {makeDispatch<F, 0>(),
                                             makeDispatch<F, 1>()};
};
// A local constexpr table.
template <class F> void visitLocal(F f, int i) {
  constexpr void (*Local[2])(F) = {makeDispatch<F, 0>(), makeDispatch<F, 1>()};
  Local[i](f);
}
// A static constexpr member.
template <class F> void visitMember(F f, int i) { Table<F>::Entries[i](f); }
// A captureless lambda converted at compile time: the pointer holds its
// static invoker, which runs its call operator.
template <class F, class Arg> void callConverted(Arg A) {
  constexpr void (*P)(Arg) = F{};
  P(A);
}
