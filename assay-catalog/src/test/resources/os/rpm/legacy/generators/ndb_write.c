/* Writes an rpm NDB Packages.db with rpm 4.18's own rpmpkg.c (the code behind rpm's ndb backend).
 * usage: ndb_write OUT.db COPIES DELETE_EVERY BLOB...  Each blob file is one header blob; the blobs are put
 * COPIES times each under consecutive package indexes, as rpm's glue.c does (rpmpkgNextPkgIdx, rpmpkgPut),
 * then every DELETE_EVERY-th index (0: none) is deleted with rpmpkgDel, as an erase would. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include "rpmpkg.h"

static unsigned char *slurp(const char *path, unsigned int *length) {
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(1); }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *data = malloc(size);
    if (fread(data, 1, size, f) != (size_t) size) exit(1);
    fclose(f);
    *length = (unsigned int) size;
    return data;
}

int main(int argc, char **argv) {
    rpmpkgdb db;
    int copies = atoi(argv[2]), deleteEvery = atoi(argv[3]);
    if (rpmpkgOpen(&db, argv[1], O_RDWR | O_CREAT, 0644)) { fprintf(stderr, "open failed\n"); return 1; }
    rpmpkgSetFsync(db, 0);
    unsigned int last = 0;
    for (int copy = 0; copy < copies; copy++) {
        for (int i = 4; i < argc; i++) {
            unsigned int length, index;
            unsigned char *blob = slurp(argv[i], &length);
            if (rpmpkgNextPkgIdx(db, &index) || rpmpkgPut(db, index, blob, length)) { fprintf(stderr, "put failed\n"); return 1; }
            last = index;
            free(blob);
        }
    }
    if (deleteEvery > 0)
        for (unsigned int index = deleteEvery; index <= last; index += deleteEvery)
            if (rpmpkgDel(db, index)) { fprintf(stderr, "del %u failed\n", index); return 1; }
    rpmpkgClose(db);
    return 0;
}
