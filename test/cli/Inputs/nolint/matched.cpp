// NOLINTBEGIN(noalloc-new-delete)
int *make() { return new int(1); }
// NOLINTEND(noalloc-new-delete)
int *user() { return make(); }
