// Package strictyaml is the one guarded way baton decodes YAML.
//
// Every YAML file and front matter block goes through Decode, which caps the
// input size and nesting depth, refuses anchors and aliases (so an alias bomb
// cannot expand), recovers from any panic in the parser, rejects unknown and
// duplicate keys, and reports every problem as a diagnostic with the file,
// line and column where it stands. Files written for other tools
// (DecodeLenient, Parse) may use anchors, aliases and merge keys, which are
// expanded under a bound on the values they make (aliases.go).
//
// Targets are plain structs. A field's yaml tag names its key; the option
// ",required" makes it mandatory. A field named Pos of type diag.Pos receives
// the position of the mapping it was decoded from, and a field of type Str
// keeps the position of its scalar.
//
// Three options let a value take more than one shape, for settings a
// person writes short when the long form is not needed: a struct with a
// ",scalar" field also reads a plain value, into that field ("stages:
// [plan, build]" as well as "- {id: plan, title: Plan}"); one with a
// ",list" field also reads a list, into that field ("involvement: raci" or
// a list of letters); and a field of type []Keyed tagged ",rest" keeps the
// keys its struct does not name, each with one name or a list of names,
// for the caller to check against what it knows (the involvement letters
// of a responsibility, which the site's settings define).
package strictyaml

import (
	"bytes"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/batonhq/baton/internal/diag"
	"go.yaml.in/yaml/v3"
)

// MaxSize is the largest YAML document Decode accepts, in bytes.
const MaxSize = 2 << 20

// maxDepth bounds the nesting of collections.
const maxDepth = 32

// Str is a string that remembers where it was written.
type Str struct {
	Value string
	Pos   diag.Pos
}

// Keyed is a key its struct does not name, kept by a ",rest" field, with
// its value: one name or a list of them (none when the value is empty).
type Keyed struct {
	Key    Str
	Values []Str
}

// Pair is one entry of a mapping whose keys are not a struct's fields but
// the file's own (handbook.yaml's strings:), each with its position.
type Pair struct {
	Key, Value Str
}

// Pairs is such a mapping of keys to strings, in the order written; a
// duplicate key is an error, as in any mapping.
type Pairs []Pair

var (
	strType   = reflect.TypeFor[Str]()
	posType   = reflect.TypeFor[diag.Pos]()
	keyedType = reflect.TypeFor[[]Keyed]()
	pairsType = reflect.TypeFor[Pairs]()
)

// tagged is a field's yaml key and options.
func tagged(f reflect.StructField) (name string, opts []string, ok bool) {
	tag := f.Tag.Get("yaml")
	if tag == "" || tag == "-" {
		return "", nil, false
	}
	name, rest, _ := strings.Cut(tag, ",")
	if rest != "" {
		opts = strings.Split(rest, ",")
	}
	return name, opts, true
}

// optionField is the index of t's field with the option opt, or -1.
func optionField(t reflect.Type, opt string) int {
	for i := range t.NumField() {
		if _, opts, ok := tagged(t.Field(i)); ok && slices.Contains(opts, opt) {
			return i
		}
	}
	return -1
}

// Decode parses src and decodes it into v, a pointer to a struct. file names
// the source in diagnostics; lineOffset is added to every line (front matter
// starts below its opening fence). An empty document decodes as an empty
// mapping, so required fields are reported.
func Decode(file string, src []byte, lineOffset int, v any) (diags diag.List) {
	return decode(decoder{file: file, lineOffset: lineOffset, lastLine: bytes.Count(src, []byte("\n")) + 1}, src, v)
}

// Extra is a key of a mapping that its target does not know, kept by
// DecodeLenient: its value as YAML decodes it (strings, numbers, booleans,
// lists and maps of them), and where it was written.
type Extra struct {
	Key   string
	Value any
	Pos   diag.Pos
}

// DecodeLenient decodes src as Decode does, for files written for other
// tools (front matter of a handbook made for Hugo, MkDocs or GitBook): a
// top-level key the target does not know goes into its field of type
// []Extra, when it has one, instead of being an error, unless it is one
// edit from a key it knows (a typo: "titel", "sumary"), which stays an
// error with the suggestion; required keys may be missing; and aliases of
// anchors and merge keys are expanded, under a bound (aliases.go).
func DecodeLenient(file string, src []byte, lineOffset int, v any) (diags diag.List) {
	return decode(decoder{file: file, lineOffset: lineOffset, lastLine: bytes.Count(src, []byte("\n")) + 1, lenient: true, aliases: true}, src, v)
}

var extraType = reflect.TypeFor[[]Extra]()

