/* Deletes records from a Berkeley DB hash file: bdb_delete FILE KEY... (keys are host-order uint32). */
#include <db.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

int main(int argc, char **argv) {
    DB *db;
    if (db_create(&db, NULL, 0) != 0) return 1;
    if (db->open(db, NULL, argv[1], NULL, DB_HASH, 0, 0) != 0) { fprintf(stderr, "open failed\n"); return 1; }
    for (int i = 2; i < argc; i++) {
        uint32_t instance = (uint32_t) strtoul(argv[i], NULL, 10);
        DBT key;
        memset(&key, 0, sizeof key);
        key.data = &instance;
        key.size = sizeof instance;
        int rc = db->del(db, NULL, &key, 0);
        if (rc != 0) { fprintf(stderr, "del %u: %s\n", instance, db_strerror(rc)); return 1; }
    }
    return db->close(db, 0) == 0 ? 0 : 1;
}
