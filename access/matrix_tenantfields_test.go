package access_test

// tenantFieldCases: of a tenant, anonymous callers, shoppers and other tenants see the
// handle and name only; its status, tier and country are for the platform and its staff —
// also on the tenant resolveStore answers for a suspended tenant's store.
func tenantFieldCases() []Case {
	const op = `{
		a: tenantByHandle(handle: "acme") { handle name status subscriptionTier }
		c: resolveStore(host: "c1.dakkah.test") { status tenant { handle name status subscriptionTier country } }
	}`
	hidden := All(Eq("a.handle", "acme"), Null("a.status"), Null("a.subscriptionTier"),
		Eq("c.status", "TENANT_SUSPENDED"), Eq("c.tenant.handle", "cobalt"), NotNull("c.tenant.name"),
		Null("c.tenant.status"), Null("c.tenant.subscriptionTier"), Null("c.tenant.country"))
	staffOfA := All(Eq("a.handle", "acme"), Eq("a.status", "active"), NotNull("a.subscriptionTier"),
		Eq("c.tenant.handle", "cobalt"), Null("c.tenant.status"), Null("c.tenant.subscriptionTier"))
	return []Case{{
		Name: "tenant status, tier and country",
		Op:   op,
		Expect: Cells{
			SA: Allow(Eq("a.status", "active"), NotNull("a.subscriptionTier"), Eq("c.tenant.status", "suspended"), NotNull("c.tenant.subscriptionTier")),
			TA: Allow(staffOfA), SM: Allow(staffOfA),
			CU: Allow(hidden), PK: Allow(hidden), AN: Allow(hidden),
			SK: Allow(Null("a"), Eq("c.tenant.handle", "cobalt"), Null("c.tenant.status"), Null("c.tenant.subscriptionTier")),
		},
	}}
}
