// Fails `npm run lint` on any import cycle among the TypeScript sources, type-only imports included:
// a type-only circle still ties every file in it to every other (issue 22 broke one of 22 files
// through core/context.ts). Relative imports only; Tarjan's strongly connected components.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

function sourcesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** The cycles (each a list of files) among the .ts/.tsx files under the given folders. */
export function importCycles(roots) {
  const files = roots.flatMap(sourcesUnder);
  const known = new Set(files);
  const resolve = (from, spec) => {
    const base = path.join(path.dirname(from), spec);
    return [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')].find((f) =>
      known.has(f),
    );
  };
  const edges = new Map(
    files.map((f) => [
      f,
      [...readFileSync(f, 'utf8').matchAll(IMPORT)].map((m) => resolve(f, m[1] ?? m[2])).filter(Boolean),
    ]),
  );
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  let next = 0;
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || edges.get(v).includes(v)) cycles.push(component.sort());
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return cycles;
}

if (process.argv[1] === import.meta.filename) {
  const cycles = importCycles(process.argv.slice(2).length ? process.argv.slice(2) : ['electron', 'renderer/src']);
  for (const c of cycles) console.error(`import cycle of ${c.length} file(s):\n  ${c.join('\n  ')}`);
  if (cycles.length) process.exit(1);
  console.log('import cycles: none');
}
