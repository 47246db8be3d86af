#!/bin/sh
# Rebuilds the legacy rpm database fixtures in os/rpm/legacy from the header blobs of ../rpmdb.sqlite.gz.
# Needs: python3, sqlite3, gcc, db5.3-util + libdb5.3-dev (Debian: apt-get install db-util libdb5.3-dev),
# rpm (for the cross-check listings) and rpm 4.18's source tree in $RPM_SRC (apt-get source rpm), whose
# lib/backend/ndb/rpmpkg.c writes the NDB files.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=$(dirname "$here")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
gunzip -c "$out/../rpmdb.sqlite.gz" > rpmdb.sqlite

# Berkeley DB hash databases, written by Berkeley DB 5.3 itself (db_load), read back by rpm's bdb_ro.
gcc -O1 -o bdb_delete "$here/bdb_delete.c" -ldb
bdb() { # name page-size byte-order copies [instances to delete...]
    name=$1 pagesize=$2 order=$3 copies=$4
    shift 4
    lorder=1234
    [ "$order" = big ] && lorder=4321
    mkdir "db-$name"
    python3 "$here/bdb_dump.py" rpmdb.sqlite "$order" "$copies" > "dump-$name"
    db5.3_load -c db_pagesize="$pagesize" -c db_lorder=$lorder ${LOAD_OPTIONS:-} -f "dump-$name" "db-$name/Packages"
    [ $# -gt 0 ] && ./bdb_delete "db-$name/Packages" "$@"
    gzip -9n -c "db-$name/Packages" > "$out/bdb-$name.Packages.gz"
    # rpm's bdb_ro cannot read checksummed pages; that fixture is compared with the bdb-le listing instead.
    [ -n "${LOAD_OPTIONS:-}" ] && return
    rpm --dbpath "$work/db-$name" --define '_db_backend bdb_ro' -qa \
        --qf '%{DBINSTANCE} %{NAME}-%{EPOCHNUM}:%{VERSION}-%{RELEASE}.%{ARCH}\n' 2>/dev/null \
        | sort -n > "$out/bdb-$name.rpm-qa.txt"
}
bdb le 4096 little 1
bdb be 8192 big 1
bdb multipage 512 little 40 $(seq 1 30) $(seq 33 3 120)
LOAD_OPTIONS="-c chksum=1" bdb checksummed 4096 little 1

# NDB databases, written and listed by rpm's own rpmpkg.c (Debian's rpm is built without the ndb backend).
ndb="$RPM_SRC/lib/backend/ndb"
gcc -O1 -I"$here/shim" -I"$ndb" -o ndb_write "$here/ndb_write.c" "$ndb/rpmpkg.c"
gcc -O1 -I"$here/shim" -I"$ndb" -o ndb_list "$here/ndb_list.c" "$ndb/rpmpkg.c"
for i in 1 2 3; do
    sqlite3 rpmdb.sqlite "select writefile('blob$i.bin', blob) from Packages where hnum=$i" > /dev/null
done
./ndb_write ndb.db 1 0 blob1.bin blob2.bin blob3.bin
./ndb_write ndb-multipage.db 130 4 blob1.bin blob2.bin
for name in ndb ndb-multipage; do
    ./ndb_list "$name.db" | sort -n > "$out/$name.rpmpkg-list.txt"
    gzip -9n -c "$name.db" > "$out/$name.Packages.db.gz"
done
