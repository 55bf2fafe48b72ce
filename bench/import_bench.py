"""Benchmark: `archdoc import structurizr` of a generated 1,000-element Structurizr DSL workspace.

The workspace (a fixed seed makes the same N give the same file): 20 people, 30 external systems
and 10 internal ones with 20 containers each (a quarter of them databases, in groups of five),
the other elements components spread over the containers; relationships from people to
containers, from each container to the database of its group (the first one writes it, the
others read it), and from each component to two elements declared before it; an environment
deploying every container; a container view per system, ten views selected by tag, five dynamic
views and three styles. `!identifiers hierarchical`, as large workspaces are written.

Measured as whole processes, like `validate_bench.py`: `archdoc import structurizr` into a new
directory (median of --runs), then `archdoc validate` of the package it wrote. The table goes to
stdout and bench/out/import.md.

Run: `python bench/import_bench.py [--n 1000] [--runs 3]` (also part of `make bench`).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
OUT = BENCH / "out"
SEED = 20241101
sys.path.insert(0, str(BENCH))
from validate_bench import default_archdoc_cmd, measure  # noqa: E402

PEOPLE, EXTERNAL, INTERNAL, CONTAINERS = 20, 30, 10, 20


def workspace_dsl(n: int) -> tuple[str, int, int]:
    """The DSL text, its number of elements and of relationships."""
    rng = random.Random(SEED)
    components = max(0, n - PEOPLE - EXTERNAL - INTERNAL - INTERNAL * CONTAINERS)
    out = [
        'workspace "Import benchmark" "A generated workspace" {',
        "    !identifiers hierarchical",
        "",
        "    model {",
    ]
    elements = relationships = 0
    people = [f"person{p:02d}" for p in range(PEOPLE)]
    for p, person in enumerate(people):
        out.append(f'        {person} = person "Person {p:02d}" "A user" "User"')
    externals = [f"ext{e:02d}" for e in range(EXTERNAL)]
    for e, ext in enumerate(externals):
        out.append(
            f'        {ext} = softwareSystem "External {e:02d}" "A partner system" "External"'
        )
    elements += PEOPLE + EXTERNAL
    services = [
        s * CONTAINERS + c for s in range(INTERNAL) for c in range(CONTAINERS) if c % 5 != 4
    ]
    placed = [0] * (INTERNAL * CONTAINERS)
    for c in range(components):
        placed[services[c % len(services)]] += 1
    earlier: list[str] = []
    databases: dict[int, list[str]] = {}
    containers: list[str] = []
    for s in range(INTERNAL):
        out.append(f'        sys{s:02d} = softwareSystem "System {s:02d}" "An internal system" {{')
        elements += 1
        databases[s] = []
        for g in range(CONTAINERS // 5):
            out.append(f'            group "Group {g}" {{')
            for k in range(5):
                c = g * 5 + k
                name = f"c{c:02d}"
                full = f"sys{s:02d}.{name}"
                if k == 4:
                    out.append(f'                {name} = container "Store {s:02d}-{c:02d}" '
                               f'"Keeps data" "PostgreSQL" "Database"')
                    databases[s].append(full)
                else:
                    tags = ' "Critical"' if rng.random() < 0.2 else ""
                    out.append(f'                {name} = container "Service {s:02d}-{c:02d}" '
                               f'"Serves requests" "Go"{tags} {{')
                    for m in range(placed[s * CONTAINERS + c]):
                        comp = f"k{m:02d}"
                        out.append(f'                    {comp} = component "Part {s:02d}-{c:02d}-'
                                   f'{m:02d}" "Does one thing" "Go"')
                        earlier.append(f"{full}.{comp}")
                        elements += 1
                    out.append("                }")
                    containers.append(full)
                elements += 1
            out.append("            }")
        out.append("        }")
    out.append("")
    for person in people:
        out.append(f'        {person} -> {rng.choice(containers)} "Uses" "HTTPS"')
        relationships += 1
    for full in containers:  # each service uses the store of its group; the first one owns it
        system, number = int(full[3:5]), int(full[-2:])
        verb = "Reads from and writes to" if number % 5 == 0 else "Reads from"
        out.append(f'        {full} -> {databases[system][number // 5]} "{verb}" "SQL"')
        relationships += 1
    for i, comp in enumerate(earlier[1:], 1):  # only to what was declared before: no cycles
        own = comp.rsplit(".", 1)[0]
        before = containers[:containers.index(own)] + externals
        targets = {rng.choice(earlier[:i]), rng.choice(before)}
        for target in sorted(targets):
            if target.rsplit(".", 1)[0] == comp.rsplit(".", 1)[0] or comp.startswith(target + "."):
                continue
            async_ = ' "Async"' if rng.random() < 0.1 else ""
            out.append(f'        {comp} -> {target} "Calls" "gRPC"{async_}')
            relationships += 1
    out += ["", '        live = deploymentEnvironment "Live" {']
    for s in range(INTERNAL):
        out.append(
            f'            node{s:02d} = deploymentNode "Cluster {s:02d}" "" "Kubernetes" "" 3 {{'
        )
        for full in [c for c in containers if c.startswith(f"sys{s:02d}.")] + databases[s]:
            out.append(f"                containerInstance {full}")
        out.append("            }")
    out += ["        }", "    }", "", "    views {"]
    for s in range(INTERNAL):
        out += [f'        container sys{s:02d} "containers-{s:02d}" {{', "            include *",
                "        }"]
    for v in range(10):
        out += [f'        container sys{v:02d} "critical-{v:02d}" {{',
                "            include element.tag==Critical", "            autoLayout lr",
                "        }"]
    for d in range(5):
        steps = []
        comp = earlier[-1 - d * 7]
        for line in out:
            if line.strip().startswith(comp + " -> "):
                steps.append("            " + line.strip().rsplit(' "Calls"', 1)[0] + ' "Step"')
        out += [f'        dynamic * "flow-{d}" "Flow {d}" {{', *steps[:6], "        }"]
    out += [
        "        styles {",
        '            element "Critical" {',
        "                background #fb923c",
        "            }",
        '            element "Database" {',
        "                shape Cylinder",
        "            }",
        '            relationship "Async" {',
        "                style dashed",
        "            }",
        "        }",
        "    }",
        "}",
    ]
    return "\n".join(out) + "\n", elements, relationships


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="elements in the workspace")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    work = OUT / "import"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    text, elements, relationships = workspace_dsl(args.n)
    (work / "workspace.dsl").write_text(text, encoding="utf-8")
    archdoc = default_archdoc_cmd()[0]

    def fresh() -> None:
        shutil.rmtree(work / "model", ignore_errors=True)

    print(f"== import of {elements} elements, {relationships} relationships "
          f"({text.count(chr(10))} DSL lines)", flush=True)
    imported = measure("import", [archdoc, "import", "structurizr", "workspace.dsl", "-o", "model"],
                       work, args.runs, {0}, before_each=fresh)
    if not imported.ok:
        print(f"import {imported.note}", file=sys.stderr)
        return 1
    files = sorted((work / "model").glob("*.py"))
    lines = sum(f.read_text(encoding="utf-8").count("\n") for f in files)
    validated = measure("validate", [archdoc, "validate"], work, 1, {0, 1})
    validate_s = f"{validated.wall_s:.2f} s" if validated.ok else validated.note
    table = (
        "| elements | relationships | DSL lines | import time | import CPU | import peak MB "
        "| modules written | lines written | validate of the result |\n"
        "| --: | --: | --: | --: | --: | --: | --: | --: | --: |\n"
        f"| {elements} | {relationships} | {text.count(chr(10))} | {imported.wall_s:.2f} s "
        f"| {imported.cpu_s:.2f} s | {imported.peak_mb:.0f} | {len(files)} | {lines} "
        f"| {validate_s} |\n"
    )
    print(table)
    (OUT / "import.md").write_text(f"median of {args.runs} runs\n\n{table}", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
