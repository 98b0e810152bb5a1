/* A program that does not call init_writer. */
int main(void) { return 0; }
