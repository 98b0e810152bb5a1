// Calls a library function whose summary the facts hold.
#include <vendor.h>
void *take() { return lib_get(); }
