// Fails `npm run lint` on a core call in the renderer whose failure nobody handles: a page that
// fetches with `void call(…).then(set)` and no rejection handler stays empty, silently, when the
// call fails. Every `call(` (and the api/ helpers built on it) must end in one of:
//   • a rejection handler: `.catch(…)`, `.then(ok, fail)`, or `await` inside a try with a catch;
//   • a receiver that handles it: a callback given to a prop or hook listed in RECEIVERS below;
//   • `showFailure` / `useLoaded` (components/failure.ts), the one path that shows failures.
// A promise returned (or awaited without a try) hands the duty to the enclosing function, and the
// check follows it: to its callers in the same file, or to the prop or hook it is given to.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** The functions whose promises reject when the core refuses or cannot be reached. */
const CALLS = new Set(['call', 'uploadFile', 'downloadFile', 'waitForJob', 'readChunks']);
/** Props and hook arguments that take a promise-returning callback and show its failure themselves. */
const RECEIVERS = {
  props: new Set(['ListPage.save', 'ListPage.remove', 'FormDrawer.onSubmit']),
  // hook or function name → which argument
  args: new Map([
    ['useDeleteSelected', 1],
    ['submit', 1],
    ['useLoaded', 0],
    ['attempt', 0],
  ]),
};
/** Calls that hand back a promise made from the callback they get (the duty stays with their result). */
const PASS_THROUGH_ARGS = new Set(['readChunks', 'map']);
/** Hooks that hand back the function they get. */
const IDENTITY = new Set(['useCallback', 'useMemo']);
/** CALLS, plus the exported functions found to pass a call's failure on to their callers. */
let tracked = new Set(CALLS);

const isFunction = (n) =>
  ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n);
const calleeName = (call) => {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return '';
};

