"""Tests of the two hand-written corpora: the annotated test set and the sample corpus."""
