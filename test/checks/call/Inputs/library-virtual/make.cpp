#include <memory>
#include <cstdlib>
struct Noisy { ~Noisy(); };
Noisy::~Noisy() { std::free(std::malloc(8)); }
std::shared_ptr<void> make() { return std::make_shared<Noisy>(); }
