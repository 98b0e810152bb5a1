// Users extend and override the knowledge base with their own YAML files.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-c-allocation' \
// RUN:   --knowledge=%S/Inputs/rtos.yaml %s -- \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// The same through the KnowledgeFiles check option.
// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-c-allocation' \
// RUN:   --config='{CheckOptions: {KnowledgeFiles: "%S/Inputs/rtos.yaml"}}' %s -- \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// A broken file is a configuration error: exit 2, naming file, line and value.
// RUN: %expect-exit 2 %noalloc --checks='-*,noalloc-c-allocation' \
// RUN:   --knowledge=%S/Inputs/broken.yaml %s -- 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BROKEN
// BROKEN: broken.yaml:3:13: error: unknown effect 'alocates': expected 'allocates', 'releases', 'reallocates', 'may-allocate', 'allocates-on-failure' or 'none'
// RUN: %expect-exit 2 %noalloc --knowledge=%S/Inputs/missing.yaml %s -- 2>&1 \
// RUN:   | FileCheck %s --check-prefix=MISSING
// MISSING: cannot read knowledge file '{{.*}}missing.yaml'

#include <cstddef>
#include <cstring>

extern "C" void *pvPortMalloc(std::size_t);
extern "C" void vPortFree(void *);
extern "C" void *pool_take(std::size_t);

void task() {
  void *p = pvPortMalloc(32);
  // CHECK: user-knowledge.cpp:[[@LINE-1]]:13: warning: call to 'pvPortMalloc' allocates on the heap [noalloc-c-allocation]
  vPortFree(p);
  // CHECK: user-knowledge.cpp:[[@LINE-1]]:3: warning: call to 'vPortFree' releases heap memory [noalloc-c-allocation]
  void *q = pool_take(32);
  char *s = strdup("x");
  (void)q;
  (void)s;
}
