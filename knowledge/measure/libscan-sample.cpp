// Witnesses for libstdc++ functions compiled into libstdc++.so, labelled
// with the knowledge-base name noalloc-libscan derives (agreement.sh).
#include <chrono>
#include <exception>
#include <locale>
#include <stdexcept>
#include <string>
#include <thread>

#ifdef NOALLOC_ORACLE
#include "oracle.h"
ORACLE_MAIN {
  std::string S(40, 'x'), T("abc");
  ORACLE_ALLOCATES("std::basic_string::reserve", S.reserve(1000));
  ORACLE_NO_HEAP("std::basic_string::find", (void)S.find("xy"));
  ORACLE_NO_HEAP("std::basic_string::swap", S.swap(T));
  std::string U("abc");
  ORACLE_ALLOCATES("std::basic_string::_M_replace_aux", U.append(100, 'y'));
  ORACLE_NO_HEAP("std::basic_string::compare", (void)T.compare(0, 1, "a"));
  ORACLE_ALLOCATES("std::runtime_error::runtime_error", std::runtime_error E("x"));
  std::logic_error L("x");
  ORACLE_NO_HEAP("std::logic_error::what", (void)L.what());
  ORACLE_ALLOCATES("std::__throw_out_of_range", std::__throw_out_of_range("x"));
  ORACLE_ALLOCATES("std::__throw_length_error", std::__throw_length_error("x"));
  ORACLE_NO_HEAP("std::locale::classic", (void)std::locale::classic());
  ORACLE_NO_HEAP("std::locale::locale", std::locale Loc);
  ORACLE_NO_HEAP("std::chrono::steady_clock::now", (void)std::chrono::steady_clock::now());
  ORACLE_NO_HEAP("std::thread::hardware_concurrency", (void)std::thread::hardware_concurrency());
  ORACLE_NO_HEAP("std::uncaught_exceptions", (void)std::uncaught_exceptions());
  std::exception_ptr P = std::make_exception_ptr(1);
  ORACLE_ALLOCATES("std::rethrow_exception", std::rethrow_exception(P));
}
#endif
