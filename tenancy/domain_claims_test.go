package tenancy_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent/domain"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/testenv/dnstest"
	"github.com/dakkah/cityos/viewer"
)

// A hostname pending on another tenant's store blocks nobody and is never revealed: the
// tenant that proves control wins, and the squatter's claim fails.
func TestPendingDomainCannotBeSquatted(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		api := f.API
		dns := withDNSServer(t, api)
		adminA, adminB := f.As(testenv.TenantAdminA), f.As(testenv.TenantAdminB)
		add := func(h testenv.Headers, storeID int, host string) *testenv.Response {
			return api.Do(t, h, addDomainQ, map[string]any{"s": id(storeID), "h": host})
		}
		verify := func(h testenv.Headers, domainID string) string {
			var v struct{ VerifyDomain struct{ Status string } }
			api.MustDo(t, h, verifyDomainQ, map[string]any{"id": domainID}).Decode(t, &v)
			return v.VerifyDomain.Status
		}

		// B squats on A's brand first; A's claim is taken all the same.
		var squat, claim addedDomain
		r := add(adminB, f.StoreB1.ID, "brand.example.com")
		require.Empty(t, r.Errors, "%+v", r.Errors)
		r.Decode(t, &squat)
		r = add(adminA, f.StoreA2.ID, "Brand.Example.com")
		require.Empty(t, r.Errors, "a pending claim elsewhere is no obstacle: %+v", r.Errors)
		r.Decode(t, &claim)
		assert.NotEqual(t, squat.AddDomain.TxtRecordValue, claim.AddDomain.TxtRecordValue, "each claim has its own token")

		// Twice in one tenant is a conflict that speaks of that tenant only.
		r = add(adminA, f.StoreA1.ID, "brand.example.com")
		requireError(t, r, "CONFLICT", "")
		assert.Contains(t, r.Errors[0].Message, "this tenant")
		assert.NotContains(t, r.Errors[0].Message, "b1")

		// A publishes its record over real DNS and verifies: it serves A2.
		dns.Publish(claim.AddDomain.TxtRecordName, "v=spf1 -all", claim.AddDomain.TxtRecordValue)
		assert.Equal(t, "pending", verify(adminB, squat.AddDomain.Domain.ID), "B's token is not published")
		assert.Equal(t, "verified", verify(adminA, claim.AddDomain.Domain.ID))
		res := resolveHost(t, api, "brand.example.com")
		require.NotNil(t, res.ResolveStore.Store)
		assert.Equal(t, "a2", res.ResolveStore.Store.Handle)

		// The squatter's claim has lost for good, even were its token published now.
		dns.Publish(claim.AddDomain.TxtRecordName, squat.AddDomain.TxtRecordValue)
		assert.Equal(t, "failed", verify(adminB, squat.AddDomain.Domain.ID))
		assert.Equal(t, "a2", resolveHost(t, api, "brand.example.com").ResolveStore.Store.Handle)

		// A verified hostname can no longer be claimed by anyone.
		requireError(t, add(adminB, f.StoreB1.ID, "brand.example.com"), "CONFLICT", "")
		requireError(t, add(f.As(testenv.SuperAdmin), f.StoreB1.ID, "BRAND.example.com."), "CONFLICT", "")
	})
}

// Two tenants that both pass the DNS check at the same moment: exactly one claim is
// verified, the other fails, and the hostname serves the winner.
func TestConcurrentDomainVerificationHasOneWinner(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		svc := f.API.App.Tenancy
		dns := dnstest.Start(t)
		ctx := viewer.SystemContext(t.Context(), "domain-race-test")
		for round, host := range []string{"race-1.example.com", "race-2.example.com", "race-3.example.com"} {
			a, err := svc.AddDomain(ctx, f.StoreA2.ID, host)
			require.NoError(t, err)
			b, err := svc.AddDomain(ctx, f.StoreB1.ID, host)
			require.NoError(t, err)
			dns.Publish(a.TxtRecordName, a.TxtRecordValue, b.TxtRecordValue)

			var wg sync.WaitGroup
			start := make(chan struct{})
			for _, ch := range []int{a.Domain.ID, b.Domain.ID} {
				wg.Go(func() {
					<-start
					_, err := svc.VerifyDomain(ctx, ch, dns.LookupTXT)
					assert.NoError(t, err)
				})
			}
			close(start)
			wg.Wait()

			rows, err := db.Client.Domain.Query().Where(domain.Hostname(host)).All(ctx)
			require.NoError(t, err)
			require.Len(t, rows, 2)
			statuses := []string{string(rows[0].Status), string(rows[1].Status)}
			assert.ElementsMatch(t, []string{"verified", "failed"}, statuses, "round %d", round)
			winner := rows[0]
			if rows[1].Status == domain.StatusVerified {
				winner = rows[1]
			}
			res := resolveHost(t, f.API, host)
			require.NotNil(t, res.ResolveStore.Store)
			assert.Equal(t, id(winner.StoreID), res.ResolveStore.Store.ID)
		}
	})
}

// IP literals in any spelling, the platform domain and names under it are not custom domains.
func TestCustomDomainRefusesAddresses(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		f := testenv.NewFixture(t, db)
		adminA := f.As(testenv.TenantAdminA)
		for _, host := range []string{
			"127.0.0.1", "0x7f.1", "0x7f000001", "2130706433", "017700000001", "127.1", "10.0.0.1.",
			"::1", "[::1]", "::ffff:127.0.0.1", "[fe80::1%25eth0]", "169.254.169.254", "1.2.3.4.5",
			"dakkah.test", "www.dakkah.test", "a1.dakkah.test", "x.y.DAKKAH.test.",
		} {
			r := f.API.Do(t, adminA, addDomainQ, map[string]any{"s": id(f.StoreA1.ID), "h": host})
			requireError(t, r, "BAD_USER_INPUT", "hostname")
			assert.False(t, strings.Contains(r.Errors[0].Message, "INTERNAL"), host)
		}
		n, err := db.Client.Domain.Query().Where(domain.StoreID(f.StoreA1.ID)).Count(sys())
		require.NoError(t, err)
		assert.Equal(t, 1, n, "only the fixture's domain")
		// Names that merely contain digits are fine.
		require.Empty(t, f.API.Do(t, adminA, addDomainQ, map[string]any{"s": id(f.StoreA1.ID), "h": "123.shop7.example"}).Errors)
	})
}
