#include <cstddef>
extern "C" void *pvPortMalloc(std::size_t);

static void *queue;
void queue_init() { queue = pvPortMalloc(64); }
static void *grow() { return pvPortMalloc(8); }
void control_step(bool overflow) {
  if (overflow)
    grow();
}
void unused() { pvPortMalloc(16); }
