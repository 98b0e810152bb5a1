/* The API of client-callbacks.c: functions a client calls with a function
 * of its own. */
typedef void (*visit_fn)(int);
void lib_each(visit_fn cb);
void rt_tick(visit_fn cb);
void rt_local(void);
