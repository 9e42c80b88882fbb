package access_test

import "testing"

// queryCases are the read rows of the matrix. They share one fixture per database.
//
// The fixture (testenv + fx): tenant A "acme" (active) with stores a1, a2 (active) and
// a3 (inactive); tenant B "bolt" (active) with store b1; tenant C "cobalt" (suspended)
// with store c1. Custom domains on a1 and b1.
func queryCases() []Case {
	forbidden := Deny("FORBIDDEN")
	unauthenticated := Deny("UNAUTHENTICATED") // a caller who has not signed in
	// node and nodes answer a row the caller may not see like one that does not exist.
	notFound := Deny("NOT_FOUND")
	all := sameForAll
	nodeOf := func(pick func(f *fx) int) func(testing.TB, *fx) map[string]any {
		return func(_ testing.TB, f *fx) map[string]any { return map[string]any{"id": gid(pick(f))} }
	}
	tenantOp := `query($a: ID!, $b: ID!, $c: ID!) {
		a: tenant(id: $a) { handle billingEmail metadata }
		b: tenant(id: $b) { handle billingEmail metadata }
		c: tenant(id: $c) { handle billingEmail metadata }
	}`
	tenantByHandleOp := `{
		a: tenantByHandle(handle: "acme") { handle billingEmail metadata }
		b: tenantByHandle(handle: "bolt") { handle billingEmail metadata }
		c: tenantByHandle(handle: "cobalt") { handle billingEmail metadata }
	}`
	// Rows of tenants A, B and C, seen as each principal: the same for both lookups.
	tenantCells := Cells{
		SA: Allow(TenantAs("a", "acme", admin), TenantAs("b", "bolt", admin), TenantAs("c", "cobalt", admin)),
		TA: Allow(TenantAs("a", "acme", admin), Null("b"), Null("c")),
		SM: Allow(TenantAs("a", "acme", staff), Null("b"), Null("c")),
		CU: Allow(TenantAs("a", "acme", public), Null("b"), Null("c")),
		PK: Allow(TenantAs("a", "acme", public), Null("b"), Null("c")),
		SK: Allow(Null("a"), TenantAs("b", "bolt", admin), Null("c")),
		AN: Allow(TenantAs("a", "acme", public), TenantAs("b", "bolt", public), Null("c")),
	}
	storeFields := `fragment S on Store { handle metadata domains { hostname } tenant { handle } }`
	return []Case{
		{
			Name: "me",
			Op:   `{ me { email memberships { role } } }`,
			Expect: Cells{
				SA:  Allow(Eq("me.email", "root@platform.test"), Set("me.memberships", "role", "super_admin")),
				TA:  Allow(Eq("me.email", "admin@acme.test"), Set("me.memberships", "role", "tenant_admin")),
				SM:  Allow(Eq("me.email", "manager@a1.test"), Set("me.memberships", "role", "store_manager")),
				CU:  Allow(Eq("me.email", "customer@acme.test"), Set("me.memberships", "role", "customer")),
				PK:  Allow(Null("me")),
				SK:  Allow(Null("me")),
				AN:  Allow(Null("me")),
				VA1: Allow(Eq("me.email", "admin@va-one.test"), Set("me.memberships", "role", "vendor_admin")),
				VS1: Allow(Eq("me.email", "staff@va-one.test"), Set("me.memberships", "role", "vendor_staff")),
				VA2: Allow(Eq("me.email", "admin@va-two.test"), Set("me.memberships", "role", "vendor_admin")),
			}.withCompanyPeople(func(email string) Outcome {
				return Allow(Eq("me.email", email), Set("me.memberships", "role", "customer"))
			}),
		},
		{
			Name: "tenants",
			Op: `{ tenants(first: 10) { totalCount edges { node {
				handle billingEmail metadata stores(first: 10) { totalCount edges { node { handle } } }
			} } } }`,
			Expect: Cells{
				SA: Filtered(Tenants("tenants", map[string]tenantRow{
					"acme": {admin, []string{"a1", "a2", "a3"}}, "bolt": {admin, []string{"b1"}}, "cobalt": {admin, []string{"c1"}}})),
				TA: Filtered(Tenants("tenants", map[string]tenantRow{"acme": {admin, []string{"a1", "a2", "a3"}}})),
				SM: Filtered(Tenants("tenants", map[string]tenantRow{"acme": {staff, []string{"a1"}}})),
				CU: Filtered(Tenants("tenants", map[string]tenantRow{"acme": {public, []string{"a1", "a2"}}})),
				PK: Filtered(Tenants("tenants", map[string]tenantRow{"acme": {public, []string{"a1"}}})),
				SK: Filtered(Tenants("tenants", map[string]tenantRow{"bolt": {admin, []string{"b1"}}})),
				AN: Filtered(Tenants("tenants", map[string]tenantRow{
					"acme": {public, []string{"a1", "a2"}}, "bolt": {public, []string{"b1"}}})),
				// A vendor's people see their tenant, and no store of it (see "stores").
				V: Filtered(Tenants("tenants", map[string]tenantRow{"acme": {public, nil}})),
			},
		},
		{
			Name: "tenant",
			Op:   tenantOp,
			Vars: func(_ testing.TB, f *fx) map[string]any {
				return map[string]any{"a": gid(f.TenantA.ID), "b": gid(f.TenantB.ID), "c": gid(f.TenantC.ID)}
			},
			Expect: tenantCells,
		},
		{Name: "tenantByHandle", Op: tenantByHandleOp, Expect: tenantCells},
		{
			Name: "stores",
			Op:   `{ stores(first: 50) { totalCount edges { node { handle } } } }`,
			Expect: Cells{
				SA: Filtered(Handles("stores", "a1", "a2", "a3", "b1", "c1")),
				TA: Filtered(Handles("stores", "a1", "a2", "a3")),
				SM: Filtered(Handles("stores", "a1")),
				CU: Filtered(Handles("stores", "a1", "a2")),
				PK: Filtered(Handles("stores", "a1")),
				SK: Filtered(Handles("stores", "b1")),
				AN: Filtered(Handles("stores", "a1", "a2", "b1")),
				// A vendor role shows no store (access.visibleStores: any grant replaces the
				// public directory with the grants' scope), unless shopping in one.
				V: Filtered(Handles("stores")),
			},
		},
		{
			Name: "store",
			Op: `query($a1: ID!, $a2: ID!, $a3: ID!, $b1: ID!) {
				a1: store(id: $a1) { ...S } a2: store(id: $a2) { ...S } a3: store(id: $a3) { ...S } b1: store(id: $b1) { ...S }
			} ` + storeFields,
			Vars: func(_ testing.TB, f *fx) map[string]any {
				return map[string]any{"a1": gid(f.StoreA1.ID), "a2": gid(f.StoreA2.ID), "a3": gid(f.StoreA3.ID), "b1": gid(f.StoreB1.ID)}
			},
			Expect: Cells{
				SA: Allow(StoreAs("a1", "a1", true), StoreAs("a2", "a2", true), StoreAs("a3", "a3", true), StoreAs("b1", "b1", true), Eq("b1.tenant.handle", "bolt")),
				TA: Allow(StoreAs("a1", "a1", true), StoreAs("a2", "a2", true), StoreAs("a3", "a3", true), Null("b1"), Eq("a1.tenant.handle", "acme")),
				SM: Allow(StoreAs("a1", "a1", true), Null("a2"), Null("a3"), Null("b1"), Eq("a1.tenant.handle", "acme")),
				CU: Allow(StoreAs("a1", "a1", false), StoreAs("a2", "a2", false), Null("a3"), Null("b1"), Eq("a1.tenant.handle", "acme")),
				PK: Allow(StoreAs("a1", "a1", false), Null("a2"), Null("a3"), Null("b1"), Eq("a1.tenant.handle", "acme")),
				SK: Allow(Null("a1"), Null("a2"), Null("a3"), StoreAs("b1", "b1", true), Eq("b1.tenant.handle", "bolt")),
				AN: Allow(StoreAs("a1", "a1", false), StoreAs("a2", "a2", false), Null("a3"), StoreAs("b1", "b1", false)),
				V:  Allow(Null("a1"), Null("a2"), Null("a3"), Null("b1")),
			},
		},
		{
			Name: "storeByHandle",
			Op: `{
				a1: storeByHandle(tenantHandle: "acme", handle: "a1") { ...S }
				a3: storeByHandle(tenantHandle: "acme", handle: "a3") { ...S }
				b1: storeByHandle(tenantHandle: "bolt", handle: "b1") { ...S }
				c1: storeByHandle(tenantHandle: "cobalt", handle: "c1") { ...S }
			} ` + storeFields,
			Expect: Cells{
				SA: Allow(StoreAs("a1", "a1", true), StoreAs("a3", "a3", true), StoreAs("b1", "b1", true), StoreAs("c1", "c1", true)),
				TA: Allow(StoreAs("a1", "a1", true), StoreAs("a3", "a3", true), Null("b1"), Null("c1")),
				SM: Allow(StoreAs("a1", "a1", true), Null("a3"), Null("b1"), Null("c1")),
				CU: Allow(StoreAs("a1", "a1", false), Null("a3"), Null("b1"), Null("c1")),
				PK: Allow(StoreAs("a1", "a1", false), Null("a3"), Null("b1"), Null("c1")),
				SK: Allow(Null("a1"), Null("a3"), StoreAs("b1", "b1", true), Null("c1")),
				AN: Allow(StoreAs("a1", "a1", false), Null("a3"), StoreAs("b1", "b1", false), Null("c1")),
				V:  Allow(Null("a1"), Null("a3"), Null("b1"), Null("c1")),
			},
		},
		{
			// Addresses are public: every caller resolves a store, and sees of it what its
			// role allows.
			Name: "resolveStore",
			Op: `{
				a: resolveStore(host: "shop.acme-example.com") {
					strategy status store { handle metadata domains { hostname } } tenant { handle billingEmail metadata }
				}
				c: resolveStore(host: "c1.dakkah.test") { strategy status store { handle } tenant { handle } }
				x: resolveStore(host: "nowhere.example.com") { status store { handle } }
			}`,
			Expect: func() Cells {
				common := All(Eq("a.strategy", "CUSTOM_DOMAIN"), Eq("a.status", "ACTIVE"),
					Eq("c.strategy", "SUBDOMAIN"), Eq("c.status", "TENANT_SUSPENDED"), Eq("c.store.handle", "c1"), Eq("c.tenant.handle", "cobalt"),
					Eq("x.status", "NOT_FOUND"), Null("x.store"))
				as := func(storePrivate bool, t view) Outcome {
					return Allow(common, StoreAs("a.store", "a1", storePrivate), TenantAs("a.tenant", "acme", t))
				}
				return Cells{
					SA: as(true, admin), TA: as(true, admin), SM: as(true, staff), CU: as(false, public),
					PK: as(false, public), SK: as(false, public), AN: as(false, public),
				}
			}(),
		},
		{
			Name:   "countries",
			Op:     `{ countries { code name } }`,
			Expect: all(Allow(Eq("countries", []map[string]string{{"code": "SA", "name": "Saudi Arabia"}, {"code": "AE", "name": "United Arab Emirates"}}))),
		},
		{
			Name: "categories",
			Op:   `{ categories(first: 50) { totalCount edges { node { handle scope { handle } subcategories { handle } } } } }`,
			Expect: all(Allow(Handles("categories", "apparel", "spare"), func(f *fx, data any) error {
				its, _ := items(data, "categories")
				for _, it := range its {
					if it["handle"] == "apparel" {
						return All(Eq("scope.handle", "retail"), Handles("subcategories", "shirts"))(f, it)
					}
				}
				return nil
			})),
		},
		{
			Name: "auditLogs",
			Op:   `{ auditLogs(first: 100) { totalCount edges { node { id tenantID storeID action entityType } } } }`,
			Expect: Cells{
				SA: Filtered(AuditLogs("auditLogs", nil)),
				TA: Filtered(AuditLogs("auditLogs", auditOfTenant(func(f *fx) int { return f.TenantA.ID }))),
				SM: Filtered(AuditLogs("auditLogs", auditOfStore(func(f *fx) int { return f.StoreA1.ID }))),
				CU: forbidden,
				PK: unauthenticated,
				SK: Filtered(AuditLogs("auditLogs", auditOfTenant(func(f *fx) int { return f.TenantB.ID }))),
				AN: unauthenticated,
			},
		},
		{
			Name: "apiKeys",
			Op:   `{ apiKeys(first: 50) { totalCount edges { node { name kind tenant { handle } store { handle } } } } }`,
			Expect: Cells{
				SA: Filtered(Set("apiKeys", "name", "A1 storefront", "B backend")),
				TA: Filtered(Set("apiKeys", "name", "A1 storefront"), Eq("apiKeys.edges.0.node.store.handle", "a1")),
				SM: forbidden,
				CU: forbidden,
				PK: unauthenticated,
				SK: Filtered(Set("apiKeys", "name", "B backend"), Eq("apiKeys.edges.0.node.tenant.handle", "bolt")),
				AN: unauthenticated,
			},
		},
		{
			Name: "integrationEndpoints",
			Op:   `{ integrationEndpoints(first: 50) { totalCount edges { node { description url eventTypes tenant { handle } store { handle } } } } }`,
			Expect: Cells{
				SA: Filtered(Set("integrationEndpoints", "description", "A erp", "A1 search", "B crm", "V1 feed")),
				TA: Filtered(Set("integrationEndpoints", "description", "A erp", "A1 search", "V1 feed")),
				SM: Filtered(Set("integrationEndpoints", "description", "A1 search"), Eq("integrationEndpoints.edges.0.node.store.handle", "a1")),
				CU: forbidden,
				PK: unauthenticated,
				SK: Filtered(Set("integrationEndpoints", "description", "B crm"), Eq("integrationEndpoints.edges.0.node.tenant.handle", "bolt")),
				AN: unauthenticated,
				// A vendor's admins see their vendor's endpoints; its staff none.
				VA1: Filtered(Set("integrationEndpoints", "description", "V1 feed")),
				VA2: Filtered(Set("integrationEndpoints", "description")),
			},
		},
		{
			Name: "inboundWebhooks",
			Op:   `{ inboundWebhooks(first: 50) { totalCount edges { node { webhookID type status source reason payload receivedAt } } } }`,
			Expect: Cells{
				SA: Filtered(Set("inboundWebhooks", "webhookID", "A erp", "A1 search", "B crm", "evt_stripe")),
				TA: Filtered(Set("inboundWebhooks", "webhookID", "A erp", "A1 search")),
				SM: Filtered(Set("inboundWebhooks", "webhookID", "A1 search")),
				CU: forbidden,
				PK: unauthenticated,
				SK: Filtered(Set("inboundWebhooks", "webhookID", "B crm")),
				AN: unauthenticated,
			},
		},
		{
			Name: "inboundWebhooks of tenant A's endpoint",
			Op:   `query($id: ID) { inboundWebhooks(endpointId: $id, first: 50) { totalCount edges { node { webhookID } } } }`,
			Vars: func(_ testing.TB, f *fx) map[string]any { return map[string]any{"id": f.EndpointAErp} },
			Expect: Cells{
				SA: Filtered(Set("inboundWebhooks", "webhookID", "A erp")),
				TA: Filtered(Set("inboundWebhooks", "webhookID", "A erp")),
				SM: Filtered(Set("inboundWebhooks", "webhookID")),
				CU: forbidden,
				PK: unauthenticated,
				SK: Filtered(Set("inboundWebhooks", "webhookID")),
				AN: unauthenticated,
			},
		},
		// node: one row per type, each against a row of tenant A or B.
		{
			Name: "node/tenant B",
			Op:   `query($id: ID!) { node(id: $id) { id ... on Tenant { handle } } }`,
			Vars: nodeOf(func(f *fx) int { return f.TenantB.ID }),
			Expect: Cells{
				SA: Allow(Eq("node.handle", "bolt")), TA: notFound, SM: notFound, CU: notFound, PK: notFound,
				SK: Allow(Eq("node.handle", "bolt")), AN: Allow(Eq("node.handle", "bolt")),
			},
		},
		{
			Name: "node/store A1",
			Op:   `query($id: ID!) { node(id: $id) { id ... on Store { handle tenant { handle } } } }`,
			Vars: nodeOf(func(f *fx) int { return f.StoreA1.ID }),
			Expect: func() Cells {
				ok := Allow(Eq("node.handle", "a1"), Eq("node.tenant.handle", "acme"))
				return Cells{SA: ok, TA: ok, SM: ok, CU: ok, PK: ok, SK: notFound, AN: ok, V: notFound}
			}(),
		},
		{
			Name: "node/store A2",
			Op:   `query($id: ID!) { node(id: $id) { id ... on Store { handle } } }`,
			Vars: nodeOf(func(f *fx) int { return f.StoreA2.ID }),
			Expect: func() Cells {
				ok := Allow(Eq("node.handle", "a2"))
				return Cells{SA: ok, TA: ok, SM: notFound, CU: ok, PK: notFound, SK: notFound, AN: ok, V: notFound}
			}(),
		},
		{
			Name: "node/domain A1",
			Op:   `query($id: ID!) { node(id: $id) { id ... on Domain { hostname status store { handle } tenant { handle } } } }`,
			Vars: nodeOf(func(f *fx) int { return f.DomainA1.ID }),
			Expect: func() Cells {
				ok := Allow(Eq("node.hostname", "shop.acme-example.com"), Eq("node.store.handle", "a1"), Eq("node.tenant.handle", "acme"))
				return Cells{SA: ok, TA: ok, SM: ok, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated}
			}(),
		},
		{
			Name: "node/domain B1",
			Op:   `query($id: ID!) { node(id: $id) { id ... on Domain { hostname } } }`,
			Vars: nodeOf(func(f *fx) int { return f.DomainB1.ID }),
			Expect: func() Cells {
				ok := Allow(Eq("node.hostname", "shop.bolt-example.com"))
				return Cells{SA: ok, TA: notFound, SM: notFound, CU: forbidden, PK: unauthenticated, SK: ok, AN: unauthenticated}
			}(),
		},
		{
			Name: "node/api key A1",
			Op:   `query($id: ID!) { node(id: $id) { id ... on APIKey { name kind store { handle } tenant { handle } } } }`,
			Vars: nodeOf(func(f *fx) int { return f.KeyA1.ID }),
			Expect: func() Cells {
				ok := Allow(Eq("node.name", "A1 storefront"), Eq("node.store.handle", "a1"))
				return Cells{SA: ok, TA: ok, SM: forbidden, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated}
			}(),
		},
		{
			Name: "node/user customer A",
			Op:   `query($id: ID!) { node(id: $id) { id ... on User { email memberships { role tenant { handle } } } } }`,
			Vars: nodeOf(func(f *fx) int { return f.Users["customer_A"].ID }),
			Expect: func() Cells {
				ok := Allow(Eq("node.email", "customer@acme.test"), Eq("node.memberships.0.tenant.handle", "acme"))
				return Cells{SA: ok, TA: ok, SM: notFound, CU: ok, PK: unauthenticated, SK: notFound, AN: unauthenticated, V: notFound, C: notFound}
			}(),
		},
		{
			Name: "node/user tenant admin B",
			Op:   `query($id: ID!) { node(id: $id) { id ... on User { email } } }`,
			Vars: nodeOf(func(f *fx) int { return f.Users["tenant_admin_B"].ID }),
			Expect: func() Cells {
				ok := Allow(Eq("node.email", "admin@bolt.test"))
				return Cells{SA: ok, TA: notFound, SM: notFound, CU: notFound, PK: unauthenticated, SK: ok, AN: unauthenticated}
			}(),
		},
		{
			Name: "node/membership manager A1",
			Op: `query($id: ID!) { node(id: $id) { id ... on Membership {
				role user { email } store { handle } tenant { handle } } } }`,
			Vars: nodeOf(func(f *fx) int { return f.MembershipManagerA1.ID }),
			Expect: func() Cells {
				ok := Allow(Eq("node.role", "store_manager"), Eq("node.user.email", "manager@a1.test"), Eq("node.store.handle", "a1"))
				return Cells{SA: ok, TA: ok, SM: ok, CU: notFound, PK: unauthenticated, SK: notFound, AN: unauthenticated}
			}(),
		},
		{
			Name: "node/membership tenant admin B",
			Op:   `query($id: ID!) { node(id: $id) { id ... on Membership { role tenant { handle } } } }`,
			Vars: nodeOf(func(f *fx) int { return f.MembershipAdminB.ID }),
			Expect: func() Cells {
				ok := Allow(Eq("node.role", "tenant_admin"), Eq("node.tenant.handle", "bolt"))
				return Cells{SA: ok, TA: notFound, SM: notFound, CU: notFound, PK: unauthenticated, SK: ok, AN: unauthenticated}
			}(),
		},
		{
			Name: "node/audit log of A1",
			Op:   `query($id: ID!) { node(id: $id) { id ... on AuditLog { entityType storeID } } }`,
			Vars: nodeOf(func(f *fx) int { return f.AuditA1.ID }),
			Expect: func() Cells {
				ok := Allow(Eq("node.entityType", "Store"), EqF("node.storeID", func(f *fx) any { return gid(f.StoreA1.ID) }))
				return Cells{SA: ok, TA: ok, SM: ok, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated}
			}(),
		},
		{
			Name: "node/audit log of B",
			Op:   `query($id: ID!) { node(id: $id) { id ... on AuditLog { entityType tenantID } } }`,
			Vars: nodeOf(func(f *fx) int { return f.AuditB.ID }),
			Expect: func() Cells {
				ok := Allow(Eq("node.entityType", "Tenant"), EqF("node.tenantID", func(f *fx) any { return gid(f.TenantB.ID) }))
				return Cells{SA: ok, TA: notFound, SM: notFound, CU: forbidden, PK: unauthenticated, SK: ok, AN: unauthenticated}
			}(),
		},
		{
			Name: "nodes/taxonomy",
			Op: `query($ids: [ID!]!) { nodes(ids: $ids) { id
				... on Country { code } ... on Scope { handle } ... on Category { handle } ... on Subcategory { handle category { handle } }
			} }`,
			Vars: func(_ testing.TB, f *fx) map[string]any {
				return map[string]any{"ids": []string{gid(f.CountrySA.ID), gid(f.ScopeRetail.ID), gid(f.CategoryApparel.ID), gid(f.SubShirts.ID)}}
			},
			Expect: all(Allow(Eq("nodes.0.code", "SA"), Eq("nodes.1.handle", "retail"), Eq("nodes.2.handle", "apparel"),
				Eq("nodes.3.handle", "shirts"), Eq("nodes.3.category.handle", "apparel"))),
		},
		{
			Name: "nodes/tenant A and store A1",
			Op:   `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Tenant { handle } ... on Store { handle } } }`,
			Vars: func(_ testing.TB, f *fx) map[string]any {
				return map[string]any{"ids": []string{gid(f.TenantA.ID), gid(f.StoreA1.ID)}}
			},
			Expect: func() Cells {
				ok := Allow(Eq("nodes.0.handle", "acme"), Eq("nodes.1.handle", "a1"))
				return Cells{SA: ok, TA: ok, SM: ok, CU: ok, PK: ok, SK: notFound, AN: ok,
					V: FilteredWith("NOT_FOUND", Eq("nodes.0.handle", "acme"), Null("nodes.1"))}
			}(),
		},
		{
			Name: "nodes/stores B1 and C1",
			Op:   `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Store { handle } } }`,
			Vars: func(_ testing.TB, f *fx) map[string]any {
				return map[string]any{"ids": []string{gid(f.StoreB1.ID), gid(f.StoreC1.ID)}}
			},
			Expect: func() Cells {
				none := FilteredWith("NOT_FOUND", Null("nodes.0"), Null("nodes.1"))
				onlyB1 := FilteredWith("NOT_FOUND", Eq("nodes.0.handle", "b1"), Null("nodes.1"))
				return Cells{
					SA: Allow(Eq("nodes.0.handle", "b1"), Eq("nodes.1.handle", "c1")),
					TA: none, SM: none, CU: none, PK: none, SK: onlyB1, AN: onlyB1,
				}
			}(),
		},
	}
}
