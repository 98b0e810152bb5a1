// An RTOS's heap is the heap: knowledge/rtos.yaml, built in, says FreeRTOS's
// pvPortMalloc allocates and vPortFree releases (and Zephyr's, ESP-IDF's,
// ThreadX's, RT-Thread's and NuttX's heap functions the same), and decides
// them even though the program defines them: Inputs/rtos/heap_4.c's
// pvPortMalloc hands out blocks of a static array, as FreeRTOS's heap_4.c
// does. Before, with no file of the user's, every task here was clean
// (review7-1: FreeRTOS's xQueueCreate -> xQueueGenericCreate ->
// pvPortMalloc). The runtime oracle counts malloc, which such a heap never
// calls: these labels are the knowledge base's declarations, not
// measurements, so this test is not a semantics test.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
// RUN:   --config="{CheckOptions: {Roots: 'bad_tick;grab_block;release_block;zephyr_tick;sample_tick;slab_tick'}}" \
// RUN:   %s %S/Inputs/rtos/heap_4.c -- | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
// RUN:   --config="{CheckOptions: {Roots: 'bad_tick;grab_block;release_block;zephyr_tick;sample_tick;slab_tick'}}" \
// RUN:   %s %S/Inputs/rtos/heap_4.c -- 2>&1 | FileCheck %s --check-prefix=SUMMARY
// SUMMARY: noalloc: root 'bad_tick' may allocate: 'bad_tick' -> 'xQueueGenericCreate' calls 'pvPortMalloc', which allocates on the heap;
// SUMMARY: noalloc: root 'grab_block' may allocate: 'grab_block' calls 'pvPortCalloc', which allocates on the heap;
// SUMMARY: noalloc: root 'zephyr_tick' may allocate: 'zephyr_tick' calls 'k_heap_alloc', which allocates on the heap
// SUMMARY: noalloc: root 'release_block' may release heap memory: 'release_block' calls 'vPortFree', which releases heap memory;
// SUMMARY: noalloc: root 'sample_tick' does not use the heap
// SUMMARY: noalloc: root 'slab_tick' does not use the heap
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --format=json %s %S/Inputs/rtos/heap_4.c -- \
// RUN:   | FileCheck %s --check-prefix=JSON
// The negative twin: a file of the user's that says pvPortMalloc,
// pvPortCalloc and vPortFree are not heap functions gives their bodies back
// the decision: the static array is then not the heap, and nothing is
// reported (what a program whose own C functions of these names are not
// allocators writes).
// RUN: rm -rf %t && mkdir -p %t
// RUN: printf 'functions:\n  - name: pvPortMalloc\n    effect: none\n  - name: pvPortCalloc\n    effect: none\n  - name: vPortFree\n    effect: none\n' > %t/own.yaml
// RUN: %noalloc --checks='-*,noalloc-call' --knowledge=%t/own.yaml \
// RUN:   --config="{CheckOptions: {Roots: 'bad_tick;grab_block;release_block;sample_tick;slab_tick'}}" \
// RUN:   %s %S/Inputs/rtos/heap_4.c -- 2>&1 | FileCheck %s --check-prefix=OWN --implicit-check-not='{{warning|error}}:'
// OWN: noalloc: 0 findings in 2 files
// A program with no RTOS whose own C function is named like RT-Thread's
// (Inputs/rtos/route-table.c's rt_free frees a routing-table slot) is not
// RT-Thread's: rtos.yaml's rt_ entries say 'declared-in: [rtthread.h]', and
// no rtthread.h declares it, so its body decides (before, a false alarm:
// "call to 'rt_free' may release heap memory"). Its own file's 'effect:
// none' changes nothing. A C++ function of that name has C++ linkage, which
// rtos.yaml's 'language: c' entries do not match: its body decides.
// RUN: %noalloc --checks='-*,noalloc-call' --config="{CheckOptions: {Roots: 'route_tick'}}" \
// RUN:   %S/Inputs/rtos/route-table.c -- 2>&1 | FileCheck %s --check-prefix=ROUTE-OWN --implicit-check-not='{{warning|error}}:'
// The shape of review8's cJSON application: its own rt_free wraps the C
// library's free, and the root's answer shows that path (before: "'rt_tick'
// calls 'rt_free', which releases heap memory", the knowledge's word).
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --config="{CheckOptions: {Roots: 'rt_tick'}}" \
// RUN:   %S/Inputs/rtos/rt-wrapper.c -- 2>&1 | FileCheck %s --check-prefix=WRAPPER
// WRAPPER: noalloc: root 'rt_tick' may release heap memory: 'rt_tick' -> 'rt_free' calls 'free', which releases heap memory
// The twin: RT-Thread's own rt_malloc and rt_free, declared in rtthread.h,
// are the heap even though the program defines them (Inputs/rtos/rt-kernel.c
// hands out blocks of a static array, as heap_4.c does).
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' --config="{CheckOptions: {Roots: 'rt_thread_tick'}}" \
// RUN:   %S/Inputs/rtos/rt-kernel.c -- 2>&1 | FileCheck %s --check-prefix=KERNEL
// KERNEL: noalloc: root 'rt_thread_tick' may allocate: 'rt_thread_tick' calls 'rt_malloc', which allocates on the heap
// lwIP's heap (review10-2): mem_malloc over the static ram_heap is a
// variable-size first-fit heap, as heap_4's pvPortMalloc is: its
// mem_malloc, mem_calloc, mem_trim and mem_free, declared in lwip/mem.h,
// are the heap even though Inputs/rtos/lwip-mem.c defines them (before,
// every root here did not use the heap). memp_malloc's pools have one block
// size each and are not the heap: pool_tick's answer is its body's.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-call' \
// RUN:   --config="{CheckOptions: {Roots: 'lwip_tick;lwip_shrink;lwip_zeroed;pool_tick'}}" \
// RUN:   %S/Inputs/rtos/lwip-mem.c -- 2>&1 | FileCheck %s --check-prefix=LWIP
// LWIP: noalloc: root 'lwip_tick' may allocate: 'lwip_tick' calls 'mem_malloc', which allocates on the heap;
// LWIP: noalloc: root 'lwip_shrink' may allocate: 'lwip_shrink' calls 'mem_trim', which allocates on the heap;
// LWIP: noalloc: root 'lwip_zeroed' may allocate: 'lwip_zeroed' calls 'mem_calloc', which allocates on the heap;
// LWIP: noalloc: root 'pool_tick' does not use the heap
// The twin: a program's own mem_malloc and mem_free, which no lwip/mem.h
// declares (an arena reset every frame), are decided by their bodies.
// RUN: %noalloc --checks='-*,noalloc-call' --config="{CheckOptions: {Roots: 'frame_tick'}}" \
// RUN:   %S/Inputs/rtos/own-mem.c -- 2>&1 | FileCheck %s --check-prefix=OWN-MEM --implicit-check-not='{{warning|error}}:'
// OWN-MEM: noalloc: root 'frame_tick' does not use the heap
// RUN: printf 'functions:\n  - name: rt_free\n    effect: none\n' > %t/route.yaml
// RUN: %noalloc --checks='-*,noalloc-call' --knowledge=%t/route.yaml --config="{CheckOptions: {Roots: 'route_tick'}}" \
// RUN:   %S/Inputs/rtos/route-table.c -- 2>&1 | FileCheck %s --check-prefix=ROUTE-OWN --implicit-check-not='{{warning|error}}:'
// RUN: %noalloc --checks='-*,noalloc-call' --config="{CheckOptions: {Roots: 'route_tick'}}" \
// RUN:   %S/Inputs/rtos/route-table.c -- -x c++ 2>&1 | FileCheck %s --check-prefix=ROUTE-OWN --implicit-check-not='{{warning|error}}:'
// ROUTE-OWN: noalloc: root 'route_tick' does not use the heap

