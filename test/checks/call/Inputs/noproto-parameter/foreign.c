// Calls init_writer through a declaration without a prototype, passing
// what lib_get (defined nowhere) returned.
struct enc;
typedef int (*writer_fn)(int);
void init_writer();
writer_fn lib_get(void);
void setup2(struct enc *e) { writer_fn w = lib_get(); init_writer(e, w); }
// The program's 'main': the run is a whole program, in which what this call
// passes is the only function noalloc cannot see.
int main(void) {
  setup2((struct enc *)0);
  return 0;
}
