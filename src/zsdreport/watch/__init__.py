"""`zsdreport watch`: rebuild on every save, reusing what did not change.

session.py holds the builds (Watcher), files.py and prose.py what they reuse, loop.py the
file events and signals. Nothing here prints: the CLI (cli/editing.py) does.
"""