#include "Inputs/rtos/rtos.h"

static QueueHandle_t xSamples;

// The kernel's own calls are reported where a root reaches them, in
// heap_4.c: pvPortCalloc's call of pvPortMalloc and xQueueGenericCreate's.
// CHECK: heap_4.c:22:22: warning: call to 'pvPortMalloc' may allocate on the heap [noalloc-call]
// CHECK: rtos-heap.c:[[@LINE+17]]:7: note: 'grab_block' must not allocate: it is a noalloc root
// CHECK: rtos-heap.c:[[@LINE+16]]:33: note: 'grab_block' calls 'pvPortCalloc'
// CHECK: heap_4.c:36:21: warning: call to 'pvPortMalloc' may allocate on the heap [noalloc-call]
// CHECK: rtos-heap.c:[[@LINE+6]]:6: note: 'bad_tick' must not allocate: it is a noalloc root
// CHECK: rtos-heap.c:[[@LINE+6]]:21: note: 'bad_tick' calls 'xQueueGenericCreate'

// The negative twin: sending to a queue made before copies into it.
void sample_tick(unsigned v) { xQueueGenericSend(xSamples, &v); }

void bad_tick(unsigned v) {
  QueueHandle_t t = xQueueCreate(4, sizeof v);
  // CHECK: rtos-heap.c:[[@LINE-1]]:21: warning: call to 'xQueueGenericCreate' may allocate on the heap [noalloc-call]
  // CHECK: rtos-heap.c:[[@LINE-3]]:6: note: 'bad_tick' must not allocate: it is a noalloc root
  // CHECK: heap_4.c:36:21: note: 'xQueueGenericCreate' calls 'pvPortMalloc'
  xQueueGenericSend(t, &v);
}

void *grab_block(void) { return pvPortCalloc(4, 8); }
// CHECK: rtos-heap.c:[[@LINE-1]]:33: warning: call to 'pvPortCalloc' may allocate on the heap [noalloc-call]
// CHECK: rtos-heap.c:[[@LINE-2]]:7: note: 'grab_block' must not allocate: it is a noalloc root

void release_block(void *p) { vPortFree(p); }
// CHECK: rtos-heap.c:[[@LINE-1]]:31: warning: call to 'vPortFree' may release heap memory [noalloc-call]
// CHECK: rtos-heap.c:[[@LINE-2]]:6: note: 'release_block' must not allocate: it is a noalloc root

// Zephyr's k_heap_alloc, declared only: the entry decides it as it decides
// malloc.
void zephyr_tick(struct k_heap *h) { k_heap_free(h, k_heap_alloc(h, 16, 0)); }
// CHECK: rtos-heap.c:[[@LINE-1]]:53: warning: call to 'k_heap_alloc' may allocate on the heap [noalloc-call]
// CHECK: rtos-heap.c:[[@LINE-2]]:6: note: 'zephyr_tick' must not allocate: it is a noalloc root
// CHECK: rtos-heap.c:[[@LINE-3]]:53: note: 'k_heap_alloc' allocates on the heap
// CHECK: rtos-heap.c:[[@LINE-4]]:38: note: and 1 more call in 'zephyr_tick' that may use the heap

// The fixed-size block pool is not the heap: no finding.
void slab_tick(void) { (void)k_mem_slab_alloc_block(); }

// JSON: "name": "pvPortMalloc",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "vPortFree",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "releases"
// JSON: "name": "xQueueGenericCreate",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "allocates"
// JSON: "name": "k_mem_slab_alloc_block",
// JSON-NEXT: "usr": {{.*}}
// JSON-NEXT: "verdict": "none"
