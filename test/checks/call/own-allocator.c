// A program that defines its own heap (FreeRTOS's heap_4.c: pvPortMalloc
// hands out blocks of a static array). With a knowledge file that says
// pvPortMalloc allocates and vPortFree releases, its callers use the heap,
// whatever its body does: before, the body decided and the chain from a
// task to pvPortMalloc was reported clean while the call itself was a
// finding of noalloc-c-allocation.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --knowledge=%S/Inputs/rtos-heap.yaml \
// RUN:   --config="{CheckOptions: {Roots: 'vControlTask;vLeakyTask'}}" %s -- \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --format=json --checks='-*,noalloc-call' --knowledge=%S/Inputs/rtos-heap.yaml %s -- \
// RUN:   | FileCheck %s --check-prefix=JSON
// The negative twin: a file that says pvPortMalloc and vPortFree are not
// heap functions (the built-in knowledge/rtos.yaml says they are: without
// any file of the user's, test/checks/call/rtos-heap.c) gives the bodies
// back the decision: the static array is not the heap, and nothing is
// reported.
// RUN: rm -rf %t && mkdir -p %t
// RUN: printf 'functions:\n  - name: pvPortMalloc\n    effect: none\n  - name: vPortFree\n    effect: none\n' > %t/none.yaml
// RUN: %noalloc --checks='-*,noalloc-call' --knowledge=%t/none.yaml \
// RUN:   --config="{CheckOptions: {Roots: 'vControlTask;vLeakyTask'}}" %s -- \
// RUN:   2>&1 | FileCheck %s --check-prefix=PLAIN --implicit-check-not='{{warning|error}}:'
// PLAIN: noalloc: 0 findings in 1 file
// Other effects leave the body in charge: the firmware's own printf is not
// glibc's (whose may-allocate the strict policy counts).
// RUN: %noalloc --checks='-*,noalloc-call' --knowledge=%S/Inputs/rtos-heap.yaml \
// RUN:   --config="{CheckOptions: {Roots: 'vControlTask', Policy: strict}}" %s -- \
// RUN:   2>&1 | FileCheck %s --check-prefix=STRICT --implicit-check-not='{{warning|error}}:'
// STRICT: noalloc: 0 findings in 1 file

#include <stddef.h>

static unsigned char ucHeap[1024];
static size_t xNextFree;

void *pvPortMalloc(size_t xWantedSize) {
  if (xNextFree + xWantedSize > sizeof ucHeap)
    return NULL;
  void *pvReturn = &ucHeap[xNextFree];
  xNextFree += xWantedSize;
  return pvReturn;
}

void vPortFree(void *pv) { (void)pv; }

static int uart_put(int c) { return c; }

int printf(const char *format, ...) {
  int n = 0;
  while (format[n])
    uart_put(format[n++]);
  return n;
}

void *xQueueCreate(size_t uxLength) { return pvPortMalloc(uxLength * 8); }
// CHECK: own-allocator.c:[[@LINE-1]]:46: warning: call to 'pvPortMalloc' may allocate on the heap [noalloc-call]
// CHECK: own-allocator.c:[[@LINE+6]]:6: note: 'vLeakyTask' must not allocate: it is a noalloc root
// CHECK: own-allocator.c:[[@LINE+6]]:18: note: 'vLeakyTask' calls 'xQueueCreate'
void vQueueDelete(void *xQueue) { vPortFree(xQueue); }
// CHECK: own-allocator.c:[[@LINE-1]]:35: warning: call to 'vPortFree' may release heap memory [noalloc-call]
// CHECK: own-allocator.c:[[@LINE+2]]:6: note: 'vLeakyTask' must not allocate: it is a noalloc root

void vLeakyTask(void) {
  void *xQueue = xQueueCreate(4);
  // CHECK: own-allocator.c:[[@LINE-1]]:18: warning: call to 'xQueueCreate' may allocate on the heap [noalloc-call]
  // CHECK: own-allocator.c:[[@LINE-3]]:6: note: 'vLeakyTask' must not allocate: it is a noalloc root
  // CHECK: own-allocator.c:[[@LINE-12]]:46: note: 'xQueueCreate' calls 'pvPortMalloc'
  vQueueDelete(xQueue);
  // CHECK: own-allocator.c:[[@LINE-1]]:3: note: and 1 more call in 'vLeakyTask' that may use the heap
}

void vControlTask(void) { printf("tick\n"); }

// JSON: "name": "pvPortMalloc",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "printf",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "none"
// JSON: "name": "xQueueCreate",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "vQueueDelete",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "releases"
// JSON: "name": "vControlTask",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "none"
