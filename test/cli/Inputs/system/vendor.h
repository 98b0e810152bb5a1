// A third-party header included as a system header.
#pragma once
inline int *vendorAllocate() { return new int(7); }
