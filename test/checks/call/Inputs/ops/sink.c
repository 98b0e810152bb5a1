#include <stdlib.h>
struct sink {
  int (*put)(int);
};
static int loud_put(int x) {
  int *p = malloc(sizeof *p);
  return p ? x : 0;
}
struct sink loud_sink = {loud_put};
