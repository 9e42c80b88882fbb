package server_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"sort"
	"strings"
	"testing"
	"time"

	"entgo.io/contrib/entgql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/dakkah/cityos/config"
	"github.com/dakkah/cityos/graph/generated"
	"github.com/dakkah/cityos/testenv"
)

// TestHostileArguments drives every argument of every query and mutation of the
// executable schema with hostile values (malformed and wrong-type ids, bad cursors, NUL
// characters, huge and negative numbers, very long strings, Maps that are not objects or
// hold numbers no float holds, empty objects, unknown enum values), one argument at a
// time, the others plausible, as several principals. Whatever the value, the answer is a
// client error with a code from the design's list: never INTERNAL, never a 5xx.
//
// The values are fixed (a seeded generator picks which filter fields are tried), so a
// failure repeats.
func TestHostileArguments(t *testing.T) {
	schema := generated.NewExecutableSchema(generated.Config{}).Schema()
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewCommerce(t, db)
		gen := &hostileGen{schema: schema, rnd: rand.New(rand.NewPCG(8, 14)), ids: baselineIDs(t, f)}
		cases := gen.cases()
		t.Logf("%d cases", len(cases))
		if len(cases) < 500 {
			t.Fatalf("only %d cases: the schema walk found too little", len(cases))
		}
		type principal struct {
			name    string
			headers testenv.Headers
		}
		// Each case runs as one caller who is turned away early and one who gets further,
		// in turn: every caller meets every kind of value, in a third of the time.
		outside := []principal{
			{"anonymous", testenv.Headers{}},
			{"anonymous shopper", f.Shop(testenv.Anonymous, "a1.dakkah.test")},
			{"publishable key", f.As(testenv.PublishableA)},
		}
		inside := []principal{
			{"store manager", f.As(testenv.ManagerA1)},
			{"customer", f.As(testenv.CustomerA)},
			{"other tenant's key", f.As(testenv.SecretB)},
		}
		// Storefront reads go through the catalog cache, as in production.
		api := apiWith(t, db, func(cfg *config.Config) { cfg.CatalogCacheTTL = time.Minute })
		failures := map[string]bool{}
		for i, c := range cases {
			for _, p := range []principal{outside[i%len(outside)], inside[i%len(inside)]} {
				r := send(t, api, request{headers: p.headers, query: c.op, vars: c.vars, remote: "10.9.9.9:1"})
				if msg := unacceptable(r); msg != "" {
					failures[fmt.Sprintf("%s %s = %s as %s: %s", c.field, c.path, c.label, p.name, msg)] = true
				}
			}
		}
		if len(failures) > 0 {
			list := make([]string, 0, len(failures))
			for k := range failures {
				list = append(list, k)
			}
			sort.Strings(list)
			t.Errorf("%d hostile arguments were not answered as client errors:\n%s", len(list), strings.Join(list, "\n"))
		}
	})
}

// clientCodes are the codes a hostile argument may be answered with.
var clientCodes = map[string]bool{
	"UNAUTHENTICATED": true, "FORBIDDEN": true, "NOT_FOUND": true, "BAD_USER_INPUT": true, "CONFLICT": true,
}

// unacceptable says what is wrong with an answer to a hostile request, or "".
func unacceptable(r *gqlResponse) string {
	if r.Status >= 500 {
		return fmt.Sprintf("status %d: %s", r.Status, r.Body)
	}
	if r.Data == nil && r.Errors == nil {
		return fmt.Sprintf("no GraphQL answer (status %d): %.200s", r.Status, r.Body)
	}
	for _, e := range r.Errors {
		code, _ := e.Extensions["code"].(string)
		if !clientCodes[code] {
			return fmt.Sprintf("%s %q", code, e.Message)
		}
		lower := strings.ToLower(e.Message)
		for _, leak := range []string{"strconv", "msgpack", "ent:", "pq:", "sql", "goroutine", ".go:"} {
			if strings.Contains(lower, leak) {
				return fmt.Sprintf("message shows internals: %q", e.Message)
			}
		}
	}
	return ""
}

type hostileCase struct {
	field, path, label string
	op                 string
	vars               map[string]any
}

// hostileGen builds the cases from the schema.
type hostileGen struct {
	schema *ast.Schema
	rnd    *rand.Rand
	ids    map[string]string
}

type hostileValue struct {
	label string
	value any
}

func (g *hostileGen) cases() []hostileCase {
	var out []hostileCase
	for _, root := range []*ast.Definition{g.schema.Query, g.schema.Mutation} {
		fields := append(ast.FieldList(nil), root.Fields...)
		// logout revokes the principal's sessions: it goes last.
		sort.SliceStable(fields, func(i, j int) bool { return fields[j].Name == "logout" && fields[i].Name != "logout" })
		for _, fd := range fields {
			if strings.HasPrefix(fd.Name, "__") || len(fd.Arguments) == 0 {
				continue
			}
			out = append(out, g.fieldCases(root, fd)...)
		}
	}
	return out
}

