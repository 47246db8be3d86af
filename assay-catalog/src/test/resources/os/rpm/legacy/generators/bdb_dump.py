"""Writes a db_load 'bytevalue' dump of an rpm Packages database from the header blobs of an rpmdb.sqlite.

usage: bdb_dump.py RPMDB_SQLITE BYTE_ORDER(little|big) COPIES > dump
Key 0 holds the last header instance number, as rpm's Berkeley DB backend writes it; keys are header
instance numbers in the writer's byte order. COPIES > 1 stores every blob under several instance numbers to
fill many hash buckets.
"""
import sqlite3, struct, sys

database, order, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
fmt = '<I' if order == 'little' else '>I'
blobs = [blob for (blob,) in sqlite3.connect(database).execute('select blob from Packages order by hnum')]
records = []
instance = 0
for copy in range(copies):
    for blob in blobs:
        instance += 1
        records.append((struct.pack(fmt, instance), blob))
out = sys.stdout
out.write('VERSION=3\nformat=bytevalue\ntype=hash\nHEADER=END\n')
for key, value in [(struct.pack(fmt, 0), struct.pack(fmt, instance))] + records:
    out.write(' ' + key.hex() + '\n')
    out.write(' ' + value.hex() + '\n')
out.write('DATA=END\n')
