package strictyaml

import (
	"go.yaml.in/yaml/v3"
)

// Files written for other tools (Hugo's front matter, mkdocs.yml) may name
// a value once with an anchor and use it again with an alias
// (eventUrl: &url https://…, then *url), or merge a mapping into another
// with <<: *base: their tools read both. baton's own files still refuse
// them (safe); in the others they are expanded before anything is
// decoded, under a bound on what the expansion makes, so an alias bomb
// (each alias naming a list of aliases) is still an error, not a hang.

// maxExpanded bounds the nodes a document holds once its aliases and merge
// keys are expanded: far more than any file of settings needs, far fewer
// than a billion laughs makes.
const maxExpanded = 1 << 16

// expansion replaces aliases and merge keys in one document. An alias
// becomes the very node it names (shared, not copied): the decoder only
// reads nodes, and the bound counts each use.
type expansion struct {
	d     *decoder
	size  map[*yaml.Node]int // nodes under a node once expanded, itself included
	open  map[*yaml.Node]bool
	fails bool
}

// expand expands the aliases and merge keys under root, or reports false
// with an error where they loop or would expand past maxExpanded nodes.
func (d *decoder) expand(root *yaml.Node) bool {
	e := expansion{d: d, size: map[*yaml.Node]int{}, open: map[*yaml.Node]bool{}}
	n := e.node(root)
	return !e.fails && n <= maxExpanded
}

// node expands the nodes under n and returns how many nodes n stands for,
// or maxExpanded+1 once past the bound (with the error reported once).
func (e *expansion) node(n *yaml.Node) int {
	if s, ok := e.size[n]; ok {
		return s
	}
	if e.open[n] {
		e.fail(n, "a YAML alias that names a value holding it")
		return maxExpanded + 1
	}
	e.open[n] = true
	defer delete(e.open, n)
	if n.Kind == yaml.MappingNode {
		e.merge(n)
	}
	total := 1
	for i, c := range n.Content {
		if c.Kind == yaml.AliasNode && c.Alias != nil {
			c = c.Alias
			n.Content[i] = c
		}
		if total += e.node(c); total > maxExpanded {
			e.fail(n, "YAML aliases that expand to more than 65536 values (an alias bomb?)")
			return maxExpanded + 1
		}
	}
	e.size[n] = total
	return total
}

// merge replaces each merge key of mapping n (<<: *base, or a list of
// aliases) by the pairs of the mappings it names whose keys n does not set
// itself, the first mapping listed winning, as YAML's merge keys do.
func (e *expansion) merge(n *yaml.Node) {
	own := map[string]bool{}
	merges := false
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Tag == "!!merge" {
			merges = true
		} else {
			own[k.Value] = true
		}
	}
	if !merges {
		return
	}
	var out []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Tag != "!!merge" {
			out = append(out, k, v)
			continue
		}
		sources := []*yaml.Node{v}
		if v.Kind == yaml.SequenceNode {
			sources = v.Content
		}
		for _, s := range sources {
			if s.Kind == yaml.AliasNode && s.Alias != nil {
				s = s.Alias
			}
			if s.Kind != yaml.MappingNode {
				e.fail(s, "a YAML merge key (<<) must name a mapping")
				return
			}
			if e.node(s) > maxExpanded {
				return
			}
			for j := 0; j+1 < len(s.Content); j += 2 {
				if key := s.Content[j]; !own[key.Value] {
					own[key.Value] = true
					out = append(out, key, s.Content[j+1])
				}
			}
		}
	}
	n.Content = out
}

func (e *expansion) fail(n *yaml.Node, msg string) {
	if !e.fails {
		e.d.diags.Errorf(e.d.pos(n), "%s", msg)
	}
	e.fails = true
}
