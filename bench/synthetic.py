"""Synthetic workspaces for the benchmarks: one architecture, written twice.

The architecture: N services in one system ("Bench"), each with its own database (owned by the
service, which reads and writes it), about 4 dependencies per service on lower-numbered services,
10% of them asynchronous through one event bus, 10 flows of 5 steps along synchronous
dependencies, and 10 people using random services. Everything is drawn from a seeded
pseudo-random generator, so the same N always gives the same files.

It is written (a) as an archdoc model package (``archdoc/model/*.py`` and ``archdoc/mkdocs.yml``),
through the public API of DESIGN.md, and (b) as LikeC4 source (``likec4/*.c4``).

An asynchronous dependency of service A on service B is modelled the same way in both twins:
B publishes ``svc-B.event`` through the bus and A subscribes to it, which gives the two
relationships ``B -> bus`` (publishes) and ``A -> bus`` (consumes). In the LikeC4 twin each
database is a sibling of its service (LikeC4 rejects a relationship between a parent and its
child, and the service does use its database), so both twins hold the same elements and the
same relationships.

Usage: ``python bench/synthetic.py --n 1000 --out DIR`` writes ``DIR/archdoc/`` and ``DIR/likec4/``.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

SEED = 20240607
SERVICES_PER_MODULE = 100
"""About 900 lines per generated Python module: the size of a large hand-written model file."""
PEOPLE = 10
FLOWS = 10
FLOW_STEPS = 5
ASYNC_SHARE = 0.10
CRITICALITIES: tuple[tuple[str, float], ...] = (
    ("critical", 0.10), ("high", 0.20), ("medium", 0.40), ("low", 0.30),
)
PROTOCOLS = ("REST", "gRPC")


# -- the architecture -------------------------------------------------------------------------


@dataclass(frozen=True)
class Dependency:
    """Service ``source`` depends on the lower-numbered service ``target``."""

    source: int
    target: int
    is_async: bool
    technology: str
    criticality: str


@dataclass(frozen=True)
class Person:
    index: int
    uses: tuple[int, ...]


@dataclass(frozen=True)
class FlowSpec:
    index: int
    steps: tuple[tuple[int, int], ...]
    """(caller, callee) pairs, each backed by a synchronous dependency."""


@dataclass(frozen=True)
class Architecture:
    n: int
    dependencies: tuple[Dependency, ...]
    people: tuple[Person, ...]
    flows: tuple[FlowSpec, ...]
    per_module: int = SERVICES_PER_MODULE
    """Services per generated file."""

    @property
    def width(self) -> int:
        """Digits in a service number: ``0042`` for N up to 9999."""
        return max(4, len(str(self.n)))

    def publishers(self) -> set[int]:
        """Services whose event has at least one subscriber."""
        return {d.target for d in self.dependencies if d.is_async}

    def outgoing(self) -> dict[int, list[Dependency]]:
        """Dependencies by source service, in declaration order."""
        by_source: dict[int, list[Dependency]] = {}
        for dep in self.dependencies:
            by_source.setdefault(dep.source, []).append(dep)
        return by_source

    def module_ranges(self) -> list[range]:
        """Service numbers of each generated file."""
        step = self.per_module
        return [range(start, min(start + step, self.n + 1)) for start in range(1, self.n + 1, step)]

    def module_of(self, service: int) -> int:
        return (service - 1) // self.per_module

    def counts(self) -> dict[str, int]:
        """Expected numbers of elements and relationships (identical in both twins)."""
        asyncs = sum(d.is_async for d in self.dependencies)
        relationships = (
            self.n  # service -> own database
            + (len(self.dependencies) - asyncs)  # sync service -> service
            + asyncs + len(self.publishers())  # consumer -> bus, producer -> bus
            + sum(len(p.uses) for p in self.people)
        )
        return {
            "elements": 1 + 2 * self.n + 1 + len(self.people),
            "relationships": relationships,
            "flows": len(self.flows),
            "events": len(self.publishers()),
        }


def _pick_criticality(rng: random.Random) -> str:
    names = [name for name, _ in CRITICALITIES]
    weights = [weight for _, weight in CRITICALITIES]
    return rng.choices(names, weights)[0]


def _dependencies(n: int, rng: random.Random) -> list[Dependency]:
    deps: list[Dependency] = []
    for source in range(2, n + 1):
        count = min(source - 1, rng.randint(3, 5))
        for target in sorted(rng.sample(range(1, source), count)):
            deps.append(Dependency(
                source=source,
                target=target,
                is_async=rng.random() < ASYNC_SHARE,
                technology=rng.choice(PROTOCOLS),
                criticality=_pick_criticality(rng),
            ))
    return deps


def _walk(start: int, sync_out: dict[int, list[int]], rng: random.Random) -> list[tuple[int, int]]:
    steps: list[tuple[int, int]] = []
    current = start
    while len(steps) < FLOW_STEPS and sync_out.get(current):
        nxt = rng.choice(sync_out[current])
        steps.append((current, nxt))
        current = nxt
    return steps


def _flows(n: int, deps: Sequence[Dependency], rng: random.Random) -> list[FlowSpec]:
    sync_out: dict[int, list[int]] = {}
    for dep in deps:
        if not dep.is_async:
            sync_out.setdefault(dep.source, []).append(dep.target)
    flows: list[FlowSpec] = []
    attempts = 0
    while len(flows) < FLOWS and sync_out and attempts < 50 * FLOWS:
        attempts += 1
        steps = _walk(rng.randint(max(1, n // 2), n), sync_out, rng)
        if len(steps) == FLOW_STEPS or (steps and attempts > 40 * FLOWS):
            flows.append(FlowSpec(index=len(flows) + 1, steps=tuple(steps)))
    return flows


def generate(n: int, seed: int = SEED, per_module: int = SERVICES_PER_MODULE) -> Architecture:
    """The synthetic architecture with ``n`` services, ``per_module`` per generated file."""
    if n < 1 or per_module < 1:
        raise ValueError("n and per_module must be at least 1")
    rng = random.Random(seed)
    deps = _dependencies(n, rng)
    people = tuple(
        Person(index=i, uses=tuple(sorted(rng.sample(range(1, n + 1), min(2, n)))))
        for i in range(1, PEOPLE + 1)
    )
    return Architecture(n=n, dependencies=tuple(deps), people=people,
                        flows=tuple(_flows(n, deps, rng)), per_module=per_module)


# -- the archdoc twin -------------------------------------------------------------------------


class _PyNames:
    """Python names of the generated model's objects."""

    def __init__(self, arch: Architecture) -> None:
        self.width = arch.width
        self.module_of = arch.module_of

    def num(self, service: int) -> str:
        return f"{service:0{self.width}d}"

    def svc(self, service: int) -> str:
        return f"s{self.num(service)}"

    def db(self, service: int) -> str:
        return f"db{self.num(service)}"

    def ref(self, service: int, here: int | None) -> str:
        """The expression naming a service from module ``here`` (None: from another module)."""
        own = self.module_of(service)
        return self.svc(service) if own == here else f"m{own:03d}.{self.svc(service)}"

    def event(self, service: int) -> str:
        return f"svc-{self.num(service)}.event"


