int *make() { return new int(1); }
// NOLINTBEGIN(noalloc-new-delete)
int *user() { return make(); }
