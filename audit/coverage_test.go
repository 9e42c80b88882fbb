package audit_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/audit"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/auditlog"
	"github.com/dakkah/cityos/testenv"
)

// entityTypes lists every entity of the schema: the generated client has one field per
// type (Product *ProductClient, …), so a new table is in this list without anyone
// remembering to add it.
func entityTypes() []string {
	var out []string
	ct := reflect.TypeOf(ent.Client{})
	for i := range ct.NumField() {
		f := ct.Field(i)
		if f.IsExported() && f.Type.Kind() == reflect.Pointer && f.Type.Elem().Name() == f.Name+"Client" {
			out = append(out, f.Name)
		}
	}
	return out
}

// TestEveryEntityIsAudited creates, updates and deletes one row of every entity type the
// audit log does not exclude (audit.Unaudited) and expects one row for each, in the
// change's scope, with a diff. A type with no case here fails: give it one, or list it
// in audit.Unaudited with the reason.
func TestEveryEntityIsAudited(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		cases := lifecycles(c)
		types := entityTypes()
		require.Contains(t, types, "Product")
		require.Contains(t, types, "AuditLog")
		for _, typ := range types {
			if reason, ok := audit.Unaudited[typ]; ok {
				require.NotEmpty(t, reason, "%s is excluded without a reason", typ)
				assert.NotContains(t, cases, typ, "%s is both excluded and covered", typ)
				continue
			}
			lc, ok := cases[typ]
			if !assert.True(t, ok, "%s writes no audit row that a test shows: add its case to lifecycles, or list it in audit.Unaudited with the reason", typ) {
				continue
			}
			t.Run(typ, func(t *testing.T) {
				name := "audit-coverage-" + strings.ToLower(typ)
				ctx := sys(name)
				expect := func(action string, id int) *ent.AuditLog {
					t.Helper()
					rows, err := db.Client.AuditLog.Query().Where(auditlog.Actor("system:"+name), auditlog.EntityType(typ),
						auditlog.EntityID(id), auditlog.Action(action)).All(ctx)
					require.NoError(t, err)
					require.Len(t, rows, 1, "%s %s of %d", typ, action, id)
					r := rows[0]
					assert.NotEmpty(t, r.Diff, "%s %s", typ, action)
					if lc.tenantOwned {
						require.NotNil(t, r.TenantID, "%s %s: a tenant's row is in its tenant's log", typ, action)
						assert.Equal(t, c.TenantA.ID, *r.TenantID)
					}
					assert.Nil(t, r.RequestID, "no request, no request id")
					requireSecretsRedacted(t, r)
					return r
				}
				id, err := lc.create(ctx, db.Client)
				require.NoError(t, err)
				expect("create", id)
				if lc.update != nil {
					require.NoError(t, lc.update(ctx, db.Client, id))
					r := expect("update", id)
					for field, ch := range r.Diff {
						m := ch.(map[string]any)
						if b, ok := m["before"]; ok && b != audit.Redacted { // not an edge, not a secret
							assert.NotEqual(t, b, m["after"], "%s: unchanged %s in an update", typ, field)
						}
					}
				}
				require.NoError(t, lc.delete(ctx, db.Client, id))
				expect("delete", id)
			})
		}
	})
}