func decode(d decoder, src []byte, v any) (diags diag.List) {
	file, lineOffset := d.file, d.lineOffset
	defer func() {
		if r := recover(); r != nil {
			diags = append(d.diags, diag.Diagnostic{Pos: diag.Pos{File: file, Line: lineOffset + 1, Col: 1}, Message: fmt.Sprintf("cannot read YAML: %v", r)})
		}
	}()
	root, ok := d.parse(src)
	if ok {
		if d.lenient {
			d.lastWins(root)
		}
		d.value(root, reflect.ValueOf(v).Elem(), "")
	}
	return d.diags
}

// lastWins takes out of every mapping under n each key that the mapping
// sets again later, with a warning at the later one: Jekyll's and Hugo's
// YAML readers keep the last value of a key written twice, so a page
// written for them publishes as they show it instead of failing the
// build. Mappings are rebuilt only where a key repeats.
func (d *decoder) lastWins(n *yaml.Node) {
	for _, c := range n.Content {
		d.lastWins(c)
	}
	if n.Kind != yaml.MappingNode {
		return
	}
	last := make(map[string]int, len(n.Content)/2) // key -> index of its last pair
	repeats := false
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Kind == yaml.ScalarNode {
			if j, ok := last[k.Value]; ok {
				d.diags.Warnf(d.pos(k), "duplicate key %q (set before on line %d); the later value is used", k.Value, d.pos(n.Content[j]).Line)
				repeats = true
			}
			last[k.Value] = i
		}
	}
	if !repeats {
		return
	}
	kept := n.Content[:0:0]
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Kind != yaml.ScalarNode || last[k.Value] == i {
			kept = append(kept, k, n.Content[i+1])
		}
	}
	n.Content = kept
}

// Parse parses src under the same guards as Decode (size, UTF-8, depth, no
// panic; anchors' aliases and merge keys expanded under a bound, as
// DecodeLenient does) and returns its root node, for files whose
// keys baton does not own (another tool's settings, like mkdocs.yml): the
// caller reads the keys it knows and ignores the rest. It returns nil with
// the diagnostics when src cannot be read. Node positions are lines of src;
// Pos turns them into positions in file.
func Parse(file string, src []byte) (*yaml.Node, diag.List) {
	d := decoder{file: file, lastLine: bytes.Count(src, []byte("\n")) + 1, aliases: true}
	root, ok := d.parse(src)
	if !ok {
		return nil, d.diags
	}
	return root, d.diags
}

// Pos is where n, a node Parse returned, stands in file.
func Pos(file string, n *yaml.Node) diag.Pos {
	return diag.Pos{File: file, Line: n.Line, Col: n.Column}
}

// parse reads src into its root node, an empty mapping for an empty
// document, or reports why it cannot.
func (d *decoder) parse(src []byte) (root *yaml.Node, ok bool) {
	start := diag.Pos{File: d.file, Line: d.lineOffset + 1, Col: 1}
	defer func() {
		if r := recover(); r != nil {
			d.diags = append(d.diags, diag.Diagnostic{Pos: start, Message: fmt.Sprintf("cannot read YAML: %v", r)})
			root, ok = nil, false
		}
	}()
	if len(src) > MaxSize {
		d.diags.Errorf(start, "YAML is %d bytes, more than the %d this reader accepts", len(src), MaxSize)
		return nil, false
	}
	if p, ok := diag.CheckUTF8(d.file, src); !ok {
		p.Line += d.lineOffset
		d.diags.Errorf(p, "invalid UTF-8")
		return nil, false
	}
	if root, ok := plainMapping(src); ok {
		return root, true
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		d.diags = append(d.diags, diag.Diagnostic{Pos: d.syntaxPos(err, start), Message: "invalid YAML: " + syntaxMessage(err), Code: diag.Unparsable})
		return nil, false
	}
	root = &yaml.Node{Kind: yaml.MappingNode, Line: 1, Column: 1}
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		root = doc.Content[0]
	}
	if d.aliases && !d.expand(root) || !d.safe(root, 0) {
		return nil, false
	}
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		root = &yaml.Node{Kind: yaml.MappingNode, Line: root.Line, Column: root.Column}
	}
	return root, true
}

type decoder struct {
	file       string
	lineOffset int
	lastLine   int // the last line of src, counted from 1
	diags      diag.List
	// lenient keeps the top-level keys the target does not know (Extra)
	// and skips the required keys; see DecodeLenient.
	lenient bool
	// aliases expands anchors' aliases and merge keys (aliases.go), as
	// the other tools whose files DecodeLenient and Parse read do.
	aliases bool
}