def _module_header(doc: str, imports: Sequence[str]) -> list[str]:
    return [f'"""{doc} (generated by bench/synthetic.py; do not edit)."""', "",
            "from __future__ import annotations", "", *imports, ""]


def _imports_for(modules: set[int]) -> list[str]:
    return [f"from . import services_{m:03d} as m{m:03d}" for m in sorted(modules)]


def _service_lines(s: int, deps: Sequence[Dependency], publishes: bool, names: _PyNames,
                   here: int) -> Iterator[str]:
    svc, db, num = names.svc(s), names.db(s), names.num(s)
    yield ""
    yield (f'{svc} = bench.container("Service {num}", "Synthetic service {s}", '
           f'technology="Python", owner="team-{s % 50:02d}")')
    yield (f'{db} = bench.database("Service {num} DB", "Data of service {num}", '
           f'technology="PostgreSQL 16", owner={svc})')
    yield f'{svc}.uses({db}, "Reads and writes its data", technology="SQL", access="readwrite")'
    if publishes:
        yield f'{svc}.publishes("{names.event(s)}", "Announces changes of service {num}", via=bus)'
    for dep in deps:
        if dep.is_async:
            yield (f'{svc}.subscribes("{names.event(dep.target)}", '
                   f'"Keeps its copy of service {names.num(dep.target)} data", via=bus)')
        else:
            target = names.ref(dep.target, here)
            yield (f'{svc}.uses({target}, "Calls service {names.num(dep.target)}", '
                   f'technology="{dep.technology}", criticality="{dep.criticality}")')


