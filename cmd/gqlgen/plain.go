package main

import (
	"bytes"
	"fmt"
	"regexp"

	"github.com/99designs/gqlgen/codegen"
)

// A plain field is a leaf (a scalar or an enum) read straight from a Go struct field: no
// resolver, no method, no arguments, no directives. gqlgen resolves each one as any
// other field: a FieldContext, a context.WithValue, a deferred recover and the field
// middleware around a closure returning obj.Field. A staff list of 50 products with
// their variants and prices has about 1,500 of them, and that scaffolding was the
// largest allocation of its profile. The generated function of a plain field is
// rewritten to marshal the struct field directly.
//
// What the shortcut gives up is nothing a plain field uses: the field middleware
// (server's argumentLimits checks arguments, which a plain field has none of; a
// middleware that must see every field must not be added without reverting this), and a
// recover for a struct field read that cannot panic. A marshaller that finds a non-null
// leaf null (a zero time) reports the error at the parent object's path; the answer's
// nulls propagate as before, since the object checks what the field returns.

// plainFields collects the generated function names (_Object_field) of plain fields.
type plainFields map[string]bool

func (plainFields) Name() string { return "plain-fields" }

func (p plainFields) GenerateCode(data *codegen.Data) error {
	for _, o := range data.Objects {
		if o.Root {
			continue
		}
		for _, f := range o.Fields {
			if f.IsVariable() && !f.IsResolver && len(f.Args) == 0 && len(f.ImplDirectives()) == 0 &&
				!f.Stream && f.TypeReference.Definition.IsLeafType() {
				p["_"+o.Name+"_"+f.Name] = true
			}
		}
	}
	return nil
}

// resolvedField matches gqlgen's function for a field whose value is obj.<GoField>, with
// no middleware: its name, the struct field and the marshaller.
var resolvedField = regexp.MustCompile(`(?m)^func \(ec \*executionContext\) (_\w+)\(ctx context\.Context, field graphql\.CollectedField, obj \*[\w.]+\) \(ret graphql\.Marshaler\) \{
	return graphql\.ResolveField\(
		ctx,
		ec\.OperationContext,
		field,
		func\(ctx context\.Context, field graphql\.CollectedField\) \(\*graphql\.FieldContext, error\) \{
			return ec\.fieldContext\w+\(ctx, field\)
		\},
		func\(ctx context\.Context\) \(any, error\) \{
			return (obj\.\w+), nil
		\},
		nil,
		func\(ctx context\.Context, selections ast\.SelectionSet, v [^)]+\) graphql\.Marshaler \{
			return (ec\.marshal[^(\s]+)\(ctx, selections, v\)
		\},
		(?:true|false),
		(?:true|false),
	\)
\}
`)

// marshalPlain rewrites the function of every plain field in src (the generated
// executor) to marshal its struct field directly, and says how many it rewrote.
func marshalPlain(src []byte, plain plainFields) ([]byte, int) {
	n := 0
	out := resolvedField.ReplaceAllFunc(src, func(fn []byte) []byte {
		m := resolvedField.FindSubmatch(fn)
		if !plain[string(m[1])] {
			return fn
		}
		n++
		head, _, _ := bytes.Cut(fn, []byte("\n"))
		return fmt.Appendf(nil, "%s\n\treturn %s(ctx, field.Selections, %s)\n}\n", head, m[3], m[2])
	})
	return out, n
}
