package schema_test

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"slices"
)

// validate checks v (a document as yaml.v3 decodes it into any) against a
// JSON Schema. It is written apart from the generator, from the JSON
// Schema 2020-12 validation vocabulary, and knows only the keywords baton
// emits: it reports any other keyword as a problem, so a schema cannot
// quietly use something this validator would ignore.
func validate(schema []byte, v any) []string {
	var s map[string]any
	if err := json.Unmarshal(schema, &s); err != nil {
		return []string{"schema: " + err.Error()}
	}
	var probs []string
	check(s, v, "", &probs)
	slices.Sort(probs)
	return probs
}

var annotations = []string{"$schema", "title", "description"}

func check(s map[string]any, v any, at string, probs *[]string) {
	fail := func(format string, args ...any) {
		*probs = append(*probs, fmt.Sprintf("%s: %s", cmpOr(at, "/"), fmt.Sprintf(format, args...)))
	}
	for k := range s {
		switch k {
		case "type", "enum", "pattern", "minItems", "items", "properties", "required", "additionalProperties", "oneOf":
		default:
			if !slices.Contains(annotations, k) {
				fail("schema keyword %q is not supported by this validator", k)
			}
		}
	}
	if t, ok := s["type"].(string); ok && !hasType(v, t) {
		fail("want %s, got %s", t, typeOf(v))
		return
	}
	if enum, ok := s["enum"].([]any); ok && !slices.Contains(enum, v) {
		fail("%q is not one of %v", v, enum)
	}
	if p, ok := s["pattern"].(string); ok {
		if str, ok := v.(string); ok && !regexp.MustCompile(p).MatchString(str) {
			fail("%q does not match %s", str, p)
		}
	}
	if arr, ok := v.([]any); ok {
		if n, ok := s["minItems"].(float64); ok && len(arr) < int(n) {
			fail("want at least %v items, got %d", n, len(arr))
		}
		if items, ok := s["items"].(map[string]any); ok {
			for i, e := range arr {
				check(items, e, fmt.Sprintf("%s/%d", at, i), probs)
			}
		}
	}
	if obj, ok := v.(map[string]any); ok {
		props, _ := s["properties"].(map[string]any)
		for k, e := range obj {
			if ps, ok := props[k].(map[string]any); ok {
				check(ps, e, at+"/"+k, probs)
			} else if s["additionalProperties"] == false {
				fail("unknown property %q", k)
			}
		}
		if req, ok := s["required"].([]any); ok {
			for _, k := range req {
				if _, ok := obj[k.(string)]; !ok {
					fail("missing required property %q", k)
				}
			}
		}
	}
	if one, ok := s["oneOf"].([]any); ok {
		n := 0
		for _, sub := range one {
			var p []string
			check(sub.(map[string]any), v, at, &p)
			if len(p) == 0 {
				n++
			}
		}
		if n != 1 {
			fail("matches %d of the oneOf schemas, not exactly one", n)
		}
	}
}

func hasType(v any, t string) bool {
	switch t {
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "string":
		_, ok := v.(string)
		return ok
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "integer":
		switch n := v.(type) {
		case int, int64, uint64:
			return true
		case float64:
			return n == math.Trunc(n) && !math.IsInf(n, 0)
		}
	}
	return false
}

func typeOf(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case map[string]any:
		return "object"
	case []any:
		return "array"
	case string:
		return "string"
	case bool:
		return "boolean"
	case int, int64, uint64, float64:
		return "number"
	}
	return fmt.Sprintf("%T", v)
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
