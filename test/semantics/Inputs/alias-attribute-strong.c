/* The application's strong handler, which the linker keeps over the weak
 * alias. */
static int events;
void on_event(void) { ++events; }
