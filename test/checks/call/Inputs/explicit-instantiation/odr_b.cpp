#include <memory>
struct Record {
  std::unique_ptr<int> id;
};
int sizeB() {
  Record r;
  return r.id ? *r.id : 0;
}
