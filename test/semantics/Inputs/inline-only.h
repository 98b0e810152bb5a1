/* Bodies only for inlining (inline-only.c): a call the compiler does not
 * inline (every call at -O0) runs the function's external definition,
 * which Inputs/inline-only-external.c provides. */

/* GNU89's 'extern inline' (gnu_inline). */
extern inline __attribute__((gnu_inline)) int halve(int x) { return x / 2; }
extern inline __attribute__((gnu_inline)) int twice(int x) { return x * 2; }

/* C99's inline definition: 'inline' without 'extern'. */
inline int third(int x) { return x / 3; }
inline int quarter(int x) { return x / 4; }

/* Internal linkage: the body is the function, whatever the compiler does. */
static inline int fifth(int x) { return x / 5; }
