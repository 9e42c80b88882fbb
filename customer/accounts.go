package customer

import (
	"context"
	"strings"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/auth"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/membership"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/ent/user"
	"github.com/dakkah/cityos/identity"
	"github.com/dakkah/cityos/storefront"
	"github.com/dakkah/cityos/txn"
	"github.com/dakkah/cityos/validate"
)

// Register creates a customer account in the tenant of the request's store (or storeId)
// and signs it in. The account lives in the tenant's realm: the same e-mail at another
// tenant, or as platform staff, is another account.
func (s *Service) Register(ctx context.Context, in RegisterInput) (*identity.Session, error) {
	_, tenantID, err := storefront.Shop(ctx, s.client, in.StoreID, true)
	if err != nil {
		return nil, err
	}
	email, err := validate.Email("email", in.Email)
	if err != nil {
		return nil, err
	}
	var name string
	if in.Name != nil && strings.TrimSpace(*in.Name) != "" {
		if name, err = validate.Name("name", *in.Name); err != nil {
			return nil, err
		}
	}
	hash, err := auth.HashPassword(in.Password)
	if err != nil {
		return nil, err
	}
	sys := registration(ctx)
	var u *ent.User
	err = txn.Run(sys, s.client, func(tx *ent.Tx) error {
		u, err = tx.User.Create().SetEmail(email).SetRealm(tenantID).SetPasswordHash(hash).SetName(name).Save(sys)
		if err != nil {
			return translate(err, "email", "an account with that e-mail already exists at this shop")
		}
		return tx.Membership.Create().SetUserID(u.ID).SetRole(membership.RoleCustomer).SetTenantID(tenantID).Exec(sys)
	})
	if err != nil {
		return nil, err
	}
	return s.identity.StartSession(ctx, u.Unwrap())
}

// Login signs a customer in to the tenant of the request's store (or storeId). Only that
// tenant's customer accounts are considered: staff sign in with login.
func (s *Service) Login(ctx context.Context, email, password string, storeID *int) (*identity.Session, error) {
	_, tenantID, err := storefront.Shop(ctx, s.client, storeID, false)
	if err != nil {
		return nil, err
	}
	return s.identity.LoginIn(ctx, tenantID, email, password)
}

// Customers are a tenant's customer accounts, as far as the caller may list them (its
// staff may).
func (s *Service) Customers(ctx context.Context, tenantID int) (*ent.UserQuery, error) {
	if tenantID <= 0 {
		return nil, apperr.Invalid("tenantId", "tenantId must name a tenant")
	}
	return s.client.User.Query().Where(user.Realm(tenantID)), nil
}

// Orders are a user's orders, as far as the caller may see them: a customer its own.
func (s *Service) Orders(ctx context.Context, u *ent.User) *ent.OrderQuery {
	return s.client.Order.Query().Where(order.CustomerID(u.ID))
}
