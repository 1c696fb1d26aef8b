"""The `armstrace` command line: `app.py` is the root, one module per command.

Commands stay thin: they parse options, call the library (batch, store, extract, evaluate)
and render the result. Errors become one line on stderr and an exit code (see app.py).
"""
