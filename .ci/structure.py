#!/usr/bin/env python3
"""Checks the shape of the workspace's code (part of `.ci/run`).

1. No module loop inside a crate: the graph whose nodes are a crate's source files and whose
   edges are the `use crate::...` / `use super::...` imports (and `crate::`/`super::` paths in
   code) between them, each resolved to the file that defines the item (following `pub use`
   re-exports), has no cycle.
2. No library file over 700 lines of code: lines that are not blank and not comments, outside
   `#[cfg(test)]` items; files whose first lines say `@generated` are tables and are not counted.
3. No `std::env` and no printing (`println!`, `eprintln!`, `print!`, `eprint!`, `dbg!`) in the
   library crates' `src/`.

Usage: python3 .ci/structure.py [--loc] [--graph CRATE]
  --loc          also print every library file's line count, largest first
  --graph CRATE  print the import edges of one crate (e.g. article-parse)
Exit status 1 when a check fails.
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIBRARIES = ["article-model", "article-parse", "article-entities", "article-export", "article-warc"]
CRATES = LIBRARIES + ["article-cli"]
MAX_LOC = 700

IDENT = r"[A-Za-z_][A-Za-z0-9_]*"


def strip_comments_and_strings(src: str) -> str:
    """Blanks comments, string and char literals (keeping line breaks), so braces and paths
    inside them are not read as code."""
    out = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif src.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if src.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif src.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            out.append(re.sub(r"[^\n]", " ", src[i:j]))
            i = j
        elif c == "r" and re.match(r'r#*"', src[i:i + 40]) and not re.match(r"[A-Za-z0-9_]", src[i - 1:i] or " "):
            m = re.match(r'r(#*)"', src[i:])
            end = '"' + m.group(1)
            j = src.find(end, i + len(m.group(0)))
            j = n if j < 0 else j + len(end)
            out.append(re.sub(r"[^\n]", " ", src[i:j]))
            i = j
        elif c == '"':
            j = i + 1
            while j < n and src[j] != '"':
                j += 2 if src[j] == "\\" else 1
            j = min(j + 1, n)
            out.append('"' + re.sub(r"[^\n]", " ", src[i + 1:j - 1]) + '"')
            i = j
        elif c == "'":
            # A char literal ('a', '\n', '\u{..}') or a lifetime ('a): blank only literals.
            m = re.match(r"'(\\.[^']*|[^'\\])'", src[i:i + 12])
            if m:
                out.append("' '" + " " * (len(m.group(0)) - 3))
                i += len(m.group(0))
            else:
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def matching_brace(code: str, open_at: int) -> int:
    depth = 0
    for j in range(open_at, len(code)):
        if code[j] == "{":
            depth += 1
        elif code[j] == "}":
            depth -= 1
            if depth == 0:
                return j
    return len(code) - 1


CFG_TEST = re.compile(r"#\[cfg\((test|all\(test[^\]]*|any\(test[^\]]*)\)\]")


def blank_test_items(code: str):
    """Blanks every item under `#[cfg(test)]` (a `mod tests { }`, a test-only fn or impl),
    and returns the names of test-only `mod x;` declarations."""
    test_mods = set()
    out = list(code)
    for m in CFG_TEST.finditer(code):
        j = m.end()
        # The item that follows (skipping other attributes).
        rest = code[j:]
        decl = re.match(r"(\s*#\[[^\]]*\])*\s*(pub(\([^)]*\))?\s+)?mod\s+(" + IDENT + r")\s*;", rest)
        if decl:
            test_mods.add(decl.group(4))
            end = j + decl.end()
        else:
            brace = code.find("{", j)
            semi = code.find(";", j)
            if brace < 0 or (0 <= semi < brace):
                end = semi + 1
            else:
                end = matching_brace(code, brace) + 1
        for k in range(m.start(), end):
            if out[k] != "\n":
                out[k] = " "
    return "".join(out), test_mods


class Module:
    def __init__(self, path, file):
        self.path = path          # tuple of names from the crate root
        self.file = file          # Path of the file defining it (inline modules share it)
        self.children = {}        # name -> Module
        self.reexports = {}       # name -> (path segments, module context)
        self.globs = []           # glob re-exports: (path segments, context)


def parse_use_tree(text: str):
    """`a::{b, c::d as e, f::*}` -> [(["a","b"], "b"), (["a","c","d"], "e"), (["a","f","*"], "*")]."""
    text = re.sub(r"\s+", "", text)
    leaves = []

    def walk(prefix, s):
        # split top-level commas
        parts, depth, cur = [], 0, ""
        for ch in s:
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
            if ch == "," and depth == 0:
                parts.append(cur)
                cur = ""
            else:
                cur += ch
        if cur:
            parts.append(cur)
        for p in parts:
            if "{" in p:
                head, inner = p.split("{", 1)
                inner = inner[: inner.rfind("}")]
                segs = [x for x in head.split("::") if x]
                walk(prefix + segs, inner)
            else:
                segs = [x for x in p.split("::") if x]
                if segs:
                    leaves.append((prefix + segs, segs[-1]))

    walk([], text)
    return leaves


USE_RE = re.compile(r"\b(pub(?:\([^)]*\))?\s+)?use\s+([^;]+);")


def use_leaves(stmt_body: str):
    """Parses a use tree, keeping `as` aliases (done before whitespace is removed)."""
    # Mark aliases with a sentinel that survives whitespace removal.
    marked = re.sub(r"\s+as\s+(" + IDENT + r")", r"@\1", stmt_body)
    leaves = []
    for segs, _ in parse_use_tree(marked):
        last = segs[-1]
        if "@" in last:
            name, alias = last.split("@", 1)
            segs = segs[:-1] + [name]
        else:
            alias = last
        if segs[-1] == "self":
            segs = segs[:-1]
            alias = segs[-1] if alias == "self" else alias
        leaves.append((segs, alias))
    return leaves


class Crate:
    def __init__(self, root: Path):
        self.root = root
        src = root / "src"
        entry = src / "lib.rs" if (src / "lib.rs").exists() else src / "main.rs"
        self.codes = {}
        self.test_files = set()
        self.modules = {}
        self.top = self.load(entry, (), entry)

    def code(self, file: Path) -> str:
        if file not in self.codes:
            raw = file.read_text(encoding="utf-8")
            code, tests = blank_test_items(strip_comments_and_strings(raw))
            self.codes[file] = (code, tests)
        return self.codes[file][0]

    def load(self, file: Path, path, entry: Path) -> Module:
        mod = Module(path, file)
        self.modules[path] = mod
        code = self.code(file)
        test_mods = self.codes[file][1]
        # Directory that holds this module's child files.
        if file.name in ("lib.rs", "main.rs", "mod.rs"):
            child_dir = file.parent
        else:
            child_dir = file.parent / file.stem
        self.scan(mod, code, child_dir, test_mods, entry)
        return mod

    def scan(self, mod, code, child_dir, test_mods, entry):
        # Inline modules first (`mod nf { ... }`): part of this file.
        for m in re.finditer(r"\bmod\s+(" + IDENT + r")\s*([;{])", code):
            name = m.group(1)
            if m.group(2) == "{":
                inner = Module(mod.path + (name,), mod.file)
                self.modules[inner.path] = inner
                mod.children[name] = inner
                end = matching_brace(code, m.end() - 1)
                self.collect_uses(inner, code[m.end():end])
            else:
                if name in test_mods:
                    for cand in (child_dir / f"{name}.rs", child_dir / name / "mod.rs"):
                        if cand.exists():
                            self.test_files.add(cand)
                    continue
                # #[path = "..."] is not used here.
                for cand in (child_dir / f"{name}.rs", child_dir / name / "mod.rs"):
                    if cand.exists():
                        mod.children[name] = self.load(cand, mod.path + (name,), entry)
                        break
        self.collect_uses(mod, code)

    def collect_uses(self, mod, code):
        for m in USE_RE.finditer(code):
            if not m.group(1):
                continue
            for segs, alias in use_leaves(m.group(2)):
                if alias == "*":
                    mod.globs.append(segs[:-1])
                else:
                    mod.reexports.setdefault(alias, segs)

    def module_of_file(self, file):
        # The outermost module defined by the file.
        best = None
        for path, m in self.modules.items():
            if m.file == file and (best is None or len(path) < len(best)):
                best = path
        return best

    def start(self, first, context):
        if first == "crate":
            return ()
        if first == "super":
            return context[:-1]
        if first == "self":
            return context
        return None

    def resolve(self, segs, context, seen=None):
        """The file that defines what `segs` (a path starting at crate/super/self) names."""
        seen = seen or set()
        key = (tuple(segs), context)
        if key in seen:
            return None
        seen.add(key)
        cur = self.start(segs[0], context)
        if cur is None:
            return None
        rest = list(segs[1:])
        while rest and rest[0] in ("super", "self"):
            cur = cur[:-1] if rest[0] == "super" else cur
            rest.pop(0)
        while rest:
            mod = self.modules.get(cur)
            if mod is None:
                return None
            name = rest[0]
            if name in mod.children:
                cur = cur + (name,)
                rest.pop(0)
                continue
            if name in mod.reexports:
                target = mod.reexports[name]
                if target[0] in ("crate", "super", "self"):
                    return self.resolve(target + rest[1:], cur, seen)
                # A re-export of a child module by bare name (`pub use child::X`, edition 2018+).
                if target[0] in mod.children:
                    return self.resolve(["self"] + target + rest[1:], cur, seen)
                return mod.file  # an external crate's item
            for glob in mod.globs:
                if glob and glob[0] in ("crate", "super", "self"):
                    got = self.resolve(glob + [name] + rest[1:], cur, seen)
                    if got is not None:
                        return got
            return mod.file
        mod = self.modules.get(cur)
        return mod.file if mod else None

    def edges(self):
        out = {}
        for file, (code, _) in self.codes.items():
            if file in self.test_files:
                continue
            context = self.module_of_file(file)
            # Module contexts of inline modules: approximate by the file's module.
            targets = set()
            # Relative `use` of a child (edition 2018 `use child::X` inside a module).
            mod = self.modules[context]
            for m in USE_RE.finditer(code):
                for segs, _ in use_leaves(m.group(2)):
                    if segs and segs[0] in mod.children and segs[0] not in ("crate", "super", "self"):
                        segs = ["self"] + segs
                    if segs and segs[0] in ("crate", "super", "self"):
                        segs = [s for s in segs if s != "*"] or segs
                        t = self.resolve(segs, context)
                        if t is not None:
                            targets.add(t)
            # `crate::a::b` / `super::x` paths in expressions and types.
            no_use = USE_RE.sub(lambda m: " " * len(m.group(0)), code)
            for m in re.finditer(r"(?<![A-Za-z0-9_:])((?:crate|super|self)(?:::" + IDENT + r")+)", no_use):
                segs = m.group(1).split("::")
                if segs[0] == "self" and len(segs) > 1 and segs[1] not in mod.children:
                    continue
                t = self.resolve(segs, context)
                if t is not None:
                    targets.add(t)
            # `child::item` paths to a child module, in expressions and types.
            for m in re.finditer(r"(?<![A-Za-z0-9_:])(" + IDENT + r"(?:::" + IDENT + r")+)", no_use):
                segs = m.group(1).split("::")
                if segs[0] in mod.children:
                    t = self.resolve(["self"] + segs, context)
                    if t is not None:
                        targets.add(t)
            targets.discard(file)
            out[file] = targets
        return out


def cycles(graph):
    """Strongly connected components with more than one file (Tarjan, iterative)."""
    index, low, on, stack, result = {}, {}, set(), [], []
    counter = [0]
    for v0 in graph:
        if v0 in index:
            continue
        work = [(v0, iter(sorted(graph.get(v0, ()))))]
        index[v0] = low[v0] = counter[0]
        counter[0] += 1
        stack.append(v0)
        on.add(v0)
        while work:
            v, it = work[-1]
            for w in it:
                if w not in graph:
                    continue
                if w not in index:
                    index[w] = low[w] = counter[0]
                    counter[0] += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(graph.get(w, ())))))
                    break
                if w in on:
                    low[v] = min(low[v], index[w])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[v])
                if low[v] == index[v]:
                    comp = []
                    while True:
                        w = stack.pop()
                        on.discard(w)
                        comp.append(w)
                        if w == v:
                            break
                    if len(comp) > 1:
                        result.append(sorted(comp))
    return result


def loc(crate: Crate, file: Path) -> int:
    raw = file.read_text(encoding="utf-8")
    head = "\n".join(raw.splitlines()[:5])
    if "@generated" in head:
        return 0
    code = crate.code(file)
    return sum(1 for line in code.splitlines() if line.strip())


PRINTING = re.compile(r"\b(std::env\b|env::var|env::args|println!|eprintln!|print!|eprint!|dbg!)")


def main(argv):
    ok = True
    show_loc = "--loc" in argv
    graph_of = argv[argv.index("--graph") + 1] if "--graph" in argv else None
    sizes = []
    for name in CRATES:
        crate = Crate(ROOT / name)
        graph = crate.edges()
        if graph_of == name:
            for f, ts in sorted(graph.items()):
                for t in sorted(ts):
                    print(f"{f.relative_to(ROOT)} -> {t.relative_to(ROOT)}")
        for comp in cycles(graph):
            ok = False
            print(f"{name}: module loop: " + " <-> ".join(str(f.relative_to(ROOT / name / 'src')) for f in comp))
        if name not in LIBRARIES:
            continue
        for file in sorted(crate.codes):
            if file in crate.test_files:
                continue
            n = loc(crate, file)
            sizes.append((n, file))
            if n > MAX_LOC:
                ok = False
                print(f"{file.relative_to(ROOT)}: {n} lines of code, over {MAX_LOC}")
            for m in PRINTING.finditer(crate.code(file)):
                line = crate.code(file)[: m.start()].count("\n") + 1
                ok = False
                print(f"{file.relative_to(ROOT)}:{line}: `{m.group(1)}` in a library crate")
    if show_loc:
        for n, f in sorted(sizes, reverse=True):
            print(f"{n:6} {f.relative_to(ROOT)}")
    print("structure: ok" if ok else "structure: FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
