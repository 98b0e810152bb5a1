// The pointer is stored only from the parameter of init_writer.
typedef int (*writer_fn)(int);
struct enc { writer_fn writer; };
void init_writer(struct enc *e, writer_fn w) { e->writer = w; }
__attribute__((annotate("noalloc"))) int put(struct enc *e) { return e->writer(1); }
