"""``archdoc diff``: what a change does to the architecture.

- ``git``: the repository, its revisions, a revision's files (``git archive``);
- ``snapshot``: one side, taken in a process of its own (``python -m archdoc.diff.snapshot``);
- ``sides``: both sides loaded at once, their errors named by side;
- ``compare``: what was added, removed and changed, matched by stable ids;
- ``rebuild`` and ``impact``: the change's impact on the dependency graph;
- ``document``: the JSON document and its schema (``archdoc schema --diff``);
- ``review``: all of it for two revisions of a project;
- ``text``, ``markdown``, ``diagram``, ``describe``: the reports.
"""
