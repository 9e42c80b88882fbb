package server

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/lib/pq"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// argumentPath recognises an error gqlgen raised reading a field's arguments and names
// the argument ("id", "input.regionId", "ids.1"). Such an error is reported in the
// context of the field's parent, with the path of the argument: its path extends the
// context's with argument names (and list indices), where a resolver's error has exactly
// the context's path.
func argumentPath(ctx context.Context, gerr *gqlerror.Error) (string, bool) {
	base := graphql.GetPath(ctx)
	if len(gerr.Path) <= len(base) {
		return "", false
	}
	for i := range base {
		if gerr.Path[i] != base[i] {
			return "", false
		}
	}
	var b strings.Builder
	for i, el := range gerr.Path[len(base):] {
		if i > 0 {
			b.WriteByte('.')
		}
		switch el := el.(type) {
		case ast.PathName:
			b.WriteString(string(el))
		case ast.PathIndex:
			b.WriteString(strconv.Itoa(int(el)))
		}
	}
	if _, first := gerr.Path[len(base)].(ast.PathName); !first {
		return "", false
	}
	return b.String(), true
}

// badValue recognises failures caused by a value the client sent that got past the
// argument checks: a filter with an empty condition (ent refuses it), or a value the
// database cannot hold or compare (PostgreSQL's data exceptions, class 22: a forged
// cursor comparing a date with a word, say). It returns the message and, where known,
// the field.
func badValue(err error) (msg, field string, ok bool) {
	// ent's generated filters answer ErrEmpty<Type>WhereInput, one variable per type,
	// all with this text.
	if strings.Contains(err.Error(), "ent: empty predicate ") {
		return "a filter (or one of its not/and/or) has no condition", "where", true
	}
	var pqErr *pq.Error
	if errors.As(err, &pqErr) && pqErr.Code.Class() == "22" {
		return "a value of the request is malformed or out of range", "", true
	}
	return "", "", false
}
