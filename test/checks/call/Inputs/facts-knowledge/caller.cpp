// Calls a function of vendor.cpp, whose facts the FactsDirectory holds.
void *grab();
void *use() { return grab(); }