// pos is where n stands. yaml.v3 places the empty value of a document
// that ends right after "---" on the line after it, which the file may not
// have: such positions are kept inside the file.
func (d *decoder) pos(n *yaml.Node) diag.Pos {
	return diag.Pos{File: d.file, Line: min(n.Line, d.lastLine) + d.lineOffset, Col: n.Column}
}

// safe refuses anchors, aliases, merge keys and deep nesting before any
// value is decoded.
func (d *decoder) safe(n *yaml.Node, depth int) bool {
	if depth > maxDepth {
		d.diags.Errorf(d.pos(n), "YAML nested more than %d levels deep", maxDepth)
		return false
	}
	if !d.aliases && (n.Kind == yaml.AliasNode || n.Anchor != "") {
		d.diags.Errorf(d.pos(n), "YAML anchors and aliases are not supported; write the value out")
		return false
	}
	if !d.aliases && n.Tag == "!!merge" {
		d.diags.Errorf(d.pos(n), "YAML merge keys (<<) are not supported; write the keys out")
		return false
	}
	for _, c := range n.Content {
		if !d.safe(c, depth+1) {
			return false
		}
	}
	return true
}

func (d *decoder) value(n *yaml.Node, v reflect.Value, key string) {
	switch {
	case v.Kind() == reflect.Pointer:
		// A pointer tells a value written from one left out (glossary:
		// false from no glossary key); null leaves it out.
		if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
			return
		}
		p := reflect.New(v.Type().Elem())
		d.value(n, p.Elem(), key)
		v.Set(p)
		return
	case v.Type() == strType:
		if s, ok := d.scalar(n, key, "a string"); ok {
			v.Set(reflect.ValueOf(Str{Value: s, Pos: d.pos(n)}))
		}
		return
	case v.Type() == pairsType:
		d.pairs(n, v, key)
		return
	case v.Kind() == reflect.Struct:
		if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
			// An empty entry ("- " alone) is an empty mapping, so its
			// required keys are reported where it stands.
			n = &yaml.Node{Kind: yaml.MappingNode, Line: n.Line, Column: n.Column}
		}
		if d.shape(n, v, key) {
			return
		}
		d.mapping(n, v, key)
		return
	case v.Kind() == reflect.Slice:
		d.list(n, v, key)
		return
	}
	d.plain(n, v, key)
}

// list decodes a sequence into v, a slice.
func (d *decoder) list(n *yaml.Node, v reflect.Value, key string) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return
	}
	if n.Kind == yaml.ScalarNode && d.lenient {
		// Other tools read a single value where a list may stand
		// (Jekyll's redirect_from: /old/, Hugo's tags: x).
		n = &yaml.Node{Kind: yaml.SequenceNode, Line: n.Line, Column: n.Column, Content: []*yaml.Node{n}}
	}
	if n.Kind != yaml.SequenceNode {
		d.diags.Errorf(d.pos(n), "%s must be a list, not %s", describeKey(key), describe(n))
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, c := range n.Content {
		d.value(c, s.Index(i), key)
	}
	v.Set(s)
}

// plain decodes a scalar into v, a string, a whole number or a boolean.
func (d *decoder) plain(n *yaml.Node, v reflect.Value, key string) {
	switch v.Kind() {
	case reflect.String:
		if s, ok := d.scalar(n, key, "a string"); ok {
			v.SetString(s)
		}
	case reflect.Int:
		s, ok := d.scalar(n, key, "a whole number")
		if !ok {
			return
		}
		if n.Tag == "!!float" && d.lenient {
			d.fraction(n, v, key, s)
			return
		}
		i, err := strconv.Atoi(s)
		if err != nil || n.Tag != "!!int" {
			d.diags.Errorf(d.pos(n), "%s must be a whole number, not %q", describeKey(key), s)
			return
		}
		v.SetInt(int64(i))
	case reflect.Bool:
		s, ok := d.scalar(n, key, "true or false")
		if !ok {
			return
		}
		if n.Tag != "!!bool" {
			d.diags.Errorf(d.pos(n), "%s must be true or false, not %q", describeKey(key), s)
			return
		}
		v.SetBool(s == "true" || s == "True" || s == "TRUE")
	default:
		panic(fmt.Sprintf("strictyaml: unsupported field type %s", v.Type()))
	}
}

// fraction reads a number with a fraction into v, a whole number, in a
// file written for another tool, whose reader takes any number there
// (Middleman's weight: 40.5 puts a page between 40 and 41). It is rounded
// down, which keeps its place among the whole numbers but for a tie with
// the one below it, and warned.
func (d *decoder) fraction(n *yaml.Node, v reflect.Value, key, s string) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.Abs(f) > math.MaxInt32 {
		d.diags.Errorf(d.pos(n), "%s must be a whole number, not %q", describeKey(key), s)
		return
	}
	w := math.Floor(f)
	d.diags.Warnf(d.pos(n), "%s %s is read as %d: baton takes whole numbers there", describeKey(key), s, int64(w))
	v.SetInt(int64(w))
}

