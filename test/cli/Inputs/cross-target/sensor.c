// Built for a Cortex-M4: a 32-bit Thumb target, no host headers.
#if !defined(__thumb__) || __SIZEOF_POINTER__ != 4
#error "not parsed for the database's target"
#endif
void *malloc(__SIZE_TYPE__ size);
void *sample_buffer(void) { return malloc(64); }
