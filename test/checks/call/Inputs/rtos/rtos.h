#include <stddef.h>

typedef struct QueueDefinition *QueueHandle_t;
void *pvPortMalloc(size_t xWantedSize);
void *pvPortCalloc(size_t xNum, size_t xSize);
void vPortFree(void *pv);
QueueHandle_t xQueueGenericCreate(size_t uxQueueLength, size_t uxItemSize,
                                  unsigned char ucQueueType);
#define xQueueCreate(uxQueueLength, uxItemSize)                                \
  xQueueGenericCreate((uxQueueLength), (uxItemSize), 0)
int xQueueGenericSend(QueueHandle_t q, const void *pvItem);
void *k_mem_slab_alloc_block(void);
// Zephyr and ThreadX, declared only (their kernels are not in this run).
struct k_heap;
void *k_heap_alloc(struct k_heap *h, size_t bytes, long long timeout);
void k_heap_free(struct k_heap *h, void *mem);
