package audit_test

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/audit"
	"github.com/dakkah/cityos/ent/auditlog"
	"github.com/dakkah/cityos/ent/country"
	"github.com/dakkah/cityos/testenv"
)

const logsQ = `query($w: AuditLogWhereInput) {
  auditLogs(first: 50, where: $w) { totalCount edges { node { id tenantID storeID actor action entityType entityID diff requestID } } }
}`

type logRow struct {
	ID, Actor, Action, EntityType, EntityID string
	TenantID, StoreID, RequestID            *string
	Diff                                    map[string]any
}

type logPage struct {
	AuditLogs struct {
		TotalCount int
		Edges      []struct{ Node logRow }
	}
}

// logs lists the audit rows h may see that match where, oldest first.
func logs(t *testing.T, api *testenv.API, h testenv.Headers, where map[string]any) (rows []logRow, total int) {
	t.Helper()
	var p logPage
	api.MustDo(t, h, logsQ, map[string]any{"w": where}).Decode(t, &p)
	for _, e := range p.AuditLogs.Edges {
		rows = append(rows, e.Node)
	}
	sort.Slice(rows, func(i, j int) bool { return atoi(t, rows[i].ID) < atoi(t, rows[j].ID) })
	return rows, p.AuditLogs.TotalCount
}

// change is one expected audit row.
type change struct {
	entityType, action string
	entityID           int
}

