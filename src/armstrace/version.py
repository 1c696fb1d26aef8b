"""Version strings recorded with every stored claim."""

__version__ = "0.1.0"
# Bump when extraction output changes, so stored claims say which extractor made them.
EXTRACTOR_VERSION = "armstrace.extractor.v1"
