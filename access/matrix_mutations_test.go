package access_test

import (
	"fmt"
	"testing"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/apikey"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/testenv"
)

// mutationCases are the write rows of the matrix. Every cell runs on a fresh fixture.
//
// Conventions the rows follow: a write to a row the caller cannot see is NOT_FOUND (the
// row is invisible); a write the caller's role may not make on a row it can see is
// FORBIDDEN; a refused write leaves no trace (no audit record).
func mutationCases() []Case {
	forbidden, notFound, unauthenticated := Deny("FORBIDDEN"), Deny("NOT_FOUND"), Deny("UNAUTHENTICATED")
	all := sameForAll
	platformOnly := func(ok Outcome) Cells {
		return Cells{SA: ok, TA: forbidden, SM: forbidden, CU: forbidden, PK: unauthenticated, SK: forbidden, AN: unauthenticated}
	}
	// Rows of tenant B, written by tenant A's principals (who cannot see them), B's key
	// (who can) and anonymous (who sees B's public face only).
	ofB := func(ok Outcome) Cells {
		return Cells{SA: ok, TA: notFound, SM: notFound, CU: notFound, PK: notFound, SK: ok, AN: unauthenticated}
	}
	vars := func(build func(f *fx) map[string]any) func(testing.TB, *fx) map[string]any {
		return func(_ testing.TB, f *fx) map[string]any { return build(f) }
	}
	byID := func(pick func(f *fx) int) func(testing.TB, *fx) map[string]any {
		return vars(func(f *fx) map[string]any { return map[string]any{"id": gid(pick(f))} })
	}

	const updateTenantOp = `mutation($id: ID!, $in: UpdateTenantInput!) { updateTenant(id: $id, input: $in) { handle name subscriptionTier subdomain billingEmail metadata } }`
	const setTenantStatusOp = `mutation($id: ID!) { setTenantStatus(id: $id, status: suspended) { handle status } }`
	const createStoreOp = `mutation($in: CreateStoreInput!) { createStore(input: $in) { handle name tenant { handle } } }`
	const updateStoreOp = `mutation($id: ID!) { updateStore(id: $id, input: {
		name: "Renamed", metadata: {secret: "changed"}, theme: {colors: {primary: "#000000"}}
	}) { handle name metadata themeConfig { colors { primary } } } }`
	const deleteStoreOp = `mutation($id: ID!) { deleteStore(id: $id) }`
	const addDomainOp = `mutation($id: ID!, $host: String!) { addDomain(storeId: $id, hostname: $host) {
		domain { hostname status store { handle } } txtRecordName txtRecordValue } }`
	const removeDomainOp = `mutation($id: ID!) { removeDomain(id: $id) }`
	const verifyDomainOp = `mutation($id: ID!) { verifyDomain(id: $id) { hostname status } }`
	const grantRoleOp = `mutation($user: ID!, $role: MembershipRole!, $tenant: ID, $store: ID) {
		grantRole(userId: $user, role: $role, tenantId: $tenant, storeId: $store) { role user { email } tenant { handle } store { handle } } }`
	const revokeRoleOp = `mutation($id: ID!) { revokeRole(membershipId: $id) }`
	const createAPIKeyOp = `mutation($in: CreateApiKeyInput!) { createApiKey(input: $in) { token apiKey { name kind roles tenant { handle } store { handle } } } }`
	const revokeAPIKeyOp = `mutation($id: ID!) { revokeApiKey(id: $id) { name revokedAt } }`

	storeGone := func(pick func(f *fx) int) Check {
		return func(f *fx, _ any) error {
			n, err := f.DB.Client.Store.Query().Where(store.ID(pick(f))).Count(sysCtx())
			if err != nil || n != 0 {
				return fmt.Errorf("the store is still there (%d, %v)", n, err)
			}
			return nil
		}
	}
	keyRevoked := func(pick func(f *fx) *ent.APIKey) Check {
		return func(f *fx, _ any) error {
			k, err := f.DB.Client.APIKey.Query().Where(apikey.ID(pick(f).ID)).Only(sysCtx())
			if err != nil || k.RevokedAt == nil {
				return fmt.Errorf("the key is not revoked (%v)", err)
			}
			return nil
		}
	}

	return []Case{
		// Sessions: public, whoever calls.
		{
			Name:   "login",
			Op:     `mutation { login(email: "customer@acme.test", password: "fixture-password") { accessToken refreshToken user { email } } }`,
			Expect: all(Allow(Eq("login.user.email", "customer@acme.test"), NotNull("login.accessToken"), NotNull("login.refreshToken"))),
		},
		{
			Name:   "login/wrong password",
			Op:     `mutation { login(email: "customer@acme.test", password: "not-the-password") { accessToken } }`,
			Expect: all(unauthenticated),
		},
		{
			Name: "refreshToken",
			Op:   `mutation($t: String!) { refreshToken(token: $t) { accessToken refreshToken user { email } } }`,
			Vars: func(t testing.TB, f *fx) map[string]any {
				return map[string]any{"t": f.refreshTokenOf(t, "customer@acme.test")}
			},
			Expect: all(Allow(Eq("refreshToken.user.email", "customer@acme.test"), NotNull("refreshToken.accessToken"))),
		},
		{
			Name:   "refreshToken/invalid",
			Op:     `mutation { refreshToken(token: "rt_not-a-token") { accessToken } }`,
			Expect: all(unauthenticated),
		},
		{
			// Without a token: every session of the signed-in user; callers that are not
			// users have none.
			Name: "logout",
			Op:   `mutation { logout }`,
			Expect: Cells{
				SA: Allow(Eq("logout", true)), TA: Allow(Eq("logout", true)), SM: Allow(Eq("logout", true)), CU: Allow(Eq("logout", true)),
				PK: unauthenticated, SK: unauthenticated, AN: unauthenticated,
			},
		},
		{
			Name: "logout/refresh token",
			Op:   `mutation($t: String) { logout(refreshToken: $t) }`,
			Vars: func(t testing.TB, f *fx) map[string]any {
				return map[string]any{"t": f.refreshTokenOf(t, "customer@acme.test")}
			},
			Expect: all(Allow(Eq("logout", true))),
		},

		// Tenants: the platform creates them and sets status and tier; a tenant's admins
		// edit its profile.
		{
			Name:   "createTenant",
			Op:     `mutation { createTenant(input: {handle: "newco", name: "New Co"}) { handle status } }`,
			Expect: platformOnly(Allow(Eq("createTenant.handle", "newco"))),
		},
		{
			Name: "updateTenant/A profile",
			Op:   updateTenantOp,
			Vars: vars(func(f *fx) map[string]any {
				return map[string]any{"id": gid(f.TenantA.ID), "in": map[string]any{
					"name": "Acme Two", "billingEmail": "finance@acme.test", "country": "SA", "subdomain": "acme-two", "metadata": map[string]any{"k": "v"},
				}}
			}),
			Expect: func() Cells {
				ok := Allow(Eq("updateTenant.name", "Acme Two"), Eq("updateTenant.billingEmail", "finance@acme.test"),
					Eq("updateTenant.subdomain", "acme-two"), Eq("updateTenant.metadata", map[string]any{"k": "v"}))
				return Cells{SA: ok, TA: ok, SM: forbidden, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated}
			}(),
		},
		{
			Name: "updateTenant/A tier",
			Op:   updateTenantOp,
			Vars: vars(func(f *fx) map[string]any {
				return map[string]any{"id": gid(f.TenantA.ID), "in": map[string]any{"subscriptionTier": "enterprise"}}
			}),
			Expect: Cells{
				SA: Allow(Eq("updateTenant.subscriptionTier", "enterprise")),
				TA: forbidden, SM: forbidden, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated,
			},
		},
		{
			Name: "updateTenant/B profile",
			Op:   updateTenantOp,
			Vars: vars(func(f *fx) map[string]any {
				return map[string]any{"id": gid(f.TenantB.ID), "in": map[string]any{"name": "Bolt Two"}}
			}),
			Expect: ofB(Allow(Eq("updateTenant.name", "Bolt Two"))),
		},
		{
			Name: "setTenantStatus/A",
			Op:   setTenantStatusOp,
			Vars: byID(func(f *fx) int { return f.TenantA.ID }),
			Expect: Cells{
				SA: Allow(Eq("setTenantStatus.status", "suspended")),
				TA: forbidden, SM: forbidden, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated,
			},
		},
		{
			Name: "setTenantStatus/B",
			Op:   setTenantStatusOp,
			Vars: byID(func(f *fx) int { return f.TenantB.ID }),
			Expect: Cells{
				SA: Allow(Eq("setTenantStatus.status", "suspended")),
				TA: notFound, SM: notFound, CU: notFound, PK: notFound, SK: forbidden, AN: unauthenticated,
			},
		},

		// Stores: the tenant's admins create and delete them; admins and the store's
		// managers change them.
		{
			Name: "createStore/A",
			Op:   createStoreOp,
			Vars: vars(func(f *fx) map[string]any {
				return map[string]any{"in": map[string]any{"tenantId": gid(f.TenantA.ID), "handle": "a9", "name": "A Nine"}}
			}),
			Expect: func() Cells {
				ok := Allow(Eq("createStore.handle", "a9"), Eq("createStore.tenant.handle", "acme"))
				return Cells{SA: ok, TA: ok, SM: forbidden, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated}
			}(),
		},
		{
			Name: "createStore/B",
			Op:   createStoreOp,
			Vars: vars(func(f *fx) map[string]any {
				return map[string]any{"in": map[string]any{"tenantId": gid(f.TenantB.ID), "handle": "b9", "name": "B Nine"}}
			}),
			Expect: ofB(Allow(Eq("createStore.handle", "b9"), Eq("createStore.tenant.handle", "bolt"))),
		},
		{
			Name: "updateStore/A1",
			Op:   updateStoreOp,
			Vars: byID(func(f *fx) int { return f.StoreA1.ID }),
			Expect: func() Cells {
				ok := Allow(Eq("updateStore.name", "Renamed"), Eq("updateStore.metadata", map[string]any{"secret": "changed"}),
					Eq("updateStore.themeConfig.colors.primary", "#000000"))
				return Cells{SA: ok, TA: ok, SM: ok, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated, V: notFound}
			}(),
		},
		{
			Name: "updateStore/A2",
			Op:   updateStoreOp,
			Vars: byID(func(f *fx) int { return f.StoreA2.ID }),
			Expect: func() Cells {
				ok := Allow(Eq("updateStore.name", "Renamed"))
				return Cells{SA: ok, TA: ok, SM: notFound, CU: forbidden, PK: notFound, SK: notFound, AN: unauthenticated, V: notFound}
			}(),
		},
		{
			Name:   "updateStore/B1",
			Op:     updateStoreOp,
			Vars:   byID(func(f *fx) int { return f.StoreB1.ID }),
			Expect: ofB(Allow(Eq("updateStore.name", "Renamed"))),
		},
		{
			Name: "deleteStore/A1",
			Op:   deleteStoreOp,
			Vars: byID(func(f *fx) int { return f.StoreA1.ID }),
			// Its publishable key and manager role still point at it: refused after the
			// policy, which lets admins through.
			Expect: Cells{SA: Deny("CONFLICT"), TA: Deny("CONFLICT"), SM: forbidden, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated, V: notFound},
		},
		{
			// A2 and B1 have carts and orders: refused after the policy, like A1.
			Name:   "deleteStore/A2",
			Op:     deleteStoreOp,
			Vars:   byID(func(f *fx) int { return f.StoreA2.ID }),
			Expect: Cells{SA: Deny("CONFLICT"), TA: Deny("CONFLICT"), SM: notFound, CU: forbidden, PK: notFound, SK: notFound, AN: unauthenticated, V: notFound},
		},
		{
			Name:   "deleteStore/B1",
			Op:     deleteStoreOp,
			Vars:   byID(func(f *fx) int { return f.StoreB1.ID }),
			Expect: ofB(Deny("CONFLICT")),
		},
		{
			// A3 (inactive) has no keys, roles, carts or orders: its admins delete it.
			Name: "deleteStore/A3",
			Op:   deleteStoreOp,
			Vars: byID(func(f *fx) int { return f.StoreA3.ID }),
			Expect: func() Cells {
				ok := Allow(storeGone(func(f *fx) int { return f.StoreA3.ID }))
				return Cells{SA: ok, TA: ok, SM: notFound, CU: notFound, PK: notFound, SK: notFound, AN: notFound}
			}(),
		},

		// Custom domains: the tenant's admins and the store's managers.
		{
			Name: "addDomain/A1",
			Op:   addDomainOp,
			Vars: vars(func(f *fx) map[string]any {
				return map[string]any{"id": gid(f.StoreA1.ID), "host": "new.acme-example.com"}
			}),
			Expect: func() Cells {
				ok := Allow(Eq("addDomain.domain.hostname", "new.acme-example.com"), Eq("addDomain.domain.status", "pending"),
					Eq("addDomain.domain.store.handle", "a1"), Eq("addDomain.txtRecordName", "_cityos-verify.new.acme-example.com"))
				return Cells{SA: ok, TA: ok, SM: ok, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated, V: notFound}
			}(),
		},
		{
			Name: "addDomain/A2",
			Op:   addDomainOp,
			Vars: vars(func(f *fx) map[string]any {
				return map[string]any{"id": gid(f.StoreA2.ID), "host": "new.acme-example.com"}
			}),
			Expect: func() Cells {
				ok := Allow(Eq("addDomain.domain.store.handle", "a2"))
				return Cells{SA: ok, TA: ok, SM: notFound, CU: forbidden, PK: notFound, SK: notFound, AN: unauthenticated, V: notFound}
			}(),
		},
		{
			Name: "addDomain/B1",
			Op:   addDomainOp,
			Vars: vars(func(f *fx) map[string]any {
				return map[string]any{"id": gid(f.StoreB1.ID), "host": "new.bolt-example.com"}
			}),
			Expect: ofB(Allow(Eq("addDomain.domain.store.handle", "b1"))),
		},
		{
			Name: "removeDomain/A1",
			Op:   removeDomainOp,
			Vars: byID(func(f *fx) int { return f.DomainA1.ID }),
			Expect: func() Cells {
				ok := Allow(EqF("removeDomain", func(f *fx) any { return gid(f.DomainA1.ID) }))
				return Cells{SA: ok, TA: ok, SM: ok, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated}
			}(),
		},
		{
			Name: "removeDomain/B1",
			Op:   removeDomainOp,
			Vars: byID(func(f *fx) int { return f.DomainB1.ID }),
			Expect: func() Cells {
				ok := Allow(EqF("removeDomain", func(f *fx) any { return gid(f.DomainB1.ID) }))
				return Cells{SA: ok, TA: notFound, SM: notFound, CU: forbidden, PK: unauthenticated, SK: ok, AN: unauthenticated}
			}(),
		},
		{
			// A pending domain past its verification window, whose TXT record is not
			// there: verifying it writes (marks it failed).
			Name: "verifyDomain/A1",
			Op:   verifyDomainOp,
			Vars: byID(func(f *fx) int { return f.StaleDomainA1.ID }),
			Expect: func() Cells {
				ok := Allow(Eq("verifyDomain.hostname", "stale.acme.onion"), Eq("verifyDomain.status", "failed"))
				return Cells{SA: ok, TA: ok, SM: ok, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated}
			}(),
		},
		{
			Name: "verifyDomain/B1",
			Op:   verifyDomainOp,
			Vars: byID(func(f *fx) int { return f.StaleDomainB1.ID }),
			Expect: func() Cells {
				ok := Allow(Eq("verifyDomain.status", "failed"))
				return Cells{SA: ok, TA: notFound, SM: notFound, CU: forbidden, PK: unauthenticated, SK: ok, AN: unauthenticated}
			}(),
		},

		// Users and roles: tenant admins create users and grant and revoke roles in their
		// tenants; only the platform grants super_admin.
		{
			Name: "createUser",
			Op:   `mutation { createUser(input: {email: "new@example.test", password: "a-long-enough-password"}) { email } }`,
			Expect: func() Cells {
				// Only the platform: a tenant-made account for someone else's e-mail would be
				// squatted. Tenants invite (inviteStaff).
				ok := Allow(Eq("createUser.email", "new@example.test"))
				return Cells{SA: ok, TA: forbidden, SM: forbidden, CU: forbidden, PK: unauthenticated, SK: forbidden, AN: unauthenticated}
			}(),
		},
		{
			Name: "grantRole/customer of A",
			Op:   grantRoleOp,
			Vars: vars(func(f *fx) map[string]any {
				return map[string]any{"user": gid(f.Newbie.ID), "role": "customer", "tenant": gid(f.TenantA.ID)}
			}),
			// Newbie holds no role anywhere: it belongs to no tenant, so only the platform
			// can attach it; to a tenant it does not exist.
			Expect: func() Cells {
				ok := Allow(Eq("grantRole.role", "customer"), Eq("grantRole.user.email", "newbie@example.test"), Eq("grantRole.tenant.handle", "acme"))
				return Cells{SA: ok, TA: notFound, SM: notFound, CU: notFound, PK: unauthenticated, SK: notFound, AN: unauthenticated}
			}(),
		},
		{
			Name: "grantRole/manager of A2",
			Op:   grantRoleOp,
			Vars: vars(func(f *fx) map[string]any {
				return map[string]any{"user": gid(f.Users[testenv.ManagerA1].ID), "role": "store_manager", "store": gid(f.StoreA2.ID)}
			}),
			// A1's manager belongs to A: A may give them A2 as well.
			Expect: func() Cells {
				ok := Allow(Eq("grantRole.role", "store_manager"), Eq("grantRole.user.email", "manager@a1.test"), Eq("grantRole.store.handle", "a2"), Eq("grantRole.tenant.handle", "acme"))
				return Cells{SA: ok, TA: ok, SM: notFound, CU: notFound, PK: notFound, SK: notFound, AN: unauthenticated}
			}(),
		},
		{
			Name: "grantRole/admin of B",
			Op:   grantRoleOp,
			Vars: vars(func(f *fx) map[string]any {
				return map[string]any{"user": gid(f.Users[testenv.TenantAdminB].ID), "role": "store_manager", "store": gid(f.StoreB1.ID)}
			}),
			Expect: ofB(Allow(Eq("grantRole.role", "store_manager"), Eq("grantRole.tenant.handle", "bolt"))),
		},
		{
			// A user of the other tenant, by id: invisible to the granter, so not found —
			// a grant must not reveal who exists.
			Name: "grantRole/customer of A to B's admin",
			Op:   grantRoleOp,
			Vars: vars(func(f *fx) map[string]any {
				return map[string]any{"user": gid(f.Users[testenv.TenantAdminB].ID), "role": "customer", "tenant": gid(f.TenantA.ID)}
			}),
			Expect: Cells{
				SA: Allow(Eq("grantRole.user.email", "admin@bolt.test")),
				TA: notFound,
				SM: notFound, CU: notFound, PK: unauthenticated, SK: notFound, AN: unauthenticated,
			},
		},
		{
			Name: "grantRole/super_admin",
			Op:   grantRoleOp,
			Vars: vars(func(f *fx) map[string]any {
				return map[string]any{"user": gid(f.Newbie.ID), "role": "super_admin"}
			}),
			Expect: platformOnly(Allow(Eq("grantRole.role", "super_admin"), Null("grantRole.tenant"))),
		},
		{
			Name: "revokeRole/manager of A1",
			Op:   revokeRoleOp,
			Vars: byID(func(f *fx) int { return f.MembershipManagerA1.ID }),
			Expect: func() Cells {
				ok := Allow(EqF("revokeRole", func(f *fx) any { return gid(f.MembershipManagerA1.ID) }))
				return Cells{SA: ok, TA: ok, SM: forbidden, CU: notFound, PK: unauthenticated, SK: notFound, AN: unauthenticated}
			}(),
		},
		{
			Name: "revokeRole/admin of B",
			Op:   revokeRoleOp,
			Vars: byID(func(f *fx) int { return f.MembershipAdminB.ID }),
			Expect: func() Cells {
				ok := Allow(EqF("revokeRole", func(f *fx) any { return gid(f.MembershipAdminB.ID) }))
				return Cells{SA: ok, TA: notFound, SM: notFound, CU: notFound, PK: unauthenticated, SK: ok, AN: unauthenticated}
			}(),
		},

		// API keys: tenant-admin business.
		{
			Name: "createApiKey/A secret",
			Op:   createAPIKeyOp,
			Vars: vars(func(f *fx) map[string]any {
				return map[string]any{"in": map[string]any{"tenantId": gid(f.TenantA.ID), "kind": "secret", "name": "ops", "roles": []string{"tenant_admin"}}}
			}),
			Expect: func() Cells {
				ok := Allow(Eq("createApiKey.apiKey.name", "ops"), Eq("createApiKey.apiKey.tenant.handle", "acme"), NotNull("createApiKey.token"))
				return Cells{SA: ok, TA: ok, SM: forbidden, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated}
			}(),
		},
		{
			Name: "createApiKey/B publishable",
			Op:   createAPIKeyOp,
			Vars: vars(func(f *fx) map[string]any {
				return map[string]any{"in": map[string]any{"tenantId": gid(f.TenantB.ID), "storeId": gid(f.StoreB1.ID), "kind": "publishable", "name": "b1 web"}}
			}),
			Expect: ofB(Allow(Eq("createApiKey.apiKey.store.handle", "b1"), NotNull("createApiKey.token"))),
		},
		{
			// A key of tenant B that would open store A1 of tenant A.
			Name: "createApiKey/B key on store A1",
			Op:   createAPIKeyOp,
			Vars: vars(func(f *fx) map[string]any {
				return map[string]any{"in": map[string]any{"tenantId": gid(f.TenantB.ID), "storeId": gid(f.StoreA1.ID), "kind": "publishable", "name": "cross"}}
			}),
			// Refused as bad input once both rows are visible (the platform; anonymous sees
			// both public faces); NOT_FOUND for whoever cannot see one of them.
			Expect: Cells{
				SA: Deny("BAD_USER_INPUT"),
				TA: notFound, SM: notFound, CU: notFound, PK: notFound, SK: notFound, AN: Deny("BAD_USER_INPUT"),
			},
		},
		{
			Name: "revokeApiKey/A1 publishable",
			Op:   revokeAPIKeyOp,
			Vars: byID(func(f *fx) int { return f.KeyA1.ID }),
			Expect: func() Cells {
				ok := Allow(NotNull("revokeApiKey.revokedAt"), keyRevoked(func(f *fx) *ent.APIKey { return f.KeyA1 }))
				return Cells{SA: ok, TA: ok, SM: forbidden, CU: forbidden, PK: unauthenticated, SK: notFound, AN: unauthenticated}
			}(),
		},
		{
			Name: "revokeApiKey/B secret",
			Op:   revokeAPIKeyOp,
			Vars: byID(func(f *fx) int { return f.KeyB.ID }),
			Expect: func() Cells {
				ok := Allow(NotNull("revokeApiKey.revokedAt"), keyRevoked(func(f *fx) *ent.APIKey { return f.KeyB }))
				return Cells{SA: ok, TA: notFound, SM: forbidden, CU: forbidden, PK: unauthenticated, SK: ok, AN: unauthenticated}
			}(),
		},

		// The platform taxonomy: everyone reads it (queries), only the platform writes it.
		{
			Name:   "createCountry",
			Op:     `mutation { createCountry(input: {code: "FR", name: "France"}) { code } }`,
			Expect: platformOnly(Allow(Eq("createCountry.code", "FR"))),
		},
		{
			Name:   "updateCountry",
			Op:     `mutation($id: ID!) { updateCountry(id: $id, input: {code: "SA", name: "Kingdom of Saudi Arabia"}) { name } }`,
			Vars:   byID(func(f *fx) int { return f.CountrySA.ID }),
			Expect: platformOnly(Allow(Eq("updateCountry.name", "Kingdom of Saudi Arabia"))),
		},
		{
			Name:   "deleteCountry",
			Op:     `mutation($id: ID!) { deleteCountry(id: $id) }`,
			Vars:   byID(func(f *fx) int { return f.CountryAE.ID }),
			Expect: platformOnly(Allow(EqF("deleteCountry", func(f *fx) any { return gid(f.CountryAE.ID) }))),
		},
		{
			Name:   "createScope",
			Op:     `mutation { createScope(input: {handle: "services", name: "Services"}) { handle } }`,
			Expect: platformOnly(Allow(Eq("createScope.handle", "services"))),
		},
		{
			Name:   "updateScope",
			Op:     `mutation($id: ID!) { updateScope(id: $id, input: {handle: "retail", name: "Retail Plus"}) { name } }`,
			Vars:   byID(func(f *fx) int { return f.ScopeRetail.ID }),
			Expect: platformOnly(Allow(Eq("updateScope.name", "Retail Plus"))),
		},
		{
			Name:   "deleteScope",
			Op:     `mutation($id: ID!) { deleteScope(id: $id) }`,
			Vars:   byID(func(f *fx) int { return f.ScopeSpare.ID }),
			Expect: platformOnly(Allow(EqF("deleteScope", func(f *fx) any { return gid(f.ScopeSpare.ID) }))),
		},
		{
			Name: "createCategory",
			Op:   `mutation($scope: ID) { createCategory(input: {handle: "food", name: "Food", scopeId: $scope}) { handle scope { handle } } }`,
			Vars: vars(func(f *fx) map[string]any {
				return map[string]any{"scope": gid(f.ScopeRetail.ID)}
			}),
			Expect: platformOnly(Allow(Eq("createCategory.handle", "food"), Eq("createCategory.scope.handle", "retail"))),
		},
		{
			Name:   "updateCategory",
			Op:     `mutation($id: ID!) { updateCategory(id: $id, input: {handle: "apparel", name: "Apparel Plus"}) { name } }`,
			Vars:   byID(func(f *fx) int { return f.CategoryApparel.ID }),
			Expect: platformOnly(Allow(Eq("updateCategory.name", "Apparel Plus"))),
		},
		{
			Name:   "deleteCategory",
			Op:     `mutation($id: ID!) { deleteCategory(id: $id) }`,
			Vars:   byID(func(f *fx) int { return f.CategorySpare.ID }),
			Expect: platformOnly(Allow(EqF("deleteCategory", func(f *fx) any { return gid(f.CategorySpare.ID) }))),
		},
		{
			Name: "createSubcategory",
			Op:   `mutation($cat: ID!) { createSubcategory(input: {categoryId: $cat, handle: "pants", name: "Pants"}) { handle category { handle } } }`,
			Vars: vars(func(f *fx) map[string]any {
				return map[string]any{"cat": gid(f.CategoryApparel.ID)}
			}),
			Expect: platformOnly(Allow(Eq("createSubcategory.handle", "pants"), Eq("createSubcategory.category.handle", "apparel"))),
		},
		{
			Name: "updateSubcategory",
			Op:   `mutation($id: ID!, $cat: ID!) { updateSubcategory(id: $id, input: {categoryId: $cat, handle: "shirts", name: "Shirts Plus"}) { name } }`,
			Vars: vars(func(f *fx) map[string]any {
				return map[string]any{"id": gid(f.SubShirts.ID), "cat": gid(f.CategoryApparel.ID)}
			}),
			Expect: platformOnly(Allow(Eq("updateSubcategory.name", "Shirts Plus"))),
		},
		{
			Name:   "deleteSubcategory",
			Op:     `mutation($id: ID!) { deleteSubcategory(id: $id) }`,
			Vars:   byID(func(f *fx) int { return f.SubShirts.ID }),
			Expect: platformOnly(Allow(EqF("deleteSubcategory", func(f *fx) any { return gid(f.SubShirts.ID) }))),
		},
	}
}
