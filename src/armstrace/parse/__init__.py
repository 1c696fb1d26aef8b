"""Pure parsers: text in, value or None out; they never raise on bad text."""
