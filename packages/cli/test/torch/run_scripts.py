"""Runs exported decaylab scripts in one Python process, so torch is imported once.

Usage: python3 run_scripts.py A.py B.py ...   (each X.py writes its stdout to X.ndjson)
"""
import contextlib
import runpy
import sys
import traceback

import torch  # noqa: F401  (imported once here, then reused by every script)

failed = 0
for path in sys.argv[1:]:
    with open(path[:-3] + ".ndjson", "w") as out, contextlib.redirect_stdout(out):
        try:
            runpy.run_path(path, run_name="__main__")
        except BaseException:
            failed += 1
            sys.stderr.write(f"{path} failed:\n{traceback.format_exc()}\n")
sys.exit(1 if failed else 0)
