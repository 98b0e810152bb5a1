// A program with no RTOS whose own function is named like RT-Thread's
// rt_free: it frees a slot of its routing table ("rt"), no heap anywhere.
static int used[16];

void rt_free(int slot) { used[slot & 15] = 0; }

void route_tick(int slot) { rt_free(slot); }
