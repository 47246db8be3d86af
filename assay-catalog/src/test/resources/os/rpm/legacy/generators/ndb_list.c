/* Lists an NDB Packages.db with rpm's own rpmpkg.c: one line per package, "pkgidx length adler-verified". */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include "rpmpkg.h"
int main(int argc, char **argv) {
    rpmpkgdb db;
    unsigned int *list, count;
    if (rpmpkgOpen(&db, argv[1], O_RDONLY, 0)) return 1;
    if (rpmpkgList(db, &list, &count)) { fprintf(stderr, "list failed\n"); return 1; }
    for (unsigned int i = 0; i < count; i++) {
        unsigned char *blob; unsigned int length;
        if (rpmpkgGet(db, list[i], &blob, &length)) { printf("%u FAILED\n", list[i]); continue; }
        if (argc > 2) { char name[64]; snprintf(name, sizeof name, "%s/%u.bin", argv[2], list[i]); FILE *f = fopen(name, "wb"); fwrite(blob, 1, length, f); fclose(f); }
        printf("%u %u\n", list[i], length);
        free(blob);
    }
    return 0;
}
