"""Flows: steps, replies, notes and the nestable blocks alt/otherwise, opt, loop, parallel/also."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import pytest

from archdoc import Flow, ModelError, Workspace
from archdoc.model.flows import FlowBlock, FlowMessage, FlowNote, walk

HERE = __file__


def here() -> int:
    return sys._getframe(1).f_lineno


def outline(items: list[Any], depth: int = 0) -> list[str]:
    """A flow's items as indented lines: ``step a->b desc``, ``alt``, ``| label``..."""
    pad = "  " * depth
    lines: list[str] = []
    for item in items:
        if isinstance(item, FlowMessage):
            lines.append(
                f"{pad}{item.kind} {item.source_id}->{item.destination_id} "
                f"{item.description}".rstrip()
            )
        elif isinstance(item, FlowNote):
            lines.append(f"{pad}note {','.join(item.over_ids)} {item.text}")
        else:
            lines.append(f"{pad}{item.kind}")
            for branch in item.branches:
                lines.append(f"{pad}| {branch.label}")
                lines.extend(outline(branch.items, depth + 1))
    return lines


@pytest.fixture
def parts() -> tuple[Workspace, Any, Any, Any]:
    ws = Workspace("W")
    user = ws.person("User", "u")
    s = ws.system("S", "s")
    web, api = s.container("Web", "w"), s.container("API", "a")
    user.uses(web)
    web.uses(api)
    return ws, user, web, api


def test_steps_replies_and_notes_in_order(parts: tuple[Workspace, Any, Any, Any]) -> None:
    ws, user, web, api = parts
    with ws.flow("Checkout", "The happy path") as f:
        f.step(user, web, "Click", technology="HTTPS")
        f.step("s.web", "s.api", "POST /checkout")  # ids work too
        f.note(api, "Validates the cart")
        f.note([web, api], "Both log")
        f.reply(api, web, "201")
    assert isinstance(f, Flow)
    assert ws.flows == [f]
    assert (f.id, f.name, f.description) == ("checkout", "Checkout", "The happy path")
    assert outline(f.items) == [
        "step user->s.web Click",
        "step s.web->s.api POST /checkout",
        "note s.api Validates the cart",
        "note s.web,s.api Both log",
        "reply s.api->s.web 201",
    ]
    assert f.items[0].technology == "HTTPS"  # type: ignore[union-attr]
    assert f.participant_ids() == ["user", "s.web", "s.api"]
    assert [m.kind for m in f.messages()] == ["step", "step", "reply"]


def _alt(f: Flow, w: Any, a: Any) -> None:
    with f.alt("declined"):
        f.reply(a, w, "402")
    with f.otherwise("accepted"):
        f.reply(a, w, "201")
    with f.otherwise():
        f.reply(a, w, "500")


def _opt(f: Flow, w: Any, a: Any) -> None:
    with f.opt("has coupon"):
        f.step(w, a, "apply")


def _loop(f: Flow, w: Any, a: Any) -> None:
    with f.loop("each item"):
        f.step(w, a, "reserve")


def _parallel(f: Flow, w: Any, a: Any) -> None:
    with f.parallel("email"):
        f.step(a, w, "notify")
    with f.also("sms"):
        f.step(a, w, "text")


def _nested(f: Flow, w: Any, a: Any) -> None:
    with f.loop("retry"):
        with f.alt("ok"):
            with f.parallel("p1"):
                f.step(w, a, "x")
            with f.also("p2"):
                with f.opt("maybe"):
                    f.note(a, "deep")
        with f.otherwise("fail"):
            f.reply(a, w, "err")
    f.step(w, a, "after")


BLOCKS: list[tuple[str, Callable[[Flow, Any, Any], None], list[str]]] = [
    ("alt", _alt, ["alt", "| declined", "  reply s.api->s.web 402", "| accepted",
                   "  reply s.api->s.web 201", "| ", "  reply s.api->s.web 500"]),
    ("opt", _opt, ["opt", "| has coupon", "  step s.web->s.api apply"]),
    ("loop", _loop, ["loop", "| each item", "  step s.web->s.api reserve"]),
    ("parallel", _parallel, ["par", "| email", "  step s.api->s.web notify", "| sms",
                             "  step s.api->s.web text"]),
    ("nested", _nested, [
        "loop", "| retry",
        "  alt", "  | ok",
        "    par", "    | p1", "      step s.web->s.api x", "    | p2",
        "      opt", "      | maybe", "        note s.api deep",
        "  | fail", "    reply s.api->s.web err",
        "step s.web->s.api after",
    ]),
]