// shape reads a plain value or a list into the struct field that takes
// it (",scalar", ",list"), and reports whether it did.
func (d *decoder) shape(n *yaml.Node, v reflect.Value, key string) bool {
	opt := map[yaml.Kind]string{yaml.ScalarNode: "scalar", yaml.SequenceNode: "list"}[n.Kind]
	i := -1
	if opt != "" {
		i = optionField(v.Type(), opt)
	}
	if i < 0 {
		return false
	}
	if f := v.FieldByName("Pos"); f.IsValid() && f.Type() == posType {
		f.Set(reflect.ValueOf(d.pos(n)))
	}
	d.value(n, v.Field(i), key)
	return true
}

// rest keeps a key its struct does not name in a ",rest" field.
func (d *decoder) rest(v reflect.Value, i int, k, val *yaml.Node) {
	kept := Keyed{Key: Str{Value: k.Value, Pos: d.pos(k)}}
	switch {
	case val.Kind == yaml.ScalarNode && val.Tag == "!!null":
	case val.Kind == yaml.ScalarNode:
		kept.Values = []Str{{Value: val.Value, Pos: d.pos(val)}}
	case val.Kind == yaml.SequenceNode:
		for _, c := range val.Content {
			if s, ok := d.scalar(c, k.Value, "a string"); ok {
				kept.Values = append(kept.Values, Str{Value: s, Pos: d.pos(c)})
			}
		}
	default:
		d.diags.Errorf(d.pos(val), "%s must be a name or a list of names, not %s", describeKey(k.Value), describe(val))
		return
	}
	f := v.Field(i)
	f.Set(reflect.Append(f, reflect.ValueOf(kept)))
}

func (d *decoder) scalar(n *yaml.Node, key, want string) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		hint := ""
		if n.Kind == yaml.MappingNode && want == "a string" {
			hint = " (text with \": \" in it reads as a key and value: put it in quotes)"
		}
		d.diags.Errorf(d.pos(n), "%s must be %s, not %s%s", describeKey(key), want, describe(n), hint)
		return "", false
	}
	if n.Tag == "!!null" {
		return "", true
	}
	return n.Value, true
}

func (d *decoder) mapping(n *yaml.Node, v reflect.Value, key string) {
	l := layoutOf(v.Type())
	if l.pos != nil {
		v.FieldByIndex(l.pos).Set(reflect.ValueOf(d.pos(n)))
	}
	if n.Kind != yaml.MappingNode {
		what := "the file"
		if key != "" {
			what = describeKey(key)
		}
		d.diags.Errorf(d.pos(n), "%s must be a mapping of keys to values, not %s", what, describe(n))
		return
	}
	fields, names, rest := l.fields, l.names, l.rest
	seen := map[string]diag.Pos{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if !d.newKey(k, k.Value, seen) {
			continue
		}
		f, ok := fields[k.Value]
		if !ok && d.lenient && key == "" {
			// Other tools read keys in any case (Hugo's Description).
			if i := slices.IndexFunc(names, func(n string) bool { return strings.EqualFold(n, k.Value) }); i >= 0 {
				if !d.newKey(k, names[i], seen) {
					continue
				}
				f, ok = fields[names[i]], true
			}
		}
		if !ok && rest >= 0 {
			d.rest(v, rest, k, val)
			continue
		}
		if !ok {
			hint := diag.DidYouMean(k.Value, names)
			if d.lenient && key == "" {
				// The tool the page was written for ignored the key:
				// a name one edit from a known key is likely a typo,
				// shown as a warning.
				if near := diag.OneEdit(k.Value, names); near != "" {
					d.diags.Warnf(d.pos(k), "unknown key %q (did you mean %q?)", k.Value, near)
				}
				d.extra(v, k, val)
				continue
			}
			d.diags.Errorf(d.pos(k), "unknown key %q%s%s", k.Value, inKey(key), hint)
			continue
		}
		d.value(val, v.Field(f.index), k.Value)
	}
	for _, name := range names {
		if _, ok := seen[name]; fields[name].required && !ok && !d.lenient {
			d.diags.Errorf(d.pos(n), "missing required key %q%s", name, inKey(key))
		}
	}
}

