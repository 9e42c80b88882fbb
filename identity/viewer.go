package identity

import (
	"context"
	"strings"
	"time"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/auth"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/apikey"
	"github.com/dakkah/cityos/ent/company"
	"github.com/dakkah/cityos/ent/employee"
	"github.com/dakkah/cityos/ent/membership"
	"github.com/dakkah/cityos/ent/tenant"
	"github.com/dakkah/cityos/ent/user"
	"github.com/dakkah/cityos/viewer"
)

var errBadKey = apperr.New(apperr.Unauthenticated, "invalid API key")

// UserViewer builds the viewer for a bearer access token.
func (s *Service) UserViewer(ctx context.Context, token string) (*viewer.Viewer, error) {
	claims, err := s.issuer.ParseAccess(token)
	if err != nil {
		return nil, err
	}
	u, err := s.client.User.Query().Where(user.ID(claims.UserID)).
		WithMemberships(func(q *ent.MembershipQuery) { q.WithTenant() }).Only(sys(ctx))
	if ent.IsNotFound(err) || (err == nil && u.Status != user.StatusActive) {
		return nil, apperr.New(apperr.Unauthenticated, "invalid access token")
	}
	if err != nil { // the database, not the token: not the client's to fix
		return nil, err
	}
	v := &viewer.Viewer{Kind: viewer.User, UserID: u.ID}
	for _, m := range u.Edges.Memberships {
		g := viewer.Grant{Role: viewer.Role(m.Role)}
		if m.TenantID != nil {
			g.TenantID = *m.TenantID
			g.ReadOnly = readOnly(m.Edges.Tenant)
		}
		if m.StoreID != nil {
			g.StoreID = *m.StoreID
		}
		if m.VendorID != nil {
			g.VendorID = *m.VendorID
		}
		v.Grants = append(v.Grants, g)
	}
	if u.Realm != 0 { // a customer account: it may work for one of its tenant's companies
		g, err := s.companyGrant(ctx, u.ID, v.Grants)
		if err != nil {
			return nil, err
		}
		if g != nil {
			v.Grants = append(v.Grants, *g)
		}
	}
	return v, nil
}

// companyGrant is a customer's role in the company it works for, or nil: none, or its
// employee row deactivated. The grant is read-only while the company is suspended, or
// its tenant (as the customer's own grant there says).
func (s *Service) companyGrant(ctx context.Context, userID int, grants []viewer.Grant) (*viewer.Grant, error) {
	e, err := s.client.Employee.Query().Where(employee.UserID(userID), employee.StatusEQ(employee.StatusActive)).
		WithCompany(func(q *ent.CompanyQuery) { q.Select(company.FieldStatus) }).Only(sys(ctx))
	if ent.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	g := &viewer.Grant{Role: viewer.Role(e.Role), TenantID: e.TenantID, CompanyID: e.CompanyID,
		ReadOnly: e.Edges.Company == nil || e.Edges.Company.Status == company.StatusSuspended}
	for _, c := range grants {
		if c.Role == viewer.RoleCustomer && c.TenantID == e.TenantID {
			g.ReadOnly = g.ReadOnly || c.ReadOnly
			return g, nil
		}
	}
	return nil, nil // no longer a customer of the company's tenant
}

// KeyViewer builds the viewer for an API key. wantKind says which header it came in:
// a secret key in X-Api-Key, a publishable key in X-Publishable-Key.
func (s *Service) KeyViewer(ctx context.Context, token string, wantKind apikey.Kind) (*viewer.Viewer, error) {
	if token == "" || len(token) > 200 {
		return nil, errBadKey
	}
	hash := auth.HashToken(token)
	if wantKind == apikey.KindPublishable {
		if v, ok := s.keys.get(hash, s.now()); ok {
			return v, nil
		}
	}
	k, err := s.client.APIKey.Query().Where(apikey.TokenHash(hash)).WithTenant().Only(sys(ctx))
	if ent.IsNotFound(err) {
		return nil, errBadKey
	}
	if err != nil { // the database, not the key: not the client's to fix
		return nil, err
	}
	if k.Kind != wantKind || k.RevokedAt != nil {
		return nil, errBadKey
	}
	s.touch(ctx, k)
	v := &viewer.Viewer{APIKeyID: k.ID, TenantID: k.TenantID}
	if k.Kind == apikey.KindPublishable {
		v.Kind = viewer.PublishableKey
		if k.StoreID != nil {
			v.StoreID = *k.StoreID
		}
		s.keys.put(hash, v, s.now())
		return v, nil
	}
	v.Kind = viewer.SecretKey
	for _, r := range k.Roles {
		g := viewer.Grant{Role: viewer.Role(r), TenantID: k.TenantID, ReadOnly: readOnly(k.Edges.Tenant)}
		if membership.Role(r) == membership.RoleStoreManager && k.StoreID != nil {
			g.StoreID = *k.StoreID
		}
		v.Grants = append(v.Grants, g)
	}
	return v, nil
}

// touch records when a key was last used, at most once a minute per key, so a busy key
// does not turn every request into a write.
func (s *Service) touch(ctx context.Context, k *ent.APIKey) {
	now := s.now()
	if k.LastUsedAt != nil && now.Sub(*k.LastUsedAt) < time.Minute {
		return
	}
	_ = s.client.APIKey.UpdateOneID(k.ID).SetLastUsedAt(now).Exec(sys(ctx))
}

func readOnly(t *ent.Tenant) bool {
	return t != nil && (t.Status == tenant.StatusSuspended || t.Status == tenant.StatusInactive)
}

// NormalizeEmail is an e-mail as accounts are looked up by: trimmed, lower-case.
func NormalizeEmail(e string) string { return strings.ToLower(strings.TrimSpace(e)) }

// AccessExpiry is when the access token stops being valid: a connection opened with it
// (a subscription's WebSocket) is closed then.
func (s *Service) AccessExpiry(token string) (time.Time, error) {
	claims, err := s.issuer.ParseAccess(token)
	if err != nil {
		return time.Time{}, err
	}
	return claims.ExpiresAt, nil
}