/** Where a promise-producing node's rejection goes: null when handled, else a reason. */
function follow(node, file, seen) {
  let cur = node;
  for (;;) {
    if (explained(cur, file)) return null;
    const parent = cur.parent;
    if (!parent) return 'reaches the top of the file';
    if (
      ts.isParenthesizedExpression(parent) ||
      ts.isAsExpression(parent) ||
      ts.isNonNullExpression(parent) ||
      ts.isSatisfiesExpression(parent)
    ) {
      cur = parent;
      continue;
    }
    // `early ?? call(…)`, `c ? call(a) : call(b)`: the promise flows on.
    if (
      (ts.isBinaryExpression(parent) &&
        [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(parent.operatorToken.kind)) ||
      (ts.isConditionalExpression(parent) && parent.condition !== cur)
    ) {
      cur = parent;
      continue;
    }
    // p.then(ok) / p.finally(f) give a new promise that rejects the same; .catch and .then(ok, fail) end it.
    if (ts.isPropertyAccessExpression(parent) && parent.expression === cur && ts.isCallExpression(parent.parent)) {
      const method = parent.name.text;
      const chained = parent.parent;
      if (method === 'catch' || (method === 'then' && chained.arguments.length >= 2)) return null;
      if (method === 'then' || method === 'finally') {
        cur = chained;
        continue;
      }
      return `.${method} on the promise`;
    }
    // Promise.all([call(…), …]) rejects as any of them does.
    if (ts.isArrayLiteralExpression(parent) && ts.isCallExpression(parent.parent)) {
      const name = parent.parent.expression.getText(file);
      if (name === 'Promise.allSettled') return null;
      if (name === 'Promise.all' || name === 'Promise.race' || name === 'Promise.any') {
        cur = parent.parent;
        continue;
      }
    }
    if (ts.isAwaitExpression(parent)) return awaited(parent, file, seen);
    if (ts.isArrowFunction(parent) && parent.body === cur) return delegated(parent, file, seen);
    if (ts.isReturnStatement(parent)) return delegated(enclosingFunction(parent), file, seen);
    if (ts.isCallExpression(parent) && parent.arguments.includes(cur)) {
      const name = parent.expression.getText(file);
      if (name === 'Promise.all') {
        cur = parent; // Promise.all(list.map(…))
        continue;
      }
      return givenTo(parent, parent.arguments.indexOf(cur), file, seen);
    }
    if (ts.isVoidExpression(parent)) return 'dropped with void';
    if (ts.isExpressionStatement(parent)) return 'dropped';
    return `used as ${ts.SyntaxKind[parent.kind]}`;
  }
}

/** A `// failure: …` comment just before says where this promise's failure is shown (for what the check cannot follow). */
function explained(node, file) {
  // The comment sits before the statement (or object property) the call is part of.
  for (let n = node; n && !isFunction(n); n = n.parent) {
    if (hasMarker(n, file)) return true;
    if (
      ts.isVariableStatement(n) ||
      ts.isExpressionStatement(n) ||
      ts.isReturnStatement(n) ||
      ts.isPropertyAssignment(n)
    )
      return false;
  }
  return false;
}

function hasMarker(node, file) {
  const ranges = ts.getLeadingCommentRanges(file.text, node.getFullStart()) ?? [];
  return ranges.some((r) => /^\/[/*]\s*failure:/.test(file.text.slice(r.pos, r.end)));
}

function enclosingFunction(node) {
  let n = node.parent;
  while (n && !isFunction(n)) n = n.parent;
  return n;
}

/** `await p`: handled by a try with a catch around it in the same function, else the function's duty. */
function awaited(node, file, seen) {
  let n = node;
  while (n.parent && !isFunction(n.parent)) {
    const p = n.parent;
    if (ts.isTryStatement(p) && p.tryBlock === n && p.catchClause) return null;
    n = p;
  }
  return delegated(n.parent, file, seen);
}

/** A function whose promise carries the rejection: where it goes decides. */
function delegated(fn, file, seen) {
  if (!fn) return 'awaited outside any function';
  if (seen.has(fn)) return null; // recursion: judged where it started
  seen.add(fn);
  const parent = fn.parent;
  if (explained(parent, file)) return null;
  // Called where it stands: (async () => { … })()
  if (ts.isParenthesizedExpression(parent) && ts.isCallExpression(parent.parent) && parent.parent.expression === parent)
    return follow(parent.parent, file, seen);
  // A callback given as a prop: <ListPage save={(v) => call(…)} />
  if (ts.isJsxExpression(parent) && ts.isJsxAttribute(parent.parent)) {
    const attr = parent.parent.name.getText(file);
    const element = parent.parent.parent.parent;
    const tag = ts.isJsxOpeningLikeElement(element) ? element.tagName.getText(file) : '';
    return RECEIVERS.props.has(`${tag}.${attr}`)
      ? null
      : `given to <${tag} ${attr}>, which does not handle its failure`;
  }
  // A callback given to a function: useDeleteSelected(grid, (ids) => call(…))
  if (ts.isCallExpression(parent) && parent.arguments.includes(fn)) {
    const name = calleeName(parent);
    // useCallback(f) is f: follow the name it is kept under.
    if (IDENTITY.has(name) && ts.isVariableDeclaration(parent.parent)) return named(fn, parent.parent, file, seen);
    return givenTo(parent, parent.arguments.indexOf(fn), file, seen);
  }
  return named(fn, parent, file, seen);
}

/** What a function does with the promise-returning callback (or promise) it gets as an argument. */
function givenTo(callExpr, index, file, seen) {
  const name = calleeName(callExpr);
  if (RECEIVERS.args.get(name) === index) return null;
  if (PASS_THROUGH_ARGS.has(name)) return follow(callExpr, file, seen);
  // A helper of this file, `const act = async (fn) => { try { await fn() } catch … }`: follow its parameter.
  const local = ts.isIdentifier(callExpr.expression) ? localFunction(file, name) : null;
  const param = local?.parameters[index];
  if (param && ts.isIdentifier(param.name)) {
    const uses = identifierUses(local.body, param.name.text).filter((u) => u !== param.name);
    for (const use of uses) {
      const reason =
        ts.isCallExpression(use.parent) && use.parent.expression === use
          ? follow(use.parent, file, seen)
          : follow(use, file, seen);
      if (reason) return `given to ${name}(), where it is ${reason}`;
    }
    return uses.length ? null : `given to ${name}(), which never uses it`;
  }
  return `given to ${name || 'a function'}(), which does not handle its failure`;
}

function localFunction(file, name) {
  let found = null;
  const walk = (n) => {
    if (found) return;
    if (ts.isFunctionDeclaration(n) && n.name?.text === name) found = n;
    else if (ts.isVariableDeclaration(n) && n.name.getText(file) === name && n.initializer && isFunction(n.initializer))
      found = n.initializer;
    else ts.forEachChild(n, walk);
  };
  walk(file);
  return found;
}

/** A named function: each use of its name must handle what it returns. */
function named(fn, parent, file, seen) {
  const name = ts.isVariableDeclaration(parent)
    ? parent.name.getText(file)
    : ts.isFunctionDeclaration(fn) && fn.name
      ? fn.name.text
      : null;
  if (name) {
    const exported =
      (ts.isFunctionDeclaration(fn) && fn.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) ||
      (ts.isVariableDeclaration(parent) &&
        parent.parent.parent.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword));
    if (exported) {
      // Its callers, in any file, are checked as if it were `call`.
      tracked.add(name);
      return null;
    }
    const uses = identifierUses(file, name).filter((id) => id !== (parent.name ?? fn.name));
    for (const use of uses) {
      const reason =
        ts.isCallExpression(use.parent) && use.parent.expression === use
          ? follow(use.parent, file, seen)
          : delegatedUse(use, file, seen);
      if (reason) return `${name}() ${reason}`;
    }
    return null;
  }
  if (ts.isMethodDeclaration(fn) || ts.isPropertyAssignment(parent))
    return 'a method or property whose callers are not followed';
  return `in a function used as ${ts.SyntaxKind[parent.kind]}`;
}

/** A named function passed by name: onClick={load}, useDeleteSelected(grid, remove). */
function delegatedUse(use, file, seen) {
  const p = use.parent;
  if (ts.isJsxExpression(p) && ts.isJsxAttribute(p.parent)) {
    const element = p.parent.parent.parent;
    const tag = ts.isJsxOpeningLikeElement(element) ? element.tagName.getText(file) : '';
    const attr = p.parent.name.getText(file);
    return RECEIVERS.props.has(`${tag}.${attr}`)
      ? null
      : `given to <${tag} ${attr}>, which does not handle its failure`;
  }
  if (ts.isCallExpression(p) && p.arguments.includes(use)) return givenTo(p, p.arguments.indexOf(use), file, seen);
  // Listed as a dependency, shorthand in an object handed on…: not a call.
  if (ts.isArrayLiteralExpression(p) || ts.isShorthandPropertyAssignment(p)) return null;
  return `used as ${ts.SyntaxKind[p.kind]}`;
}

function identifierUses(file, name) {
  const found = [];
  const walk = (n) => {
    if (ts.isIdentifier(n) && n.text === name) found.push(n);
    ts.forEachChild(n, walk);
  };
  walk(file);
  return found;
}

/** Every unhandled call in the .ts/.tsx sources under the folders: { file, line, text, reason }. */
export function unhandledCalls(roots) {
  tracked = new Set(CALLS);
  for (;;) {
    const size = tracked.size;
    const problems = scan(roots);
    if (tracked.size === size) return problems;
  }
}

function scan(roots) {
  const files = roots.flatMap((dir) =>
    readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts'))
      .map((e) => path.join(e.parentPath, e.name)),
  );
  const problems = [];
  for (const fileName of files) {
    const text = readFileSync(fileName, 'utf8');
    const file = ts.createSourceFile(
      fileName,
      text,
      ts.ScriptTarget.Latest,
      true,
      fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
    );
    const visit = (n) => {
      if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && tracked.has(n.expression.text)) {
        const inOwnDefinition = enclosingFunction(n) && isExportedCall(enclosingFunction(n), file);
        const reason = inOwnDefinition ? null : follow(n, file, new Set());
        if (reason) {
          const { line } = file.getLineAndCharacterOfPosition(n.getStart(file));
          problems.push({ file: fileName, line: line + 1, text: n.getText(file).split('\n')[0].slice(0, 80), reason });
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(file);
  }
  return problems;
}

/** Inside uploadFile, downloadFile…: their callers are checked instead. */
function isExportedCall(fn, file) {
  for (let f = fn; f; f = enclosingFunction(f)) {
    const name =
      ts.isFunctionDeclaration(f) && f.name
        ? f.name.text
        : ts.isVariableDeclaration(f.parent)
          ? f.parent.name.getText(file)
          : null;
    if (name && tracked.has(name)) return true;
  }
  return false;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = unhandledCalls(process.argv.length > 2 ? process.argv.slice(2) : ['renderer/src']);
  for (const p of problems) console.error(`${p.file}:${p.line}: ${p.text} — its failure is ${p.reason}`);
  if (problems.length) {
    console.error(
      `\n${problems.length} core call(s) whose failure nobody shows: handle it (try/catch, .catch, or useLoaded/showFailure in renderer/src/components/failure.ts).`,
    );
    process.exit(1);
  }
}
