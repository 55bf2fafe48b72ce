// Compiles D2 sources with @terrastruct/d2 (the D2 compiler built to WebAssembly), all in one
// process: `node d2_compile.mjs SOURCES.json RESULTS.json` reads {"name": "d2 source", ...} and
// writes {"name": {"error": null | "message", "shapes": [...], "connections": [...]}}.
import { readFileSync, writeFileSync } from "node:fs";
// Found in the project's node_modules (`make setup`), above this directory.
import { D2 } from "@terrastruct/d2";

const sources = JSON.parse(readFileSync(process.argv[2], "utf8"));
const d2 = new D2();
const results = {};
for (const [name, source] of Object.entries(sources)) {
  try {
    const { diagram } = await d2.compile(source);
    results[name] = {
      error: null,
      shapes: diagram.shapes.map((s) => ({
        id: s.id, type: s.type, label: s.label, tooltip: s.tooltip, fill: s.fill, stroke: s.stroke,
        strokeDash: s.strokeDash, strokeWidth: s.strokeWidth, color: s.color,
      })),
      connections: diagram.connections.map((c) => ({
        src: c.src, dst: c.dst, label: c.label, stroke: c.stroke, strokeDash: c.strokeDash,
        strokeWidth: c.strokeWidth,
      })),
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : error;
    results[name] = { error: typeof message === "string" ? message : JSON.stringify(message) };
  }
}
writeFileSync(process.argv[3], JSON.stringify(results));
process.exit(0); // the compiler's worker would keep the process alive
