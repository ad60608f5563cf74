"""Course engine core: plain Python, no MkDocs imports.

The MkDocs hooks in ``hooks/`` and the ``course`` command both call into this
package, so a trainer sees the same problems whichever way they check.
"""
