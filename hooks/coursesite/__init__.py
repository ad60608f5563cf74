"""Course engine core: plain Python; only ``sitebuild`` imports MkDocs.

The MkDocs hooks in ``hooks/`` and the ``course`` command both call into this
package, so a trainer sees the same problems whichever way they check.
"""
