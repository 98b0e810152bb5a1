// A vendor library compiled apart: its functions have no body in the header.
#include <string>
namespace label {
std::string describe(int Code);
std::string cached(int Code);
const char *name(int Code);
} // namespace label