def _services_module(arch: Architecture, here: int, numbers: range, names: _PyNames) -> str:
    outgoing, publishers = arch.outgoing(), arch.publishers()
    referenced = {arch.module_of(d.target) for s in numbers for d in outgoing.get(s, [])
                  if not d.is_async} - {here}
    lines = _module_header(f"Services {numbers.start} to {numbers.stop - 1}",
                           ["from .base import bench, bus", *_imports_for(referenced)])
    for s in numbers:
        lines.extend(_service_lines(s, outgoing.get(s, []), s in publishers, names, here))
    return "\n".join(lines) + "\n"


def _people_module(arch: Architecture, names: _PyNames) -> str:
    modules = {arch.module_of(s) for p in arch.people for s in p.uses}
    lines = _module_header("People", ["from .base import ws", *_imports_for(modules)])
    for person in arch.people:
        var = f"p{person.index:02d}"
        lines.append(f'{var} = ws.person("Person {person.index:02d}", '
                     f'"Synthetic user {person.index}")')
        for s in person.uses:
            lines.append(f'{var}.uses({names.ref(s, None)}, "Uses service {names.num(s)}", '
                         f'technology="HTTPS")')
    return "\n".join(lines) + "\n"


def _flows_module(arch: Architecture, names: _PyNames) -> str:
    modules = {arch.module_of(s) for f in arch.flows for step in f.steps for s in step}
    lines = _module_header("Flows", ["from .base import ws", *_imports_for(modules)])
    for flow in arch.flows:
        lines.append(f'with ws.flow("Flow {flow.index:02d}", '
                     f'"Synthetic scenario {flow.index}") as f:')
        for k, (a, b) in enumerate(flow.steps, start=1):
            lines.append(f'    f.step({names.ref(a, None)}, {names.ref(b, None)}, '
                         f'"Step {k}: call service {names.num(b)}")')
    return "\n".join(lines) + "\n"


def _base_module(arch: Architecture) -> str:
    lines = _module_header("The workspace, the system and its event bus",
                           ["from archdoc import Workspace"])
    lines += [
        f'ws = Workspace("Bench", description="Synthetic workspace with {arch.n} services")',
        'bench = ws.system("Bench", "Synthetic system under benchmark")',
        'bus = bench.queue("Event bus", "Carries the asynchronous events", technology="Kafka")',
    ]
    return "\n".join(lines) + "\n"


def _init_module(arch: Architecture) -> str:
    modules = [f"services_{m:03d}" for m in range(len(arch.module_ranges()))]
    doc = f"Synthetic benchmark model: {arch.n} services (generated by bench/synthetic.py)."
    lines = [f'"""{doc}"""', "", "from __future__ import annotations", "",
             "from .base import ws", ""]
    lines += [f"from . import {name}  # noqa: F401,E402" for name in modules]
    lines += ["from . import people  # noqa: F401,E402", "from . import flows  # noqa: F401,E402",
              "", '__all__ = ["ws"]']
    return "\n".join(lines) + "\n"


MKDOCS_YML = "site_name: bench\nplugins:\n  - archdoc\n"


def write_archdoc(arch: Architecture, root: Path) -> None:
    """The archdoc twin: ``root/mkdocs.yml`` and the package ``root/model``."""
    package = root / "model"
    package.mkdir(parents=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML)
    names = _PyNames(arch)
    (package / "__init__.py").write_text(_init_module(arch))
    (package / "base.py").write_text(_base_module(arch))
    for here, numbers in enumerate(arch.module_ranges()):
        (package / f"services_{here:03d}.py").write_text(
            _services_module(arch, here, numbers, names))
    (package / "people.py").write_text(_people_module(arch, names))
    (package / "flows.py").write_text(_flows_module(arch, names))


# -- the LikeC4 twin --------------------------------------------------------------------------


C4_SPECIFICATION = """specification {
  element actor
  element system
  element service
  element database
  element queue
  relationship async {
    line dashed
  }
}
"""


class _C4Names:
    def __init__(self, arch: Architecture) -> None:
        self.width = arch.width

    def num(self, service: int) -> str:
        return f"{service:0{self.width}d}"

    def svc(self, service: int) -> str:
        """The fully qualified name, for references from outside the system."""
        return f"bench.svc_{self.num(service)}"


def _c4_block(head: str, body: Sequence[str], indent: str = "  ") -> list[str]:
    return [f"{indent}{head} {{", *(f"{indent}  {line}" for line in body), f"{indent}}}"]


