/* The application: the interrupts call the handlers by their aliases'
 * names, declared here and defined in alias-attribute.c. */
void on_tick(void);
void on_idle(void);
void on_event(void);
void isr(void) { on_tick(); }
void idle_isr(void) { on_idle(); }
void event_isr(void) { on_event(); }