// fieldCases: for each argument (and each field of an input argument), every hostile
// value of its type, the other arguments at their baseline.
func (g *hostileGen) fieldCases(root *ast.Definition, fd *ast.FieldDefinition) []hostileCase {
	var decls, uses []string
	for _, a := range fd.Arguments {
		decls = append(decls, "$"+a.Name+": "+a.Type.String())
		uses = append(uses, a.Name+": $"+a.Name)
	}
	sel := ""
	if def := g.schema.Types[fd.Type.Name()]; def != nil && def.Kind != ast.Scalar && def.Kind != ast.Enum {
		sel = " { __typename }"
		if def.Fields.ForName("edges") != nil {
			sel = " { __typename edges { cursor } }" // pages are read, so cursors are applied
		}
	}
	kind := "query"
	if root == g.schema.Mutation {
		kind = "mutation"
	}
	op := fmt.Sprintf("%s(%s) { %s(%s)%s }", kind, strings.Join(decls, ", "), fd.Name, strings.Join(uses, ", "), sel)

	baseline := func() map[string]any {
		vars := map[string]any{}
		for _, a := range fd.Arguments {
			if a.Type.NonNull {
				vars[a.Name] = g.baseline(a.Name, a.Type, 0)
			}
		}
		return vars
	}
	var out []hostileCase
	for _, a := range fd.Arguments {
		g.walk(a.Name, a.Name, a.Type, 0, func(path string, set func(map[string]any, any), vals []hostileValue) {
			for _, v := range vals {
				vars := baseline()
				set(vars, v.value)
				out = append(out, hostileCase{field: root.Name + "." + fd.Name, path: path, label: v.label, op: op, vars: vars})
			}
		})
	}
	return out
}

// walk visits the argument at path and, for input objects, its fields: emit gets a
// setter that puts a value there in a set of variables built from the baseline.
func (g *hostileGen) walk(name, path string, typ *ast.Type, depth int,
	emit func(path string, set func(map[string]any, any), vals []hostileValue)) {
	top := strings.SplitN(path, ".", 2)[0]
	emit(path, func(vars map[string]any, v any) { setPath(vars, g, top, path, v) }, g.hostile(name, typ))
	def := g.schema.Types[typ.Name()]
	if def == nil || def.Kind != ast.InputObject || depth >= 2 || typ.Elem != nil {
		return
	}
	fields := def.Fields
	if strings.HasSuffix(def.Name, "WhereInput") {
		// Filters have a hundred fields each: a seeded sample of them, and the combinators.
		var pick ast.FieldList
		for _, f := range fields {
			if f.Name == "not" || f.Name == "and" || f.Name == "or" || g.rnd.IntN(12) == 0 {
				pick = append(pick, f)
			}
		}
		fields = pick
	}
	for _, f := range fields {
		g.walk(f.Name, path+"."+f.Name, f.Type, depth+1, emit)
	}
}

// setPath sets path (dotted, starting at the argument) in vars to v, filling the objects
// on the way with their baseline.
func setPath(vars map[string]any, g *hostileGen, top, path string, v any) {
	parts := strings.Split(path, ".")
	if len(parts) == 1 {
		vars[top] = v
		return
	}
	obj, _ := vars[top].(map[string]any)
	if obj == nil {
		obj = map[string]any{}
		vars[top] = obj
	}
	for _, p := range parts[1 : len(parts)-1] {
		next, _ := obj[p].(map[string]any)
		if next == nil {
			next = map[string]any{}
			obj[p] = next
		}
		obj = next
	}
	obj[parts[len(parts)-1]] = v
}

