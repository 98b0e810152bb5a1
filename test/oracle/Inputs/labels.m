// Objective-C witnesses: built with the GNU runtime; an exception thrown by
// a witness is caught and counted.
#include "oracle.h"
#include <stddef.h>
@interface Thing {
  Class isa;
}
@end
id class_createInstance(Class, size_t);
@implementation Thing
@end
static void raise_thing(id T) { @throw T; }
ORACLE_MAIN {
  id T = 0;
  ORACLE_ALLOCATES("make", T = class_createInstance([Thing class], 0));
  ORACLE_ALLOCATES("@throw", raise_thing(T));
  ORACLE_NO_HEAP("nothing", (void)T);
#ifdef CONTRADICT
  ORACLE_NO_HEAP("@throw", raise_thing(T));
#endif
}
