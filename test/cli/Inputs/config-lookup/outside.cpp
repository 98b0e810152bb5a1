// A unit beside the project, not below it: the project's .noalloc.yaml
// does not apply to it, nor to the project's header as this unit sees it.
#include "../proj/port.h"
void *outside_step() { return grab(); }
