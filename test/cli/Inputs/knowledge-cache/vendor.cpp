// A vendor library that only a knowledge file knows.
extern "C" void *vendor_alloc(unsigned long size);
void *grab() { return vendor_alloc(8); }
