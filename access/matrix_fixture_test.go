package access_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/hibiken/asynq"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/auditlog"
	"github.com/dakkah/cityos/ent/inboundwebhook"
	"github.com/dakkah/cityos/ent/membership"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/ent/tenant"
	"github.com/dakkah/cityos/outbox"
	"github.com/dakkah/cityos/taxonomy"
	"github.com/dakkah/cityos/tenancy"
	"github.com/dakkah/cityos/testenv"
	"github.com/dakkah/cityos/viewer"
)

// fx is the shared fixture with its catalog (testenv.Commerce) plus the rows the matrix
// needs to tell filters apart: a suspended tenant C ("cobalt", store c1), an inactive
// store a3 in A, a pending domain past its verification window on A1 and on B1, some
// taxonomy, a user with no role, and the shoppers, carts and orders of commerceFx.
type fx struct {
	*testenv.Commerce
	DB *testenv.DB
	commerceFx

	TenantC                        *ent.Tenant
	StoreA3, StoreC1               *ent.Store
	StaleDomainA1, StaleDomainB1   *ent.Domain
	CountrySA, CountryAE           *ent.Country
	ScopeRetail, ScopeSpare        *ent.Scope
	CategoryApparel, CategorySpare *ent.Category
	SubShirts                      *ent.Subcategory
	Newbie                         *ent.User
	MembershipAdminB               *ent.Membership
	AuditA1, AuditB                *ent.AuditLog
	EndpointAErp                   int
}

// offline keeps the API's webhooks to itself: every attempt fails at once without a
// request, and replays queue on a queue of their own, removed afterwards.
func offline(t testing.TB, api *testenv.API) {
	queue := fmt.Sprintf("matrix-webhooks-%d-%p", time.Now().UnixNano(), api)
	api.App.Webhooks.HTTP = &http.Client{Transport: noNetwork{}}
	api.App.Webhooks.QueueOptions = []asynq.Option{asynq.Queue(queue)}
	t.Cleanup(func() { _ = asynq.NewInspectorFromRedisClient(api.App.Redis).DeleteQueue(queue, true) })
}

type noNetwork struct{}

func (noNetwork) RoundTrip(*http.Request) (*http.Response, error) {
	return nil, errors.New("the authorization matrix makes no outbound request")
}

func sysCtx() context.Context {
	return viewer.SystemContext(context.Background(), "authorization-matrix")
}

