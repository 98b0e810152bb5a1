// An ODR violation: another 'Record' in odr_b.cpp, whose destructor the
// compiler declares too.
#include <string>
struct Record {
  std::string name;
};
int sizeA() {
  Record r;
  return (int)r.name.size();
}