def _c4_service(s: int, deps: Sequence[Dependency], publishes: bool, names: _C4Names) -> list[str]:
    """The database and the service, its relationships nested in it (``-> sibling``)."""
    num = names.num(s)
    database = _c4_block(f"svc_{num}_db = database 'Service {num} DB'",
                         [f"description 'Data of service {num}'", "technology 'PostgreSQL 16'"], "")
    body = [f"description 'Synthetic service {s}'", "technology 'Python'",
            *_c4_block(f"-> svc_{num}_db 'Reads and writes its data' 'SQL'",
                       ["metadata {", "  access 'readwrite'", "}"], "")]
    if publishes:
        body.append(f"-[async]-> bus 'Publishes svc-{num}.event'")
    for dep in deps:
        target = names.num(dep.target)
        if dep.is_async:
            body.append(f"-[async]-> bus 'Consumes svc-{target}.event'")
        else:
            body += _c4_block(f"-> svc_{target} 'Calls service {target}' '{dep.technology}'",
                              ["metadata {", f"  criticality '{dep.criticality}'", "}"], "")
    return [*database, *_c4_block(f"svc_{num} = service 'Service {num}'", body, "")]


def _c4_services_file(arch: Architecture, numbers: range, names: _C4Names) -> str:
    outgoing, publishers = arch.outgoing(), arch.publishers()
    body = [line for s in numbers
            for line in _c4_service(s, outgoing.get(s, []), s in publishers, names)]
    lines = ["model {", *_c4_block("extend bench", body)]
    return "\n".join(lines) + "\n}\n"


def _c4_base_file(arch: Architecture) -> str:
    bus = _c4_block("bus = queue 'Event bus'",
                    ["description 'Carries the asynchronous events'", "technology 'Kafka'"], "    ")
    lines = [C4_SPECIFICATION, "model {", "  bench = system 'Bench' {",
             "    description 'Synthetic system under benchmark'", *bus, "  }", "}"]
    return "\n".join(lines) + "\n"


def _c4_people_file(arch: Architecture, names: _C4Names) -> str:
    lines = ["model {"]
    for person in arch.people:
        var = f"person_{person.index:02d}"
        lines += _c4_block(f"{var} = actor 'Person {person.index:02d}'",
                           [f"description 'Synthetic user {person.index}'"])
        for s in person.uses:
            lines += _c4_block(f"{var} -> {names.svc(s)} 'Uses service {names.num(s)}'",
                               ["technology 'HTTPS'"])
    lines.append("}")
    return "\n".join(lines) + "\n"


def _c4_flows_file(arch: Architecture, names: _C4Names) -> str:
    lines = ["views {"]
    for flow in arch.flows:
        body = [f"title 'Flow {flow.index:02d}'", f"description 'Synthetic scenario {flow.index}'"]
        body += [f"{names.svc(a)} -> {names.svc(b)} 'Step {k}: call service {names.num(b)}'"
                 for k, (a, b) in enumerate(flow.steps, start=1)]
        lines += _c4_block(f"dynamic view flow_{flow.index:02d}", body)
    lines.append("}")
    return "\n".join(lines) + "\n"


def write_likec4(arch: Architecture, root: Path) -> None:
    """The LikeC4 twin: ``root/*.c4``."""
    root.mkdir(parents=True)
    names = _C4Names(arch)
    (root / "base.c4").write_text(_c4_base_file(arch))
    for here, numbers in enumerate(arch.module_ranges()):
        (root / f"services_{here:03d}.c4").write_text(_c4_services_file(arch, numbers, names))
    (root / "people.c4").write_text(_c4_people_file(arch, names))
    (root / "flows.c4").write_text(_c4_flows_file(arch, names))


# -- command line -----------------------------------------------------------------------------


def write_twins(n: int, out: Path, seed: int = SEED,
                per_module: int = SERVICES_PER_MODULE) -> Architecture:
    """Write ``out/archdoc`` and ``out/likec4`` (replacing them) for ``n`` services."""
    arch = generate(n, seed, per_module)
    for twin in ("archdoc", "likec4"):
        shutil.rmtree(out / twin, ignore_errors=True)
    write_archdoc(arch, out / "archdoc")
    write_likec4(arch, out / "likec4")
    return arch


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=1000, help="number of services (default 1000)")
    parser.add_argument("--out", type=Path, required=True, help="output directory")
    parser.add_argument("--seed", type=int, default=SEED, help=f"random seed (default {SEED})")
    parser.add_argument("--per-module", type=int, default=SERVICES_PER_MODULE,
                        help=f"services per generated file (default {SERVICES_PER_MODULE})")
    args = parser.parse_args(argv)
    arch = write_twins(args.n, args.out, args.seed, args.per_module)
    counts = ", ".join(f"{v} {k}" for k, v in arch.counts().items())
    print(f"wrote {args.out / 'archdoc'} and {args.out / 'likec4'}: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
