"""Renderers: Mermaid diagrams, Markdown tables, the dependency matrix. They never read files."""
