"""Course engine core: plain Python; MkDocs is imported only to run a build or
to read the settings it resolves from mkdocs.yml (``sitebuild``).

The MkDocs hooks in ``hooks/`` and the ``course`` command both call into this
package, so a trainer sees the same problems whichever way they check.
"""
