// --annotate writes the attribute before a comment that follows the
// declarator, as where there is none; a function that allocates stays
// unmarked, comment or not.
// REQUIRES: function-effects-calls
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/input.cpp
// RUN: %expect-exit 1 %noalloc --no-cache --annotate --fix %t/input.cpp -- -std=c++17 > /dev/null 2> %t/err.txt
// RUN: FileCheck %s --input-file=%t/err.txt --check-prefix=APPLIED
// RUN: FileCheck %s --input-file=%t/input.cpp --check-prefix=FIXED
// RUN: %clangxx -std=c++17 -fsyntax-only -Wfunction-effects -Werror %t/input.cpp
// APPLIED: noalloc: 5 functions marked {{\[\[}}clang::nonallocating]] in 1 file; clang accepts every one

int scale(int x) /* called from the ISR */ { return 2 * x; }
// FIXED: {{^}}int scale(int x) {{\[\[}}clang::nonallocating]] /* called from the ISR */ { return 2 * x; }

int offset(int x); // a declaration
int offset(int x) // trailing line comment
{
  return x + 1;
}
// FIXED: {{^}}int offset(int x) {{\[\[}}clang::nonallocating]]; // a declaration
// FIXED: {{^}}int offset(int x) {{\[\[}}clang::nonallocating]] // trailing line comment

int safe(int x) noexcept /* never throws */ { return x; }
// FIXED: {{^}}int safe(int x) noexcept {{\[\[}}clang::nonallocating]] /* never throws */ { return x; }
int checked(int x) noexcept(true) // a condition
{
  return x;
}
// FIXED: {{^}}int checked(int x) noexcept(true) {{\[\[}}clang::nonallocating]] // a condition

struct Meter {
  int read() const /* no lock */ { return Level; }
  // FIXED: {{^  }}int read() const {{\[\[}}clang::nonallocating]] /* no lock */ { return Level; }
  int Level = 0;
};

int *grow(int n) /* the heap, on purpose */ { return new int[n]; }
// FIXED: {{^}}int *grow(int n) /* the heap, on purpose */ { return new int[n]; }
