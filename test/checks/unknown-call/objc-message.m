// RUN: %expect-exit 1 %noalloc --checks='-*,noalloc-unknown-call' %s -- \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// The same findings through clang-tidy and the plugin:
// RUN: %expect-exit 0 %clang-tidy-noalloc -checks='-*,noalloc-unknown-call' %s -- \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// A knowledge-base entry names the method as the finding does:
// RUN: printf "functions:\n  - name: '-[Box size]'\n    effect: none\n" > %t.yaml
// RUN: %noalloc --knowledge=%t.yaml --checks='-*,noalloc-unknown-call' %s -- 2>&1 \
// RUN:   | FileCheck %s --check-prefix=KNOWN --implicit-check-not='{{warning|error|note}}:'
// KNOWN: noalloc: 0 findings in 1 file
// noalloc-call's verdicts: a message send is a call noalloc cannot follow.
// RUN: %noalloc --checks='-*,noalloc-call' --format=json %s -- 2>/dev/null \
// RUN:   | FileCheck %s --check-prefix=VERDICT
// VERDICT:      "name": "measure",
// VERDICT-NEXT: "usr":
// VERDICT-NEXT: "verdict": "unknown"
// VERDICT:      "name": "count",
// VERDICT-NEXT: "usr":
// VERDICT-NEXT: "verdict": "none"

// Method bodies are not analysed: a message send may run any code.
@interface Box {
  Class isa;
}
- (int)size;
@end

int measure(id B) { return [B size]; }
// CHECK: objc-message.m:[[@LINE-1]]:31: warning: call to '-[Box size]' has no body or knowledge-base entry; noalloc cannot tell whether it allocates [noalloc-unknown-call]

// A C function with a body: noalloc can tell (the negative twin).
static int length(int N) { return N; }
int count(int N) { return length(N); }
