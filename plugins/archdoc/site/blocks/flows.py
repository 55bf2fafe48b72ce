"""Flow blocks: the numbered steps of a flow."""

from __future__ import annotations

from archdoc.model.flows import FlowBlock, FlowItem, FlowMessage, FlowNote
from archdoc.render.tables import table
from archdoc.render.text import md_cell
from archdoc.site.blocks.base import Block, UnknownBlock, block
from archdoc.site.context import SiteContext


@block("flow-steps", "The numbered steps of a flow.", "flow id")
def flow_steps(context: SiteContext, page: str, arg: str) -> str:
    flow = next((f for f in context.workspace.flows if f.id == arg), None)
    if flow is None:
        raise UnknownBlock(f"the model has no flow {arg!r}")
    rows: list[list[str]] = []
    number = [0]

    def walk(items: list[FlowItem], where: str) -> None:
        for item in items:
            if isinstance(item, FlowMessage):
                number[0] += 1
                rows.append(
                    [
                        str(number[0]),
                        context.element_link(page, item.source_id),
                        context.element_link(page, item.destination_id),
                        md_cell(item.description) + (" (reply)" if item.kind == "reply" else ""),
                        md_cell(item.technology),
                        md_cell(where),
                    ]
                )
            elif isinstance(item, FlowNote):
                rows.append(
                    [
                        "",
                        ", ".join(context.element_link(page, o) for o in item.over_ids),
                        "",
                        f"_Note:_ {md_cell(item.text)}",
                        "",
                        md_cell(where),
                    ]
                )
            elif isinstance(item, FlowBlock):
                word = {"alt": "if", "opt": "optional", "loop": "loop", "par": "parallel"}[
                    item.kind
                ]
                for n, branch in enumerate(item.branches):
                    label = branch.label or ""
                    if item.kind == "alt" and n:
                        word_n = "else"
                    elif item.kind == "par" and n:
                        word_n = "and"
                    else:
                        word_n = word
                    inner = f"{word_n} {label}".strip()
                    walk(branch.items, f"{where} › {inner}" if where else inner)

    walk(flow.items, "")
    if not rows:
        return "_This flow has no steps._\n"
    return table(
        ["#", "From", "To", "Message", "Technology", "When"],
        rows,
        align=["r", "l", "l", "l", "l", "l"],
    )


BLOCKS: tuple[Block, ...] = (flow_steps,)
