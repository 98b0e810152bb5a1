// The kernel's side of test/checks/call/rtos-heap.c, shaped like FreeRTOS:
// heap_4.c's pvPortMalloc hands out blocks of a static array (no malloc),
// queue.c's xQueueGenericCreate takes the queue's storage from it, and
// xQueueGenericSend copies into a queue made before.
#include "rtos.h"

static unsigned char ucHeap[4096];
static size_t xNextFreeByte;

void *pvPortMalloc(size_t xWantedSize) {
  void *pvReturn = NULL;
  if (xNextFreeByte + xWantedSize <= sizeof ucHeap) {
    pvReturn = &ucHeap[xNextFreeByte];
    xNextFreeByte += xWantedSize;
  }
  return pvReturn;
}

void vPortFree(void *pv) { (void)pv; }

void *pvPortCalloc(size_t xNum, size_t xSize) {
  unsigned char *p = pvPortMalloc(xNum * xSize);
  for (size_t i = 0; p && i < xNum * xSize; ++i)
    p[i] = 0;
  return p;
}

struct QueueDefinition {
  unsigned char *pcStorage;
  size_t uxItemSize, uxCount;
};

QueueHandle_t xQueueGenericCreate(size_t uxQueueLength, size_t uxItemSize,
                                  unsigned char ucQueueType) {
  (void)ucQueueType;
  QueueHandle_t q = pvPortMalloc(sizeof(struct QueueDefinition) +
                                 uxQueueLength * uxItemSize);
  if (q) {
    q->pcStorage = (unsigned char *)(q + 1);
    q->uxItemSize = uxItemSize;
    q->uxCount = 0;
  }
  return q;
}

int xQueueGenericSend(QueueHandle_t q, const void *pvItem) {
  const unsigned char *from = pvItem;
  for (size_t i = 0; i < q->uxItemSize; ++i)
    q->pcStorage[q->uxCount * q->uxItemSize + i] = from[i];
  q->uxCount++;
  return 1;
}

// A fixed-size block pool (Zephyr's k_mem_slab, ThreadX's block pools):
// every block has one size, all made up front. It is not the heap, and no
// built-in entry says otherwise: its body decides.
static unsigned char aucSlab[8][32];
static unsigned uxSlabUsed;

void *k_mem_slab_alloc_block(void) {
  return uxSlabUsed < 8 ? aucSlab[uxSlabUsed++] : NULL;
}
