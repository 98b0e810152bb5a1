// One finding for noalloc and one for each kind of check a project's
// .clang-tidy may enable: the static analyzer, bugprone, a compiler warning.
int *make() { return new int(1); }

int deref() {
  int *P = nullptr;
  return *P;
}

void assign(int A) {
  if (A = 1) {
  }
}

void unusedVariable() { int Unused; }

// Other checks' names in NOLINT do not silence noalloc; its own do.
int *kept() { return new int(2); } // NOLINT(bugprone-*)
int *quiet() { return new int(3); } // NOLINT(noalloc-new-delete)