@pytest.mark.parametrize(("name", "build", "expected"), BLOCKS, ids=[b[0] for b in BLOCKS])
def test_blocks(parts: tuple[Workspace, Any, Any, Any], name: str,
                build: Callable[[Flow, Any, Any], None], expected: list[str]) -> None:
    ws, _, web, api = parts
    with ws.flow(name) as f:
        build(f, web, api)
    assert outline(f.items) == expected
    # every item is reachable by the depth-first walk, and messages are found at any depth
    assert len(list(walk(f.items))) == sum(
        1 for line in expected if not line.lstrip().startswith("|")
    )
    assert [m.description for m in f.messages()] == [
        line.split()[-1] for line in expected if line.lstrip().startswith(("step", "reply"))]


def test_block_and_branch_locations(parts: tuple[Workspace, Any, Any, Any]) -> None:
    ws, _, web, api = parts
    with ws.flow("F") as f:
        with f.alt("a"):
            alt_line = here()
            f.step(web, api)
        with f.otherwise("b"):
            other_line = here()
            f.step(web, api)
    block = f.items[0]
    assert isinstance(block, FlowBlock)
    assert block.location is not None and block.location.file == HERE
    assert [b.location.line for b in block.branches] == [alt_line - 1, other_line - 1]  # type: ignore[union-attr]


def test_blocks_may_be_empty(parts: tuple[Workspace, Any, Any, Any]) -> None:
    ws = parts[0]
    with ws.flow("F") as f:
        with f.opt():
            pass
    assert outline(f.items) == ["opt", "| "]


def test_a_flow_can_be_built_without_with(parts: tuple[Workspace, Any, Any, Any]) -> None:
    ws, user, web, _ = parts
    f = ws.flow("F")
    f.step(user, web)
    assert len(f.items) == 1


def test_exception_inside_a_block_leaves_the_flow_usable(
    parts: tuple[Workspace, Any, Any, Any],
) -> None:
    ws, _, web, api = parts
    f = ws.flow("F")
    with pytest.raises(RuntimeError):
        with f.loop("x"):
            raise RuntimeError("boom")
    f.step(web, api, "top")
    assert outline(f.items)[-1] == "step s.web->s.api top"


def _otherwise_first(f: Flow) -> None:
    with f.otherwise("x"):
        pass


def _otherwise_after_opt(f: Flow) -> None:
    with f.opt("x"):
        pass
    with f.otherwise("y"):
        pass


def _otherwise_after_step(f: Flow) -> None:
    with f.alt("x"):
        pass
    f.note("s.web", "in between")
    with f.otherwise("y"):
        pass


def _also_after_alt(f: Flow) -> None:
    with f.alt("x"):
        pass
    with f.also("y"):
        pass


def _otherwise_inside_alt(f: Flow) -> None:
    with f.alt("x"):
        with f.otherwise("y"):
            pass


MISPLACED: list[tuple[str, Callable[[Flow], None], str]] = [
    (
        "otherwise-first",
        _otherwise_first,
        "otherwise() must directly follow a `with flow.alt(...)` block",
    ),
    ("otherwise-after-opt", _otherwise_after_opt, "otherwise() must directly follow"),
    ("otherwise-after-note", _otherwise_after_step, "otherwise() must directly follow"),
    (
        "also-after-alt",
        _also_after_alt,
        "also() must directly follow a `with flow.parallel(...)` block",
    ),
    ("otherwise-inside-alt", _otherwise_inside_alt, "otherwise() must directly follow"),
]


@pytest.mark.parametrize(("name", "build", "message"), MISPLACED, ids=[m[0] for m in MISPLACED])
def test_misplaced_branch_is_a_model_error(
    name: str, build: Callable[[Flow], None], message: str
) -> None:
    ws = Workspace("W")
    ws.system("S").container("Web")
    with pytest.raises(ModelError) as info:
        with ws.flow("F") as f:
            build(f)
    assert message in info.value.message
    assert info.value.hint
    loc = info.value.location
    assert loc is not None and loc.file == HERE
    source_lines = open(HERE, encoding="utf-8").read().splitlines()
    assert "otherwise(" in source_lines[loc.line - 1] or "also(" in source_lines[loc.line - 1]


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (lambda f: f.step(1, "x"), "step(): source must be an element"),
        (lambda f: f.reply("x", None), "reply(): destination must be an element"),
        (lambda f: f.note([1], "t"), "note(): over must be an element"),
        (lambda f: f.note("x", None), "note(): text must be a string"),
        (lambda f: f.alt(3), "alt(): label must be a string"),
        (lambda f: f.step("a", "b", ["desc"]), "step(): description must be a string"),
    ],
)
def test_bad_flow_arguments(call: Callable[[Flow], object], fragment: str) -> None:
    ws = Workspace("W")
    f = ws.flow("F")
    with pytest.raises(ModelError) as info:
        result = call(f)
        if hasattr(result, "__enter__"):
            with result:  # type: ignore[attr-defined]
                pass
    assert fragment in info.value.message
    assert info.value.location is not None and info.value.location.file == HERE
