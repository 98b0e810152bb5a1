// A look-alike of ETL's vector built with ETL_THROW_EXCEPTIONS: a full
// vector throws etl::vector_full, derived from etl::exception, through the
// ETL_ASSERT macro (etl/error_handler.h, etl/private/vector_base.h).
#ifndef LOOKALIKE_ETL_VECTOR_H
#define LOOKALIKE_ETL_VECTOR_H
#include <stddef.h>

namespace etl {
class exception {
public:
  exception(const char *Reason, const char *File, int Line)
      : Reason(Reason), File(File), Line(Line) {}
  const char *what() const { return Reason; }

private:
  const char *Reason;
  const char *File;
  int Line;
};
class vector_exception : public exception {
public:
  vector_exception(const char *Reason, const char *File, int Line)
      : exception(Reason, File, Line) {}
};
class vector_full : public vector_exception {
public:
  vector_full(const char *File, int Line)
      : vector_exception("vector:full", File, Line) {}
};

#define ETL_ASSERT(b, e)                                                       \
  do {                                                                         \
    if (!(b))                                                                  \
      throw((e));                                                              \
  } while (false)

template <typename T, size_t N> class vector {
public:
  void push_back(const T &Value) {
    ETL_ASSERT(Size != N, vector_full(__FILE__, __LINE__));
    Data[Size++] = Value;
  }
  size_t size() const { return Size; }

private:
  T Data[N];
  size_t Size = 0;
};
} // namespace etl
#endif
