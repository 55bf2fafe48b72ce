"""Layout engines: turning diagram sources into drawings (Graphviz)."""
