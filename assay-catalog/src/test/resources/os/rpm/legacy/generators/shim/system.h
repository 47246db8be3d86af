/* Minimal stand-ins for rpm's internal system.h, so that rpm's own lib/backend/ndb/rpmpkg.c compiles alone. */
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#define _(s) (s)
static inline void *xmalloc(size_t n) { void *p = malloc(n); if (!p) abort(); return p; }
static inline void *xcalloc(size_t n, size_t s) { void *p = calloc(n, s); if (!p) abort(); return p; }
static inline void *xrealloc(void *o, size_t n) { void *p = realloc(o, n); if (!p) abort(); return p; }
static inline char *xstrdup(const char *s) { char *p = strdup(s); if (!p) abort(); return p; }