func diffKeys(d map[string]any) []string {
	var ks []string
	for k := range d {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func TestEveryChangeIsAudited(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		api := f.API
		dns := withFakeDNS(api)
		super := f.As(testenv.SuperAdmin)
		adminA := f.As(testenv.TenantAdminA)
		userActor := func(principal string) string { return "user:" + id(f.Users[principal].ID) }

		// run sends one operation with its own request id and returns its data.
		run := func(h testenv.Headers, rid, query string, vars map[string]any, out any) {
			t.Helper()
			r := api.Do(t, with(h, rid), query, vars)
			require.Empty(t, r.Errors, "%s: %+v", rid, r.Errors)
			assert.Equal(t, rid, r.Header.Get("X-Request-Id"))
			if out != nil {
				r.Decode(t, out)
			}
		}
		// expect checks the rows written under a request id: these changes, in this order,
		// by this actor, each with the request id.
		expect := func(rid, actor string, want ...change) []logRow {
			t.Helper()
			rows, _ := logs(t, api, super, map[string]any{"requestID": rid})
			require.Len(t, rows, len(want), "%s: rows %+v", rid, rows)
			for i, w := range want {
				r := rows[i]
				assert.Equal(t, actor, r.Actor, rid)
				assert.Equal(t, w.entityType, r.EntityType, rid)
				assert.Equal(t, w.action, r.Action, rid)
				if w.entityID != 0 {
					assert.Equal(t, id(w.entityID), r.EntityID, rid)
				}
				require.NotNil(t, r.RequestID)
				assert.Equal(t, rid, *r.RequestID)
				require.NotEmpty(t, r.Diff, rid)
				for field, ch := range r.Diff {
					m, ok := ch.(map[string]any)
					require.True(t, ok, "%s: diff.%s is %v", rid, field, ch)
					_, hasBefore := m["before"]
					_, hasAfter := m["after"]
					switch w.action {
					case "create":
						assert.True(t, hasAfter && !hasBefore, "%s: create diff.%s = %v", rid, field, m)
					case "delete":
						assert.True(t, hasBefore && !hasAfter, "%s: delete diff.%s = %v", rid, field, m)
					case "update":
						assert.NotEqual(t, m["before"], m["after"], "%s: unchanged field %s in an update diff", rid, field)
					}
				}
			}
			return rows
		}
		var secrets []string // every secret handed out below; none may reach a diff

		// Tenant: create (platform), update (A's admin).
		var tn struct{ CreateTenant struct{ ID string } }
		run(super, "req-tenant-create", `mutation { createTenant(input: {handle: "gamma", name: "Gamma", subdomain: "gamma", billingEmail: "pay@gamma.test"}) { id } }`, nil, &tn)
		gamma := atoi(t, tn.CreateTenant.ID)
		rows := expect("req-tenant-create", userActor(testenv.SuperAdmin), change{"Tenant", "create", gamma})
		assert.Equal(t, map[string]any{"after": "gamma"}, rows[0].Diff["handle"])
		require.NotNil(t, rows[0].TenantID)
		assert.Equal(t, id(gamma), *rows[0].TenantID)

		run(adminA, "req-tenant-update", `mutation($id: ID!) { updateTenant(id: $id, input: {name: "Acme Corp"}) { id } }`, map[string]any{"id": id(f.TenantA.ID)}, nil)
		rows = expect("req-tenant-update", userActor(testenv.TenantAdminA), change{"Tenant", "update", f.TenantA.ID})
		assert.Equal(t, map[string]any{"name": map[string]any{"before": "Acme", "after": "Acme Corp"}}, rows[0].Diff)

		// Store: create (admin), update (manager), and later delete.
		var st struct{ CreateStore struct{ ID string } }
		run(adminA, "req-store-create", `mutation($t: ID!) { createStore(input: {tenantId: $t, handle: "a3", name: "A Three", subdomain: "a3", theme: {colors: {primary: "#112233"}}}) { id } }`, map[string]any{"t": id(f.TenantA.ID)}, &st)
		a3 := atoi(t, st.CreateStore.ID)
		// A store comes with its sales channel, which is audited as well.
		rows = expect("req-store-create", userActor(testenv.TenantAdminA), change{"Store", "create", a3}, change{"SalesChannel", "create", 0})
		assert.Equal(t, map[string]any{"after": "a3"}, rows[0].Diff["handle"])
		assert.Contains(t, rows[0].Diff, "theme_config")
		require.NotNil(t, rows[0].StoreID)
		assert.Equal(t, id(a3), *rows[0].StoreID)

		run(f.As(testenv.ManagerA1), "req-store-update", `mutation($id: ID!) { updateStore(id: $id, input: {name: "A One!", status: maintenance}) { id } }`, map[string]any{"id": id(f.StoreA1.ID)}, nil)
		rows = expect("req-store-update", userActor(testenv.ManagerA1), change{"Store", "update", f.StoreA1.ID})
		assert.Equal(t, map[string]any{
			"name":   map[string]any{"before": "A One", "after": "A One!"},
			"status": map[string]any{"before": "active", "after": "maintenance"},
		}, rows[0].Diff)

		// Domain: create, update (verified), delete; a second one goes with its store.
		type added struct {
			AddDomain struct {
				Domain                        struct{ ID string }
				TxtRecordName, TxtRecordValue string
			}
		}
		var d1, d2 added
		run(adminA, "req-domain-create", `mutation($s: ID!) { addDomain(storeId: $s, hostname: "a3.example.com") { domain { id } txtRecordName txtRecordValue } }`, map[string]any{"s": id(a3)}, &d1)
		dom1 := atoi(t, d1.AddDomain.Domain.ID)
		expect("req-domain-create", userActor(testenv.TenantAdminA), change{"Domain", "create", dom1})
		run(adminA, "req-domain-create-2", `mutation($s: ID!) { addDomain(storeId: $s, hostname: "www.a3.example.com") { domain { id } txtRecordName txtRecordValue } }`, map[string]any{"s": id(a3)}, &d2)
		dom2 := atoi(t, d2.AddDomain.Domain.ID)
		secrets = append(secrets, d1.AddDomain.TxtRecordValue, d2.AddDomain.TxtRecordValue)
		for _, d := range []int{dom1, dom2} {
			row, err := db.Client.Domain.Get(sys("audit-test"), d)
			require.NoError(t, err)
			secrets = append(secrets, row.VerificationToken)
		}
		dns.set(d1.AddDomain.TxtRecordName, d1.AddDomain.TxtRecordValue)
		run(adminA, "req-domain-verify", `mutation($id: ID!) { verifyDomain(id: $id) { status } }`, map[string]any{"id": id(dom1)}, nil)
		rows = expect("req-domain-verify", userActor(testenv.TenantAdminA), change{"Domain", "update", dom1})
		assert.Equal(t, []string{"status", "verified_at", "verified_hostname"}, diffKeys(rows[0].Diff))
		assert.Equal(t, map[string]any{"before": "pending", "after": "verified"}, rows[0].Diff["status"])
		run(adminA, "req-domain-delete", `mutation($id: ID!) { removeDomain(id: $id) }`, map[string]any{"id": id(dom1)}, nil)
		rows = expect("req-domain-delete", userActor(testenv.TenantAdminA), change{"Domain", "delete", dom1})
		assert.Equal(t, map[string]any{"before": "a3.example.com"}, rows[0].Diff["hostname"])

		// Membership: create, delete.
		var u struct{ CreateUser struct{ ID string } }
		run(super, "req-user-create", `mutation { createUser(input: {email: "aud@acme.test", password: "audit-password-1"}) { id } }`, nil, &u)
		// The new account belongs to no tenant yet: the platform attaches it to A first.
		run(super, "req-user-join", `mutation($u: ID!, $t: ID!) { grantRole(userId: $u, role: customer, tenantId: $t) { id } }`, map[string]any{"u": u.CreateUser.ID, "t": id(f.TenantA.ID)}, nil)
		secrets = append(secrets, "audit-password-1")
		// A staff account is the platform's (its roles are the tenant's): its password is
		// recorded as set, never its hash.
		rows = expect("req-user-create", userActor(testenv.SuperAdmin), change{"User", "create", atoi(t, u.CreateUser.ID)})
		assert.Equal(t, map[string]any{"after": "aud@acme.test"}, rows[0].Diff["email"])
		assert.Equal(t, map[string]any{"after": audit.Redacted}, rows[0].Diff["password_hash"])
		assert.Nil(t, rows[0].TenantID)
		var g struct{ GrantRole struct{ ID string } }
		run(adminA, "req-role-grant", `mutation($u: ID!, $s: ID!) { grantRole(userId: $u, role: store_manager, storeId: $s) { id } }`, map[string]any{"u": u.CreateUser.ID, "s": id(a3)}, &g)
		m := atoi(t, g.GrantRole.ID)
		rows = expect("req-role-grant", userActor(testenv.TenantAdminA), change{"Membership", "create", m})
		assert.Equal(t, map[string]any{"after": "store_manager"}, rows[0].Diff["role"])
		require.NotNil(t, rows[0].StoreID)
		assert.Equal(t, id(a3), *rows[0].StoreID)
		run(adminA, "req-role-revoke", `mutation($id: ID!) { revokeRole(membershipId: $id) }`, map[string]any{"id": id(m)}, nil)
		expect("req-role-revoke", userActor(testenv.TenantAdminA), change{"Membership", "delete", m})

		// APIKey: create, update (revoked); using a key writes nothing worth a row.
		var k struct {
			CreateApiKey struct {
				Token  string
				APIKey struct{ ID string } `json:"apiKey"`
			}
		}
		run(adminA, "req-key-create", `mutation($t: ID!, $s: ID!) { createApiKey(input: {tenantId: $t, storeId: $s, kind: publishable, name: "A3 web"}) { token apiKey { id } } }`, map[string]any{"t": id(f.TenantA.ID), "s": id(a3)}, &k)
		key := atoi(t, k.CreateApiKey.APIKey.ID)
		secrets = append(secrets, k.CreateApiKey.Token)
		rows = expect("req-key-create", userActor(testenv.TenantAdminA), change{"APIKey", "create", key})
		assert.Contains(t, rows[0].Diff, "token_prefix")
		run(testenv.Headers{"X-Publishable-Key": k.CreateApiKey.Token}, "req-key-use", `{ stores { totalCount } }`, nil, nil)
		expect("req-key-use", "")
		run(adminA, "req-key-revoke", `mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, map[string]any{"id": id(key)}, nil)
		rows = expect("req-key-revoke", userActor(testenv.TenantAdminA), change{"APIKey", "update", key})
		assert.Equal(t, []string{"revoked_at"}, diffKeys(rows[0].Diff))

		// Store delete takes its remaining domain with it: two rows, one request.
		run(adminA, "req-store-delete", `mutation($id: ID!) { deleteStore(id: $id) }`, map[string]any{"id": id(a3)}, nil)
		expect("req-store-delete", userActor(testenv.TenantAdminA), change{"Domain", "delete", dom2}, change{"SalesChannel", "delete", 0}, change{"Store", "delete", a3})

		// An API key as the actor.
		run(f.As(testenv.SecretB), "req-by-key", `mutation($t: ID!) { createStore(input: {tenantId: $t, handle: "b2", name: "B Two"}) { id } }`, map[string]any{"t": id(f.TenantB.ID)}, nil)
		expect("req-by-key", "api_key:"+id(f.KeyB.ID), change{"Store", "create", 0}, change{"SalesChannel", "create", 0})

		// Taxonomy: every kind, create, update, delete.
		var c struct{ CreateCountry struct{ ID string } }
		run(super, "req-country-create", `mutation { createCountry(input: {code: "eg", name: "Egypt"}) { id } }`, nil, &c)
		ctry := atoi(t, c.CreateCountry.ID)
		expect("req-country-create", userActor(testenv.SuperAdmin), change{"Country", "create", ctry})
		run(super, "req-country-update", `mutation($id: ID!) { updateCountry(id: $id, input: {code: "EG", name: "Arab Republic of Egypt"}) { id } }`, map[string]any{"id": id(ctry)}, nil)
		rows = expect("req-country-update", userActor(testenv.SuperAdmin), change{"Country", "update", ctry})
		assert.Equal(t, []string{"name"}, diffKeys(rows[0].Diff), "the code did not change")
		var sc struct{ CreateScope struct{ ID string } }
		run(super, "req-scope-create", `mutation { createScope(input: {handle: "retail", name: "Retail"}) { id } }`, nil, &sc)
		scope := atoi(t, sc.CreateScope.ID)
		expect("req-scope-create", userActor(testenv.SuperAdmin), change{"Scope", "create", scope})
		run(super, "req-scope-update", `mutation($id: ID!) { updateScope(id: $id, input: {handle: "retail", name: "Retail trade"}) { id } }`, map[string]any{"id": id(scope)}, nil)
		expect("req-scope-update", userActor(testenv.SuperAdmin), change{"Scope", "update", scope})
		var cat struct{ CreateCategory struct{ ID string } }
		run(super, "req-category-create", `mutation($s: ID!) { createCategory(input: {handle: "apparel", name: "Apparel", scopeId: $s}) { id } }`, map[string]any{"s": id(scope)}, &cat)
		category := atoi(t, cat.CreateCategory.ID)
		expect("req-category-create", userActor(testenv.SuperAdmin), change{"Category", "create", category})
		run(super, "req-category-update", `mutation($id: ID!, $s: ID!) { updateCategory(id: $id, input: {handle: "clothing", name: "Clothing", scopeId: $s}) { id } }`, map[string]any{"id": id(category), "s": id(scope)}, nil)
		rows = expect("req-category-update", userActor(testenv.SuperAdmin), change{"Category", "update", category})
		assert.Equal(t, []string{"handle", "name"}, diffKeys(rows[0].Diff))
		var sub struct{ CreateSubcategory struct{ ID string } }
		run(super, "req-subcategory-create", `mutation($c: ID!) { createSubcategory(input: {categoryId: $c, handle: "thobes", name: "Thobes"}) { id } }`, map[string]any{"c": id(category)}, &sub)
		subcategory := atoi(t, sub.CreateSubcategory.ID)
		expect("req-subcategory-create", userActor(testenv.SuperAdmin), change{"Subcategory", "create", subcategory})
		run(super, "req-subcategory-update", `mutation($id: ID!, $c: ID!) { updateSubcategory(id: $id, input: {categoryId: $c, handle: "thobes", name: "Thobes & bishts"}) { id } }`, map[string]any{"id": id(subcategory), "c": id(category)}, nil)
		expect("req-subcategory-update", userActor(testenv.SuperAdmin), change{"Subcategory", "update", subcategory})
		run(super, "req-subcategory-delete", `mutation($id: ID!) { deleteSubcategory(id: $id) }`, map[string]any{"id": id(subcategory)}, nil)
		expect("req-subcategory-delete", userActor(testenv.SuperAdmin), change{"Subcategory", "delete", subcategory})
		run(super, "req-category-delete", `mutation($id: ID!) { deleteCategory(id: $id) }`, map[string]any{"id": id(category)}, nil)
		expect("req-category-delete", userActor(testenv.SuperAdmin), change{"Category", "delete", category})
		run(super, "req-scope-delete", `mutation($id: ID!) { deleteScope(id: $id) }`, map[string]any{"id": id(scope)}, nil)
		expect("req-scope-delete", userActor(testenv.SuperAdmin), change{"Scope", "delete", scope})
		run(super, "req-country-delete", `mutation($id: ID!) { deleteCountry(id: $id) }`, map[string]any{"id": id(ctry)}, nil)
		expect("req-country-delete", userActor(testenv.SuperAdmin), change{"Country", "delete", ctry})

		// A named system job as the actor, with no request id; deletes only the platform makes.
		job := sys("nightly-cleanup")
		require.NoError(t, db.Client.APIKey.DeleteOneID(key).Exec(job))
		require.NoError(t, db.Client.Tenant.DeleteOneID(gamma).Exec(job))
		rows, _ = logs(t, api, super, map[string]any{"actor": "system:nightly-cleanup"})
		require.Len(t, rows, 2)
		assert.Equal(t, []string{"APIKey delete " + id(key), "Tenant delete " + id(gamma)},
			[]string{rows[0].EntityType + " " + rows[0].Action + " " + rows[0].EntityID, rows[1].EntityType + " " + rows[1].Action + " " + rows[1].EntityID})
		for _, r := range rows {
			assert.Nil(t, r.RequestID, "no request, no request id: null, not \"\"")
		}
		n, err := db.Client.AuditLog.Query().Where(auditlog.Actor("system:nightly-cleanup"), auditlog.RequestIDIsNil()).Count(sys("audit-test"))
		require.NoError(t, err)
		assert.Equal(t, 2, n, "the column itself is null")
		n, err = db.Client.AuditLog.Query().Where(auditlog.RequestID("")).Count(sys("audit-test"))
		require.NoError(t, err)
		assert.Zero(t, n, "no row stores an empty request id")
		// The fixture's own writes carry the fixture's name.
		_, n = logs(t, api, super, map[string]any{"actor": "system:test-fixture", "entityType": "Tenant", "action": "create"})
		assert.Equal(t, 2, n)

		// No secret reached any row: tokens, their hashes, passwords, verification tokens.
		for _, tok := range f.Keys {
			secrets = append(secrets, tok)
		}
		secrets = append(secrets, testenv.Password)
		for _, s := range append([]string{}, secrets...) {
			if strings.HasPrefix(s, "pk_") || strings.HasPrefix(s, "sk_") {
				secrets = append(secrets, hashToken(s))
			}
		}
		all, err := db.Client.AuditLog.Query().All(sys("audit-test"))
		require.NoError(t, err)
		require.NotEmpty(t, all)
		for _, r := range all {
			requireSecretsRedacted(t, r)
			b, err := json.Marshal(r.Diff)
			require.NoError(t, err)
			text := string(b)
			assert.NotContains(t, text, "$2a$", "%s %s %d", r.EntityType, r.Action, r.EntityID)
			for _, s := range secrets {
				require.NotEmpty(t, s)
				assert.NotContains(t, text, s, "%s %s %d", r.EntityType, r.Action, r.EntityID)
			}
		}
	})
}

func TestFailedMutationsLeaveNoAuditRow(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		api := f.API
		super := f.As(testenv.SuperAdmin)
		adminA := f.As(testenv.TenantAdminA)
		none := func(rid string) {
			t.Helper()
			rows, n := logs(t, api, super, map[string]any{"requestID": rid})
			assert.Zero(t, n, "%s wrote %+v", rid, rows)
		}

		// CONFLICT at the write: a store handle A already has.
		r := api.Do(t, with(adminA, "req-dup-store"), `mutation($t: ID!) { createStore(input: {tenantId: $t, handle: "a1", name: "Again"}) { id } }`, map[string]any{"t": id(f.TenantA.ID)})
		require.Equal(t, "CONFLICT", r.Code())
		none("req-dup-store")

		// CONFLICT after a write: deleting A1 first deletes its domain (and writes that row),
		// then finds the store still has a key and a manager. All of it rolls back.
		r = api.Do(t, with(adminA, "req-delete-referenced"), `mutation($id: ID!) { deleteStore(id: $id) }`, map[string]any{"id": id(f.StoreA1.ID)})
		require.Equal(t, "CONFLICT", r.Code(), "%+v", r.Errors)
		none("req-delete-referenced")
		_, err := db.Client.Domain.Get(sys("audit-test"), f.DomainA1.ID)
		require.NoError(t, err, "the domain delete was rolled back")

		// FORBIDDEN at the write, and FORBIDDEN after an allowed write (a manager may delete
		// its store's domain, not its store).
		r = api.Do(t, with(f.As(testenv.ManagerA1), "req-manager-delete"), `mutation($id: ID!) { deleteStore(id: $id) }`, map[string]any{"id": id(f.StoreA1.ID)})
		require.Equal(t, "FORBIDDEN", r.Code(), "%+v", r.Errors)
		none("req-manager-delete")
		r = api.Do(t, with(f.As(testenv.TenantAdminB), "req-cross-tenant"), `mutation($id: ID!) { updateStore(id: $id, input: {name: "mine"}) { id } }`, map[string]any{"id": id(f.StoreA1.ID)})
		require.NotEmpty(t, r.Errors)
		none("req-cross-tenant")
		r = api.Do(t, with(adminA, "req-bad-input"), `mutation($id: ID!) { updateStore(id: $id, input: {name: "ok", theme: {colors: {primary: "red"}}}) { id } }`, map[string]any{"id": id(f.StoreA1.ID)})
		require.Equal(t, "BAD_USER_INPUT", r.Code())
		none("req-bad-input")

		// The same holds for any write in a transaction that fails later on.
		err = tenancyWithTx(t, db, func() error { return errConflict })
		require.ErrorIs(t, err, errConflict)
		n, err := db.Client.Country.Query().Where(country.Code("ZZ")).Count(sys("audit-test"))
		require.NoError(t, err)
		assert.Zero(t, n)
		n, err = db.Client.AuditLog.Query().Where(auditlog.EntityType("Country"), auditlog.Actor("system:audit-rollback")).Count(sys("audit-test"))
		require.NoError(t, err)
		assert.Zero(t, n)
	})
}

func TestAuditLogIsScopedToTheReader(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		api := f.API
		adminA := f.As(testenv.TenantAdminA)
		// Some rows of every scope: A1, A2, tenant A itself, tenant B, B1, the platform.
		api.MustDo(t, f.As(testenv.ManagerA1), `mutation($id: ID!) { updateStore(id: $id, input: {name: "A1*"}) { id } }`, map[string]any{"id": id(f.StoreA1.ID)})
		api.MustDo(t, adminA, `mutation($id: ID!) { updateStore(id: $id, input: {name: "A2*"}) { id } }`, map[string]any{"id": id(f.StoreA2.ID)})
		api.MustDo(t, adminA, `mutation($id: ID!) { updateTenant(id: $id, input: {name: "Acme*"}) { id } }`, map[string]any{"id": id(f.TenantA.ID)})
		api.MustDo(t, f.As(testenv.TenantAdminB), `mutation($id: ID!) { updateStore(id: $id, input: {name: "B1*"}) { id } }`, map[string]any{"id": id(f.StoreB1.ID)})
		api.MustDo(t, f.As(testenv.SuperAdmin), `mutation { createCountry(input: {code: "JO", name: "Jordan"}) { id } }`, nil)

		everything, total := logs(t, api, f.As(testenv.SuperAdmin), nil)
		require.Less(t, total, 50, "one page holds every row")
		type seen struct{ tenantA, tenantB, storeA1, storeA2, platform int }
		count := func(rows []logRow) (s seen) {
			for _, r := range rows {
				switch {
				case r.TenantID == nil:
					s.platform++
				case *r.TenantID == id(f.TenantB.ID):
					s.tenantB++
				case *r.TenantID == id(f.TenantA.ID):
					s.tenantA++
					if r.StoreID != nil && *r.StoreID == id(f.StoreA1.ID) {
						s.storeA1++
					}
					if r.StoreID != nil && *r.StoreID == id(f.StoreA2.ID) {
						s.storeA2++
					}
				}
			}
			return s
		}
		all := count(everything)
		require.Positive(t, all.tenantB)
		require.Positive(t, all.storeA2)
		require.Positive(t, all.platform)

		// A's admin: every row of tenant A, nothing else.
		rowsA, nA := logs(t, api, adminA, nil)
		require.Equal(t, len(rowsA), nA)
		gotA := count(rowsA)
		assert.Equal(t, seen{tenantA: all.tenantA, storeA1: all.storeA1, storeA2: all.storeA2}, gotA)
		// The same filter asked for B's rows finds none.
		_, n := logs(t, api, adminA, map[string]any{"tenantID": id(f.TenantB.ID)})
		assert.Zero(t, n)

		// A1's manager: the rows of A1, not of A2 nor of tenant A itself.
		rowsM, _ := logs(t, api, f.As(testenv.ManagerA1), nil)
		require.NotEmpty(t, rowsM)
		for _, r := range rowsM {
			require.NotNil(t, r.StoreID, "%+v", r)
			assert.Equal(t, id(f.StoreA1.ID), *r.StoreID, "%+v", r)
		}
		assert.Len(t, rowsM, all.storeA1)

		// B's secret key (B's admin): B's rows only.
		rowsB, _ := logs(t, api, f.As(testenv.SecretB), nil)
		assert.Equal(t, seen{tenantB: all.tenantB}, count(rowsB))

		// Customers, storefront keys and anonymous callers read no audit log.
		for _, p := range []string{testenv.CustomerA, testenv.PublishableA, testenv.Anonymous} {
			r := api.Do(t, f.As(p), logsQ, nil)
			refused := "UNAUTHENTICATED" // not signed in
			if p == testenv.CustomerA {
				refused = "FORBIDDEN"
			}
			assert.Equal(t, refused, r.Code(), p)
		}
	})
}
