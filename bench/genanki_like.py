"""A deck writer that does what genanki's Package.write_to_file does, as the baseline for bench/anki.mjs.

genanki is not installable here (no PyPI), so this script repeats its work with the same standard library
modules: per note, a GUID (SHA-256 in base91) and a checksum (SHA-1 of the first field), one INSERT into
`notes` and one into `cards` through a cursor on a file-backed SQLite database that has Anki's schema-11
tables and indexes, one commit, then a zip archive with the collection stored uncompressed (genanki opens
its ZipFile without a compression argument). Like genanki it takes the fields as given and renders nothing.

Usage: python3 bench/genanki_like.py RECORDS.json OUT.apkg REFERENCE.apkg
The tables and indexes are copied from REFERENCE.apkg (a deck exportAnki wrote), so both sides build the same
schema.
RECORDS.json holds [[id, question, answer, breadcrumb, source, [tags]], ...]. Prints one JSON line.
"""
import hashlib
import json
import os
import sqlite3
import sys
import tempfile
import time
import zipfile

BASE91 = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~'


def guid_for(text):
    value = int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], 'big')
    digits = ''
    while True:
        value, digit = divmod(value, 91)
        digits = BASE91[digit] + digits
        if value == 0:
            return digits


def write_deck(records, out_path, schema):
    handle, db_path = tempfile.mkstemp()
    os.close(handle)
    try:
        connection = sqlite3.connect(db_path)
        cursor = connection.cursor()
        cursor.executescript(schema)
        cursor.execute('INSERT INTO col VALUES (1, 0, 0, 0, 11, 0, 0, 0, ?, ?, ?, ?, ?)', ('{}', '{}', '{}', '{}', '{}'))
        for index, fields in enumerate(records):
            note_id = 1_700_000_000_000 + index
            tags = ' ' + ' '.join(fields[5]) + ' ' if fields[5] else ''
            checksum = int(hashlib.sha1(fields[0].encode()).hexdigest()[:8], 16)
            cursor.execute('INSERT INTO notes VALUES (?,?,?,?,?,?,?,?,?,?,?)',
                           (note_id, guid_for(fields[0]), 1, 0, -1, tags, '\x1f'.join(fields[:5]), fields[1], checksum, 0, ''))
            cursor.execute('INSERT INTO cards VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
                           (note_id, note_id, 1, 0, 0, -1, 0, 0, index + 1, 0, 0, 0, 0, 0, 0, 0, 0, ''))
        connection.commit()
        connection.close()
        with zipfile.ZipFile(out_path, 'w') as archive:
            archive.write(db_path, 'collection.anki2')
            archive.writestr('media', '{}')
    finally:
        os.unlink(db_path)


def schema_of(apkg_path):
    handle, db_path = tempfile.mkstemp()
    os.close(handle)
    try:
        with zipfile.ZipFile(apkg_path) as archive, open(db_path, 'wb') as db:
            db.write(archive.read('collection.anki2'))
        connection = sqlite3.connect(db_path)
        statements = [row[0] for row in connection.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid")]
        connection.close()
        return ';\n'.join(statements) + ';'
    finally:
        os.unlink(db_path)


def main(records_path, out_path, reference_path):
    records = json.load(open(records_path, encoding='utf-8'))
    schema = schema_of(reference_path)
    start = time.perf_counter()
    write_deck(records, out_path, schema)
    elapsed = (time.perf_counter() - start) * 1000
    print(json.dumps({'ok': True, 'notes': len(records), 'ms': elapsed, 'bytes': os.path.getsize(out_path)}))


main(*sys.argv[1:4])
