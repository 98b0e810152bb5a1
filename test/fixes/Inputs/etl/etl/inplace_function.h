// A stand-in for ETL's <etl/inplace_function.h> (ETL is not packaged by
// Debian): the API the fix-its use, checked as text and by compiling.
#pragma once
#include <cstddef>
#include <new>
#include <utility>
namespace etl {
template <typename Signature, std::size_t Size> class inplace_function;
template <typename R, typename... A, std::size_t Size>
class inplace_function<R(A...), Size> {
public:
  template <typename F> inplace_function(F Function) {
    static_assert(sizeof(F) <= Size, "the callable does not fit");
    new (Storage) F(std::move(Function));
    Call = [](void *S, A... Args) -> R {
      return (*static_cast<F *>(S))(std::forward<A>(Args)...);
    };
  }
  R operator()(A... Args) { return Call(Storage, std::forward<A>(Args)...); }

private:
  alignas(std::max_align_t) unsigned char Storage[Size];
  R (*Call)(void *, A...);
};
} // namespace etl