// hostile lists the values tried for an argument of typ.
func (g *hostileGen) hostile(name string, typ *ast.Type) []hostileValue {
	if typ.Elem != nil {
		vals := []hostileValue{{"empty list", []any{}}, {"list of null", []any{nil}}}
		for _, v := range g.hostile(name, typ.Elem) {
			vals = append(vals, hostileValue{"[" + v.label + "]", []any{v.value}})
		}
		return vals
	}
	def := g.schema.Types[typ.Name()]
	if def == nil {
		return nil
	}
	long := strings.Repeat("x", 100_000)
	switch def.Kind {
	case ast.Enum:
		return []hostileValue{{"unknown enum", "NOT_A_VALUE"}, {"lowercase enum", strings.ToLower(def.EnumValues[0].Name)}, {"enum as number", 1}}
	case ast.InputObject:
		return []hostileValue{{"empty object", map[string]any{}}, {"string for object", "x"}, {"list for object", []any{1}}}
	}
	switch def.Name {
	case "ID":
		return []hostileValue{
			{"letters", "abc"}, {"empty", ""}, {"negative", "-1"}, {"zero", "0"},
			{"beyond int64", "99999999999999999999999"}, {"with NUL", "1\u0000"}, {"float", "1.5"},
			{"id of no type", "999999999999999"}, {"id of another type", g.ids["location"]},
			{"another tenant's", g.ids["otherTenant"]}, {"number", 12},
		}
	case "String":
		return []hostileValue{
			{"NUL", "\u0000"}, {"embedded NUL", "a\u0000b"}, {"100k characters", long}, {"empty", ""},
			{"like wildcards", `%_\`}, {"quote", `' OR 1=1 --`}, {"non-BMP", "🙂🙂"}, {"number", 7},
		}
	case "Int":
		return []hostileValue{
			{"negative", -1}, {"zero", 0}, {"max int32", 2147483647}, {"min int32", -2147483648},
			{"max int64", int64(9223372036854775807)}, {"beyond int64", json.Number("99999999999999999999")},
			{"float", 1.5}, {"string", "1"},
		}
	case "Float":
		return []hostileValue{{"huge", 1e308}, {"negative", -1.5}, {"string", "x"}}
	case "Boolean":
		return []hostileValue{{"string", "true"}, {"number", 1}}
	case "Map":
		deep := map[string]any{}
		for i := 0; i < 200; i++ {
			deep = map[string]any{"d": deep}
		}
		return []hostileValue{
			{"string", "not an object"}, {"list", []any{1, 2}}, {"number", 3}, {"empty object", map[string]any{}},
			{"NUL value", map[string]any{"k": "\u0000"}}, {"NUL key", map[string]any{"\u0000": 1}},
			{"number beyond float64", map[string]any{"n": json.Number("1e400")}},
			{"huge integer", map[string]any{"n": json.Number("123456789012345678901234567890")}},
			{"200 levels deep", deep}, {"long value", map[string]any{"k": long}},
		}
	case "Cursor":
		return []hostileValue{
			{"garbage", "!!!"}, {"empty", ""}, {"base64 of nothing", "AAAA"}, {"number", 5},
			{"forged value", cursorOf(entgql.Cursor[int]{ID: 1, Value: "not-a-time"})},
			{"forged id only", cursorOf(entgql.Cursor[int]{ID: -5})},
		}
	case "Time":
		return []hostileValue{{"words", "yesterday"}, {"empty", ""}, {"out of range", "9999-99-99T99:99:99Z"}, {"number", 5}}
	}
	return []hostileValue{{"string", "x"}, {"NUL", "\u0000"}}
}

// cursorOf encodes a cursor as the server does.
func cursorOf(c entgql.Cursor[int]) string {
	var b strings.Builder
	c.MarshalGQL(&b)
	return strings.Trim(b.String(), `"`)
}

// baseline is a plausible value for a required argument or field, so that the hostile
// one next to it is what the server looks at.
func (g *hostileGen) baseline(name string, typ *ast.Type, depth int) any {
	if typ.Elem != nil {
		return []any{g.baseline(name, typ.Elem, depth)}
	}
	def := g.schema.Types[typ.Name()]
	switch def.Kind {
	case ast.Enum:
		return def.EnumValues[0].Name
	case ast.InputObject:
		obj := map[string]any{}
		if depth < 3 {
			for _, f := range def.Fields {
				if f.Type.NonNull && f.DefaultValue == nil {
					obj[f.Name] = g.baseline(f.Name, f.Type, depth+1)
				}
			}
		}
		return obj
	}
	lower := strings.ToLower(name)
	switch def.Name {
	case "ID":
		for _, k := range []string{"cart", "variant", "product", "region", "store", "tenant", "order", "option", "location", "channel", "user"} {
			if strings.Contains(lower, k) {
				return g.ids[k]
			}
		}
		return g.ids["store"]
	case "Int":
		return 1
	case "Float":
		return 1.0
	case "Boolean":
		return false
	case "Map":
		return map[string]any{}
	case "Time":
		return "2026-01-01T00:00:00Z"
	}
	switch {
	case strings.Contains(lower, "email"):
		return "fuzz@example.test"
	case strings.Contains(lower, "password"):
		return "a-long-enough-password"
	case strings.Contains(lower, "country"):
		return "SA"
	case strings.Contains(lower, "currency"):
		return "SAR"
	case strings.Contains(lower, "host"):
		return "fuzz.example.test"
	}
	return "fuzz"
}

// baselineIDs are real ids of the fixture, by the name arguments give them, and a cart
// made for the purpose.
func baselineIDs(t *testing.T, f *testenv.Commerce) map[string]string {
	r := gql(t, f.API.Handler, f.Shop(testenv.Anonymous, "a1.dakkah.test"),
		`mutation($r: ID!) { createCart(input: {regionId: $r}) { id } }`, map[string]any{"r": id(f.SAR.ID)})
	var d struct{ CreateCart struct{ ID string } }
	if r.Status != http.StatusOK || json.Unmarshal(r.Data, &d) != nil || d.CreateCart.ID == "" {
		t.Fatalf("create a cart: %s", r.Body)
	}
	return map[string]string{
		"cart": d.CreateCart.ID, "variant": id(f.Variants["thobe"].ID), "product": id(f.Products["thobe"].ID),
		"region": id(f.SAR.ID), "store": id(f.StoreA1.ID), "tenant": id(f.TenantA.ID), "order": id(f.Products["thobe"].ID),
		"option": id(f.ShipSAR.ID), "location": id(f.LocationA.ID), "channel": id(f.ChannelA1.ID),
		"user": id(f.Users[testenv.CustomerA].ID), "otherTenant": id(f.Products["gadget"].ID),
	}
}
