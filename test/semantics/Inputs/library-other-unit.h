#include <cstddef>
#include <memory>
#include <streambuf>
#include <vector>

// The user code that library code calls in library-other-unit.cpp, all
// defined in Inputs/library-other-unit-code.cpp.
using Less = bool (*)(int, int);
using Compare = int (*)(const void *, const void *);
using Free = void (*)(int *);
// Only quiet functions of these types are in the program.
using LessLong = bool (*)(long, long);
using FreeLong = void (*)(long *);

// Followed pointers, written in the other unit only.
extern Compare compareHook; // 'compareBoxed' (allocates with NOISY)
extern Compare quietHook;   // only ever 'compareQuiet'

bool lessBoxed(int a, int b);
int compareBoxed(const void *a, const void *b);
int compareQuiet(const void *a, const void *b);
void freeBoxed(int *p);
bool lessLong(long a, long b);
// Pass the comparators to library-other-unit.cpp's sortWith and sortLongs.
void sortBoxed(std::vector<int> &v);
void sortQuiet(std::vector<long> &v);

// A stream buffer of a class only the other unit knows, whose overflow
// and xsputn allocate with NOISY.
std::streambuf &sink();

std::unique_ptr<int, Free> makeOwned();
std::unique_ptr<long, FreeLong> makeOwnedLong();
std::shared_ptr<int> makeShared();
