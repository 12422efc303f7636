"""Fitting the body/chrome unit model (``python -m prclean.train``; needs the ``train`` extra).

:mod:`.label` labels each unit of a corpus page body or chrome by aligning it to the gold text,
:mod:`.dataset` reads the corpora with prclean's own readers and detectors and writes the features
:mod:`prclean.extract.unitfeatures` defines, :mod:`.fit` cross-validates by site and exports the
weights prclean ships. Nothing here is imported by prclean itself.
"""
