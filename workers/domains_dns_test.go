package workers_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/hibiken/asynq"
	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/domain"
	"github.com/dakkah/cityos/ent/outboxevent"
	"github.com/dakkah/cityos/tenancy"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/testenv/dnstest"
	"github.com/dakkah/cityos/workers"
)

// Custom domains verify against a real DNS server, the one CITYOS_DNS_RESOLVER names:
// the periodic check of a worker assembled from that configuration marks a domain
// verified once its TXT record is published, leaves it pending while the record is
// missing, and marks it failed once the configured window has passed (an hour here,
// where the default would wait a day).
func TestDomainsVerifyAgainstConfiguredDNS(t *testing.T) {
	testenv.Each(t, func(t *testing.T, db *testenv.DB) {
		dns := dnstest.Start(t)
		f := testenv.NewFixture(t, db)
		cfg := testenv.Config()
		cfg.DNSResolver, cfg.DomainVerificationWindow = dns.Addr, time.Hour
		worker := testenv.NewAPI(t, db, cfg) // another instance, configured like `cityos worker`
		check := func() {
			t.Helper()
			require.NoError(t, workers.Mux(worker.App.WorkerDeps()).ProcessTask(context.Background(), asynq.NewTask(workers.TaskVerifyDomains, nil)))
		}
		pending := func(store int, host string, age time.Duration) tenancy.DomainChallenge {
			d, err := db.Client.Domain.Create().SetTenantID(f.TenantA.ID).SetStoreID(store).SetHostname(host).
				SetVerificationToken("token-" + host).SetCreatedAt(time.Now().Add(-age)).Save(sys())
			require.NoError(t, err)
			return tenancy.Challenge(d)
		}
		status := func(d tenancy.DomainChallenge) *ent.Domain {
			got, err := db.Client.Domain.Get(sys(), d.Domain.ID)
			require.NoError(t, err)
			return got
		}
		shop := pending(f.StoreA1.ID, "shop.a1-example.com", 30*time.Minute)
		slow := pending(f.StoreA2.ID, "slow.a2-example.com", 30*time.Minute)
		late := pending(f.StoreA2.ID, "late.a2-example.com", 2*time.Hour)
		dns.Publish(late.TxtRecordName, "cityos-verify=someone-elses-token")

		check()
		for _, d := range []tenancy.DomainChallenge{shop, slow} {
			require.Equal(t, domain.StatusPending, status(d).Status, "%s: no record yet, inside the window", d.Domain.Hostname)
		}
		require.Equal(t, domain.StatusFailed, status(late).Status, "a wrong record past the configured window fails")
		require.Nil(t, status(late).VerifiedAt)

		dns.Publish(shop.TxtRecordName, "v=spf1 -all", shop.TxtRecordValue)
		before := time.Now()
		check()
		got := status(shop)
		require.Equal(t, domain.StatusVerified, got.Status)
		require.NotNil(t, got.VerifiedAt)
		require.False(t, got.VerifiedAt.Before(before.Truncate(time.Second)))
		verified, err := db.Client.OutboxEvent.Query().Where(outboxevent.Topic("domain.verified"),
			outboxevent.AggregateType("domain"), outboxevent.AggregateID(got.ID)).All(sys())
		require.NoError(t, err)
		require.Len(t, verified, 1, "the verification raised domain.verified, once")
		require.Equal(t, "verified", verified[0].Payload["status"])
		require.NotContains(t, verified[0].Payload, "verification_token", "the token is a secret")
		require.Equal(t, domain.StatusPending, status(slow).Status)
		res := worker.MustDo(t, testenv.Headers{}, `{ resolveStore(host: "shop.a1-example.com") { strategy store { handle } } }`, nil)
		require.JSONEq(t, `{"resolveStore":{"strategy":"CUSTOM_DOMAIN","store":{"handle":"a1"}}}`, string(res.Data))

		// The API of an instance so configured asks the same server.
		dns.Publish(slow.TxtRecordName, slow.TxtRecordValue)
		r := worker.MustDo(t, f.As(testenv.TenantAdminA), `mutation($id: ID!) { verifyDomain(id: $id) { status verifiedAt } }`,
			map[string]any{"id": strconv.Itoa(slow.Domain.ID)})
		var out struct{ VerifyDomain struct{ Status string } }
		r.Decode(t, &out)
		require.Equal(t, "verified", out.VerifyDomain.Status)
	})
}
