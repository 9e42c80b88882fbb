package audit_test

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/audit"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/auditlog"
	"github.com/dakkah/cityos/ent/predicate"
	"github.com/dakkah/cityos/testenv"
)

// export calls GET /audit/export as h and returns the response.
func export(t *testing.T, api *testenv.API, h testenv.Headers, format, where string) *httptest.ResponseRecorder {
	t.Helper()
	q := url.Values{"format": {format}}
	if where != "" {
		q.Set("where", where)
	}
	req := httptest.NewRequest(http.MethodGet, "/audit/export?"+q.Encode(), nil)
	for k, v := range h {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	api.Handler.ServeHTTP(rec, req)
	return rec
}

// exportedIDs reads the ids of a JSONL export, checking each line is a record.
func exportedIDs(t *testing.T, body string) []int {
	t.Helper()
	var ids []int
	sc := bufio.NewScanner(strings.NewReader(body))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var r audit.Record
		require.NoError(t, json.Unmarshal(sc.Bytes(), &r), sc.Text())
		require.NotEmpty(t, r.EntityType)
		ids = append(ids, r.ID)
	}
	return ids
}

// visible lists, oldest first, the ids of the rows matching ps (read in the system context).
func visible(t *testing.T, db *testenv.DB, ps ...predicate.AuditLog) []int {
	t.Helper()
	ids, err := db.Client.AuditLog.Query().Where(ps...).Order(ent.Asc(auditlog.FieldID)).IDs(sys("audit-test"))
	require.NoError(t, err)
	return ids
}

func TestAuditExport(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		c := testenv.NewCommerce(t, db)
		api := c.API
		// More rows than one page of the export, in tenant A (its products) and in B.
		ctx := sys("audit-export-fill")
		for i := range audit.ExportPage + 20 {
			_, err := db.Client.ProductCollection.Create().SetTenantID(c.TenantA.ID).SetTitle("C").
				SetHandle("c-" + strconv.Itoa(i)).Save(ctx)
			require.NoError(t, err)
		}
		api.MustDo(t, c.As(testenv.TenantAdminB), `mutation($id: ID!) { updateStore(id: $id, input: {name: "B1*"}) { id } }`,
			map[string]any{"id": id(c.StoreB1.ID)})
		api.MustDo(t, c.As(testenv.ManagerA1), `mutation($id: ID!) { updateStore(id: $id, input: {name: "A1*"}) { id } }`,
			map[string]any{"id": id(c.StoreA1.ID)})

		// A's admin: every row of tenant A, across pages, nothing else.
		rec := export(t, api, c.As(testenv.TenantAdminA), "jsonl", "")
		require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
		assert.Equal(t, "application/x-ndjson", rec.Header().Get("Content-Type"))
		wantA := visible(t, db, auditlog.TenantID(c.TenantA.ID))
		require.Greater(t, len(wantA), audit.ExportPage)
		assert.Equal(t, wantA, exportedIDs(t, rec.Body.String()))

		// Filtered with the auditLogs where input.
		rec = export(t, api, c.As(testenv.TenantAdminA), "jsonl", `{"entityType": "Store", "action": "update"}`)
		require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
		assert.Equal(t, visible(t, db, auditlog.TenantID(c.TenantA.ID), auditlog.EntityType("Store"), auditlog.Action("update")),
			exportedIDs(t, rec.Body.String()))
		// Asking for B's rows finds none.
		rec = export(t, api, c.As(testenv.TenantAdminA), "jsonl", `{"tenantID": `+id(c.TenantB.ID)+`}`)
		require.Equal(t, http.StatusOK, rec.Code)
		assert.Empty(t, exportedIDs(t, rec.Body.String()))

		// CSV: a header and one line per row, the diff as JSON.
		rec = export(t, api, c.As(testenv.ManagerA1), "csv", "")
		require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
		assert.Equal(t, "text/csv; charset=utf-8", rec.Header().Get("Content-Type"))
		lines, err := csv.NewReader(strings.NewReader(rec.Body.String())).ReadAll()
		require.NoError(t, err)
		require.NotEmpty(t, lines)
		assert.Equal(t, []string{"id", "created_at", "tenant_id", "store_id", "actor", "action", "entity_type", "entity_id", "request_id", "diff"}, lines[0])
		wantM := visible(t, db, auditlog.StoreID(c.StoreA1.ID))
		require.Len(t, lines, len(wantM)+1, "the manager's store's rows only")
		for i, l := range lines[1:] {
			assert.Equal(t, strconv.Itoa(wantM[i]), l[0])
			assert.Equal(t, id(c.StoreA1.ID), l[3])
			var diff map[string]any
			require.NoError(t, json.Unmarshal([]byte(l[9]), &diff), l[9])
		}

		// B's secret key: B's rows only.
		rec = export(t, api, c.As(testenv.SecretB), "jsonl", "")
		require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
		assert.Equal(t, visible(t, db, auditlog.TenantID(c.TenantB.ID)), exportedIDs(t, rec.Body.String()))

		// Customers and storefront keys read no audit log; anonymous callers sign in first.
		for _, p := range []string{testenv.CustomerA, testenv.PublishableA} {
			rec = export(t, api, c.As(p), "jsonl", "")
			assert.Equal(t, http.StatusForbidden, rec.Code, p)
			assert.Contains(t, rec.Body.String(), `"code":"FORBIDDEN"`, p)
		}
		rec = export(t, api, c.As(testenv.Anonymous), "jsonl", "")
		assert.Equal(t, http.StatusUnauthorized, rec.Code)
		assert.Contains(t, rec.Body.String(), `"code":"UNAUTHENTICATED"`)

		// Bad arguments name themselves.
		rec = export(t, api, c.As(testenv.TenantAdminA), "xml", "")
		assert.Equal(t, http.StatusBadRequest, rec.Code)
		assert.Contains(t, rec.Body.String(), `"field":"format"`)
		rec = export(t, api, c.As(testenv.TenantAdminA), "jsonl", `{"entityType": 5}`)
		assert.Equal(t, http.StatusBadRequest, rec.Code)
		assert.Contains(t, rec.Body.String(), `"field":"where"`)

		// The filter passes the API's guard: nesting and pattern lengths are bounded.
		nested := `{"entityType": "Order"}`
		for range 10 {
			nested = `{"not": ` + nested + `}`
		}
		rec = export(t, api, c.As(testenv.TenantAdminA), "jsonl", nested)
		assert.Equal(t, http.StatusBadRequest, rec.Code, rec.Body.String())
		assert.Contains(t, rec.Body.String(), `"code":"BAD_USER_INPUT"`)
		rec = export(t, api, c.As(testenv.TenantAdminA), "jsonl", `{"actionContains": "`+strings.Repeat("x", 500)+`"}`)
		assert.Equal(t, http.StatusBadRequest, rec.Code, rec.Body.String())
	})
}
