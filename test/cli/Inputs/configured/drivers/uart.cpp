#include <cstddef>
extern "C" void *pvPortMalloc(std::size_t);
void uart_step() { pvPortMalloc(4); }
