"""The same records written with the real genanki (../shared/anki/pydeps), for context next to genanki_like.py.

A note type with our five fields, one deck per breadcrumb, each note with its GUID from the record id; genanki
renders nothing and stores the collection uncompressed, as genanki_like.py does. Timed from the first genanki call
to the written file, as the other writers are.

Usage: PYTHONPATH=../shared/anki/pydeps python3 bench/genanki_real.py RECORDS.json OUT.apkg
RECORDS.json holds [[id, question, answer, breadcrumb, source, [tags]], ...]. Prints one JSON line.
"""
import json
import os
import sys
import time

import genanki


def main(records_path, out_path):
    records = json.load(open(records_path, encoding='utf-8'))
    start = time.perf_counter()
    model = genanki.Model(
        1718361902117,
        'mianjing 面经',
        fields=[{'name': name} for name in ('ID', 'Question', 'Answer', 'Breadcrumb', 'Source')],
        templates=[{'name': '问答', 'qfmt': '{{Breadcrumb}}<br>{{Question}}', 'afmt': '{{FrontSide}}<hr id="answer">{{Answer}}<br>{{Source}}'}],
        sort_field_index=1,
    )
    decks = {}
    for fields in records:
        name = '面经::' + fields[3].replace(' › ', '::')
        deck = decks.get(name)
        if deck is None:
            deck = decks[name] = genanki.Deck(len(decks) + 1_000_000, name)
        # The tags as given: genanki rejects a tag with spaces, which ours never have.
        deck.add_note(genanki.Note(model=model, fields=list(fields[:5]), guid=genanki.guid_for(fields[0]), tags=fields[5]))
    genanki.Package(list(decks.values())).write_to_file(out_path, timestamp=1_700_000_000)
    elapsed = (time.perf_counter() - start) * 1000
    print(json.dumps({'ok': True, 'notes': len(records), 'ms': elapsed, 'bytes': os.path.getsize(out_path)}))


main(*sys.argv[1:3])
