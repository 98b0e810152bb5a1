/* The program: its one call of init_writer, with a prototype, passes
 * 'quiet'. */
struct enc;
void init_writer(struct enc *e, int (*w)(int));
static int quiet(int x) { return x + 1; }
int main(void) {
  init_writer((struct enc *)0, quiet);
  return 0;
}
