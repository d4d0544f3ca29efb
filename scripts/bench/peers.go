package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/fpcheck/fpcheck/internal/benchgen"
)

// depcruiseConfig expresses the boundary fpcheck checks for the planted
// violation: nothing in the independent subpackage depends on anything
// outside it; and no dependency is unresolvable.
const depcruiseConfig = `module.exports = {
  forbidden: [
    {
      name: 'independent-subpackage-boundary',
      severity: 'error',
      from: { path: '^miniprogram/indep/' },
      to: { pathNot: '^miniprogram/indep/' },
    },
    { name: 'not-to-unresolvable', severity: 'error', from: {}, to: { couldNotResolve: true } },
  ],
  options: {
    moduleSystems: ['cjs', 'es6'],
    doNotFollow: { path: 'node_modules' },
  },
};
`

// oxlintConfig runs only the JS plugin below: every built-in plugin and
// category off.
const oxlintConfig = `{
  "plugins": [],
  "jsPlugins": ["./mp-boundary.mjs"],
  "categories": { "correctness": "off" },
  "rules": { "mp/boundary": "error" }
}
`

// oxlintPlugin checks what fpcheck's planted JS findings are about: a
// relative require or import that does not resolve (with ".js"
// inference), and one from the independent subpackage to outside it.
const oxlintPlugin = `import fs from 'node:fs';
import path from 'node:path';

function exists(p) {
  try { return fs.statSync(p).isFile(); } catch { return false; }
}

function check(context, node, spec) {
  if (typeof spec !== 'string' || !spec.startsWith('.')) return;
  const file = context.filename;
  const target = path.resolve(path.dirname(file), spec);
  if (!exists(target) && !exists(target + '.js')) {
    context.report({ node, message: 'unresolved dependency ' + spec });
    return;
  }
  const m = /^(.*[\\/]miniprogram[\\/]indep[\\/])/.exec(file);
  if (m && !target.startsWith(m[1])) {
    context.report({ node, message: 'independent subpackage boundary ' + spec });
  }
}

export default {
  meta: { name: 'mp' },
  rules: {
    boundary: {
      create(context) {
        return {
          ImportDeclaration(node) { check(context, node.source, node.source.value); },
          CallExpression(node) {
            const a = node.arguments;
            if (node.callee.type === 'Identifier' && node.callee.name === 'require' && a.length === 1 && a[0].type === 'Literal') {
              check(context, a[0], a[0].value);
            }
          },
        };
      },
    },
  },
};
`

// peerTools returns the peers installed under cache (none when absent),
// writing their configuration into work.
func peerTools(cache, work string) ([]tool, error) {
	binDir := filepath.Join(cache, "node_modules", ".bin")
	var tools []tool
	if dc := filepath.Join(binDir, "depcruise"); exists(dc) {
		cfg := filepath.Join(work, "depcruise.cjs")
		if err := os.WriteFile(cfg, []byte(depcruiseConfig), 0o644); err != nil {
			return nil, err
		}
		{
			tools = append(tools, tool{
				name: "dependency-cruiser " + version(cache, "dependency-cruiser"),
				args: func(string) []string {
					return []string{dc, "--config", cfg, "--output-type", "err", "miniprogram", "plugin"}
				},
				check: countMessages(map[string]string{"boundary": "independent-subpackage-boundary", "unresolvable": "not-to-unresolvable"}),
			})
		}
	} else {
		fmt.Fprintln(os.Stderr, "bench: dependency-cruiser is not installed in", cache)
	}
	if ox := filepath.Join(binDir, "oxlint"); exists(ox) {
		v := version(cache, "oxlint")
		tools = append(tools, tool{
			name: "oxlint " + v + " (parse only)",
			args: func(string) []string {
				return []string{ox, "-A", "all", "--disable-unicorn-plugin", "--disable-oxc-plugin", "--disable-typescript-plugin", "miniprogram", "plugin"}
			},
			check: linted,
		})
		cfg := filepath.Join(work, "oxlintrc.json")
		plugin := filepath.Join(work, "mp-boundary.mjs")
		for name, text := range map[string]string{cfg: oxlintConfig, plugin: oxlintPlugin} {
			if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
				return nil, err
			}
		}
		{
			tools = append(tools, tool{
				name: "oxlint " + v + " (JS boundary plugin)",
				args: func(string) []string {
					return []string{ox, "-c", cfg, "-f", "unix", "miniprogram", "plugin"}
				},
				check: countMessages(map[string]string{"boundary": "independent subpackage boundary", "unresolved": "unresolved dependency"}),
			})
		}
	} else {
		fmt.Fprintln(os.Stderr, "bench: oxlint is not installed in", cache)
	}
	return tools, nil
}

// countMessages summarizes a peer's output: how many lines name each
// finding. A peer that finds neither planted JS violation did not do the
// work being compared, and fails the run.
func countMessages(names map[string]string) func(stdout, stderr []byte, code int, c *benchgen.Corpus) (string, error) {
	return func(stdout, stderr []byte, code int, _ *benchgen.Corpus) (string, error) {
		var parts []string
		total := 0
		for _, label := range []string{"boundary", "unresolvable", "unresolved"} {
			needle, ok := names[label]
			if !ok {
				continue
			}
			n := 0
			for line := range strings.SplitSeq(string(stdout), "\n") {
				if strings.Contains(line, needle) && !strings.Contains(line, "rule(s)") {
					n++
				}
			}
			total += n
			parts = append(parts, fmt.Sprintf("%s %d", label, n))
		}
		if total == 0 {
			return "", fmt.Errorf("exit %d, found no planted violation:\n%s%s", code, tail(stdout), tail(stderr))
		}
		return strings.Join(parts, ", "), nil
	}
}

// linted reports how many files oxlint says it linted.
func linted(stdout, stderr []byte, code int, _ *benchgen.Corpus) (string, error) {
	out := string(stdout)
	i := strings.LastIndex(out, " on ")
	if i < 0 || code != 0 {
		return "", fmt.Errorf("exit %d:\n%s%s", code, tail(stdout), tail(stderr))
	}
	n, _, _ := strings.Cut(out[i+len(" on "):], " ")
	return n + " JS files, no rules", nil
}

func tail(b []byte) string {
	if len(b) > 2000 {
		b = b[len(b)-2000:]
	}
	return string(b)
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// version reads an installed package's version.
func version(cache, name string) string {
	b, err := os.ReadFile(filepath.Join(cache, "node_modules", name, "package.json"))
	if err != nil {
		return "?"
	}
	_, after, ok := strings.Cut(string(b), `"version": "`)
	if !ok {
		return "?"
	}
	v, _, _ := strings.Cut(after, `"`)
	return v
}
