"""The dependency structure matrix as an inline SVG: small enough for 1,000 services."""

from __future__ import annotations

from archdoc.analysis.structure import DependencyMatrix
from archdoc.render.text import html_text

__all__ = ["matrix_svg"]


def matrix_svg(
    matrix: DependencyMatrix, names: dict[str, str], *, links: dict[str, str] | None = None
) -> str:
    """Rows depend on columns. Marks below the diagonal follow the layering; marks above it
    belong to a cycle, whose block is outlined. Each mark has a tooltip naming both ends."""
    n = len(matrix.order)
    cell = 14 if n <= 60 else 8 if n <= 300 else 5
    label_width = 8 * min(40, max((len(names.get(u, u)) for u in matrix.order), default=4)) + 40
    size = n * cell
    header = 18 if cell >= 14 else 0
    width, height = label_width + size + 2, size + 2 + header
    out = [
        f'<svg class="archdoc-matrix" xmlns="http://www.w3.org/2000/svg" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'font-family="sans-serif" font-size="{max(4, cell - 3)}" role="img">',
        f"<title>Dependency structure matrix of {n} elements</title>",
        f'<g transform="translate({label_width},{1 + header})">',
        f'<rect width="{size}" height="{size}" fill="#fafafa" stroke="#999"/>',
    ]
    if cell >= 8:
        for i in range(0, n, 2):
            out.append(f'<rect y="{i * cell}" width="{size}" height="{cell}" fill="#f0f0f0"/>')
    for number, (first, last) in enumerate(matrix.blocks):
        span = (last - first + 1) * cell
        if number in matrix.sync_blocks:
            style = (
                'class="archdoc-matrix-cycle" fill="#fee2e2" stroke="#dc2626" stroke-width="1.5"'
            )
        else:
            style = ('class="archdoc-matrix-loop" fill="#eef2ff" stroke="#6366f1" stroke-width="1" '
                     'stroke-dasharray="3 2"')
        out.append(
            f'<rect x="{first * cell}" y="{first * cell}" width="{span}" height="{span}" {style}/>'
        )
    out.append(f'<path d="M0 0L{size} {size}" stroke="#bbb" stroke-width="0.5"/>')
    for (row, col), dep in sorted(matrix.cells.items()):
        above = col > row
        color = "#dc2626" if above else ("#9ca3af" if dep.interaction == "async" else "#1d4ed8")
        tip = (
            f"{names.get(dep.source_id, dep.source_id)} → "
            f"{names.get(dep.destination_id, dep.destination_id)}"
        )
        tip += " (async)" if dep.interaction == "async" else ""
        out.append(
            f'<rect x="{col * cell + 1}" y="{row * cell + 1}" width="{cell - 2 or 1}" '
            f'height="{cell - 2 or 1}" fill="{color}"><title>{html_text(tip)}</title></rect>'
        )
    if header:
        for i in range(n):
            out.append(f'<text x="{i * cell + cell / 2:g}" y="-5" text-anchor="middle" '
                       f'font-size="9">{i + 1}</text>')
    out.append("</g>")
    for i, unit in enumerate(matrix.order):
        label = html_text(names.get(unit, unit))
        y = 1 + header + i * cell + cell - 2
        text = f'<text x="{label_width - 4}" y="{y}" text-anchor="end">{i + 1}. {label}</text>'
        if links and unit in links:
            text = f'<a href="{html_text(links[unit])}">{text}</a>'
        out.append(text)
    out.append("</svg>")
    return "\n".join(out)
