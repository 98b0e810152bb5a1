// A stand-in for ETL's <etl/vector.h>, declaring the API the fix-its use
// (ETL is not packaged by Debian): fixes toward ETL are checked as text and
// against these declarations.
#pragma once
#include <cstddef>
namespace etl {
template <typename T, std::size_t N> class vector {
public:
  vector() = default;
  explicit vector(std::size_t Count);
  vector(std::size_t Count, const T &Value);
  void push_back(const T &Value);
  template <typename... A> T &emplace_back(A &&...Args);
  void reserve(std::size_t Count);
  void pop_back();
  void clear();
  T *erase(T *Position);
  bool empty() const;
  T &back();
  std::size_t size() const;
  T &operator[](std::size_t I);
  T *begin();
  T *end();
};
} // namespace etl