// newKey reports whether k, a key of a mapping, is a plain name that is
// new in it: seen holds where each name was set, and name is the one k
// sets (a key read in any case sets the field's own). A key that is not
// is an error, and the mapping goes on without it.
func (d *decoder) newKey(k *yaml.Node, name string, seen map[string]diag.Pos) bool {
	if k.Kind != yaml.ScalarNode {
		d.diags.Errorf(d.pos(k), "a key must be a plain name, not %s", describe(k))
		return false
	}
	if first, ok := seen[name]; ok {
		if d.lenient {
			// Only keys that differ in case get here (lastWins took out
			// the rest): "Title" after "title".
			d.diags.Warnf(d.pos(k), "duplicate key %q (first set on line %d); the first value is used", k.Value, first.Line)
			return false
		}
		d.diags.Errorf(d.pos(k), "duplicate key %q (first set on line %d)", k.Value, first.Line)
		return false
	}
	seen[name] = d.pos(k)
	return true
}

// field is where a key of a mapping goes.
type field struct {
	index    int
	required bool
}

// layout is where a struct type's keys go: its fields by key, the keys
// sorted, the index of its ",rest" field (-1 without one) and of its Pos
// field (nil without one), which takes the mapping's position.
type layout struct {
	fields map[string]field
	names  []string
	rest   int
	pos    []int
}

// layouts holds each struct type's layout, made once: a handbook decodes
// the same few types thousands of times.
var layouts sync.Map // reflect.Type -> *layout

// layoutOf is t's layout.
func layoutOf(t reflect.Type) *layout {
	if l, ok := layouts.Load(t); ok {
		return l.(*layout)
	}
	l := &layout{fields: map[string]field{}, rest: -1}
	if f, ok := t.FieldByName("Pos"); ok && f.Type == posType {
		l.pos = f.Index
	}
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Name == "Pos" && f.Type == posType {
			continue
		}
		name, opts, ok := tagged(f)
		if !ok {
			continue
		}
		if slices.Contains(opts, "rest") && f.Type == keyedType {
			l.rest = i
			continue
		}
		l.fields[name] = field{index: i, required: slices.Contains(opts, "required")}
		l.names = append(l.names, name)
	}
	slices.Sort(l.names)
	actual, _ := layouts.LoadOrStore(t, l)
	return actual.(*layout)
}

// pairs decodes a mapping of keys to strings into v, a Pairs.
func (d *decoder) pairs(n *yaml.Node, v reflect.Value, key string) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return
	}
	if n.Kind != yaml.MappingNode {
		d.diags.Errorf(d.pos(n), "%s must be a mapping of keys to values, not %s", describeKey(key), describe(n))
		return
	}
	var ps Pairs
	seen := map[string]diag.Pos{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if !d.newKey(k, k.Value, seen) {
			continue
		}
		if s, ok := d.scalar(val, k.Value, "a string"); ok {
			ps = append(ps, Pair{Key: Str{Value: k.Value, Pos: d.pos(k)}, Value: Str{Value: s, Pos: d.pos(val)}})
		}
	}
	v.Set(reflect.ValueOf(ps))
}

// extra keeps an unknown key in v's field of type []Extra, if it has one.
func (d *decoder) extra(v reflect.Value, k, val *yaml.Node) {
	for i := range v.NumField() {
		if v.Field(i).Type() != extraType {
			continue
		}
		var value any
		if err := val.Decode(&value); err != nil {
			value = val.Value
		}
		f := v.Field(i)
		f.Set(reflect.Append(f, reflect.ValueOf(Extra{Key: k.Value, Value: value, Pos: d.pos(k)})))
		return
	}
}

func inKey(key string) string {
	if key == "" {
		return ""
	}
	return " in " + key
}

func describeKey(key string) string {
	if key == "" {
		return "the value"
	}
	return strconv.Quote(key)
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return strconv.Quote(n.Value)
	}
	return "an unexpected value"
}

// syntaxPos finds the line of a yaml.v3 syntax error. The library reports
// it only in its message ("yaml: line 3: ..."), so this reads that one
// documented shape and falls back to the start of the document.
func (d *decoder) syntaxPos(err error, start diag.Pos) diag.Pos {
	msg := err.Error()
	if rest, ok := strings.CutPrefix(msg, "yaml: line "); ok {
		num, _, _ := strings.Cut(rest, ":")
		if line, err := strconv.Atoi(num); err == nil {
			return diag.Pos{File: d.file, Line: min(max(line, 1), d.lastLine) + d.lineOffset, Col: 1}
		}
	}
	return start
}

func syntaxMessage(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if _, after, ok := strings.Cut(rest, ": "); ok {
			return after
		}
	}
	return msg
}