func newFx(t testing.TB, db *testenv.DB) *fx {
	t.Helper()
	f := &fx{Commerce: testenv.NewCommerce(t, db), DB: db}
	ctx := sysCtx()
	svc, tax, c := f.API.App.Tenancy, f.API.App.Taxonomy, db.Client
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("matrix fixture: %v", err)
		}
	}
	ptr := func(s string) *string { return &s }
	var err error
	suspended, inactive := tenant.StatusSuspended, store.StatusInactive
	f.TenantC, err = svc.CreateTenant(ctx, tenancy.CreateTenantInput{Handle: "cobalt", Name: "Cobalt", Status: &suspended,
		Subdomain: ptr("cobalt"), BillingEmail: ptr("billing@cobalt.test"), Metadata: map[string]any{"secret": "c-meta"}})
	must(err)
	f.StoreC1, err = svc.CreateStore(ctx, tenancy.CreateStoreInput{TenantID: f.TenantC.ID, Handle: "c1", Name: "C One", Subdomain: ptr("c1")})
	must(err)
	f.StoreA3, err = svc.CreateStore(ctx, tenancy.CreateStoreInput{TenantID: f.TenantA.ID, Handle: "a3", Name: "A Three", Subdomain: ptr("a3"), Status: &inactive})
	must(err)
	stale := func(s *ent.Store, host string) *ent.Domain {
		d, err := c.Domain.Create().SetTenantID(s.TenantID).SetStoreID(s.ID).SetHostname(host).
			SetVerificationToken("stale-token").SetCreatedAt(time.Now().Add(-2 * tenancy.DefaultVerificationWindow)).Save(ctx)
		must(err)
		return d
	}
	// .onion: Go's resolver answers "no such host" for it without asking DNS (RFC 7686),
	// so verifying these domains is quick and deterministic, online or not.
	f.StaleDomainA1 = stale(f.StoreA1, "stale.acme.onion")
	f.StaleDomainB1 = stale(f.StoreB1, "stale.bolt.onion")

	f.CountrySA, err = tax.CreateCountry(ctx, taxonomy.CountryInput{Code: "SA", Name: "Saudi Arabia"})
	must(err)
	f.CountryAE, err = tax.CreateCountry(ctx, taxonomy.CountryInput{Code: "AE", Name: "United Arab Emirates"})
	must(err)
	f.ScopeRetail, err = tax.CreateScope(ctx, taxonomy.ScopeInput{Handle: "retail", Name: "Retail"})
	must(err)
	f.ScopeSpare, err = tax.CreateScope(ctx, taxonomy.ScopeInput{Handle: "spare", Name: "Spare"})
	must(err)
	f.CategoryApparel, err = tax.CreateCategory(ctx, taxonomy.CategoryInput{Handle: "apparel", Name: "Apparel", ScopeID: &f.ScopeRetail.ID})
	must(err)
	f.CategorySpare, err = tax.CreateCategory(ctx, taxonomy.CategoryInput{Handle: "spare", Name: "Spare"})
	must(err)
	f.SubShirts, err = tax.CreateSubcategory(ctx, taxonomy.SubcategoryInput{CategoryID: f.CategoryApparel.ID, Handle: "shirts", Name: "Shirts"})
	must(err)

	f.Newbie, err = svc.CreateUser(ctx, tenancy.CreateUserInput{Email: "newbie@example.test", Password: testenv.Password})
	must(err)
	f.MembershipAdminB, err = c.Membership.Query().Where(membership.UserID(f.Users[testenv.TenantAdminB].ID)).Only(ctx)
	must(err)
	f.AuditA1, err = c.AuditLog.Query().Where(auditlog.StoreID(f.StoreA1.ID), auditlog.EntityType("Store")).First(ctx)
	must(err)
	f.AuditB, err = c.AuditLog.Query().Where(auditlog.TenantID(f.TenantB.ID), auditlog.EntityType("Tenant")).First(ctx)
	must(err)
	// Each endpoint has one dead delivery, its error naming the endpoint, and one inbound
	// webhook it received, named like the endpoint; and a Stripe event, which is the
	// platform's.
	endpoint := func(tenantID int, storeID *int, desc string) int {
		ep, err := c.IntegrationEndpoint.Create().SetTenantID(tenantID).SetNillableStoreID(storeID).SetDescription(desc).
			SetURL("https://hooks.example.com/" + strconv.Itoa(tenantID)).SetEventTypes([]string{"*"}).
			SetSecret("whsec_bWF0cml4").Save(ctx)
		must(err)
		ev, err := c.OutboxEvent.Create().SetTenantID(tenantID).SetNillableStoreID(storeID).SetTopic("order.placed").
			SetPayload(map[string]any{"orderId": 1}).SetPublishedAt(time.Now()).Save(ctx)
		must(err)
		must(c.WebhookDelivery.Create().SetTenantID(tenantID).SetNillableStoreID(storeID).SetEndpointID(ep.ID).
			SetEventID(ev.ID).SetWebhookID(outbox.PublicID(ev.ID)).SetEventType("order.placed").SetAttempt(12).
			SetStatus("dead").SetError(desc + ": HTTP 500").Exec(ctx))
		must(c.InboundWebhook.Create().SetTenantID(tenantID).SetNillableStoreID(storeID).SetEndpointID(ep.ID).
			SetSource(inboundwebhook.SourceEndpoint).SetWebhookID(desc).SetType("product.upsert").
			SetStatus(inboundwebhook.StatusApplied).Exec(ctx))
		return ep.ID
	}
	f.EndpointAErp = endpoint(f.TenantA.ID, nil, "A erp")
	endpoint(f.TenantA.ID, &f.StoreA1.ID, "A1 search")
	endpoint(f.TenantB.ID, nil, "B crm")
	offline(t, f.API)
	must(c.InboundWebhook.Create().SetSource(inboundwebhook.SourceStripe).SetWebhookID("evt_stripe").
		SetType("payment_intent.succeeded").SetStatus(inboundwebhook.StatusApplied).Exec(ctx))
	addSyncJobs(ctx, c)
	// V1's own integration: it hears V1's events only, and V1's admins manage it.
	must(c.IntegrationEndpoint.Create().SetTenantID(f.TenantA.ID).SetVendorID(f.VendorV1.ID).SetDescription("V1 feed").
		SetURL("https://hooks.example.com/v1").SetEventTypes([]string{"*"}).SetSecret("whsec_djFmZWVk").Exec(ctx))
	addVendors(ctx, f)
	addLedger(ctx, f)
	addCompanies(t, ctx, f)
	addB2BHolds(ctx, f)
	addBilling(ctx, f)
	addSubscriptions(ctx, f)
	f.addCommerce(t)
	return f
}

// auditCount is the number of audit records: every change writes one.
func (f *fx) auditCount(t testing.TB) int {
	t.Helper()
	n, err := f.DB.Client.AuditLog.Query().Count(sysCtx())
	if err != nil {
		t.Fatalf("count audit log: %v", err)
	}
	return n
}

func gid(id int) string { return strconv.Itoa(id) }

// refreshTokenOf signs a user in and returns the session's refresh token.
func (f *fx) refreshTokenOf(t testing.TB, email string) string {
	t.Helper()
	s, err := f.API.App.Identity.Login(context.Background(), email, testenv.Password)
	if err != nil {
		t.Fatalf("login %s: %v", email, err)
	}
	return s.RefreshToken
}
