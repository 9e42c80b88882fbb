// Package taxonomy keeps the platform-wide reference data of the control plane:
// countries, scopes, categories and subcategories. Everyone reads it; super admins
// write it (enforced by the privacy policies).
package taxonomy

import (
	"context"
	"strings"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/country"
	"github.com/dakkah/cityos/txn"
	"github.com/dakkah/cityos/validate"
)

// Service writes the taxonomy.
type Service struct{ client *ent.Client }

// New returns a Service.
func New(client *ent.Client) *Service { return &Service{client: client} }

// CountryInput is a country's code and name.
type CountryInput struct{ Code, Name string }

// ScopeInput is a scope's handle and name.
type ScopeInput struct{ Handle, Name string }

// CategoryInput is a category's handle, name and optional scope.
type CategoryInput struct {
	Handle, Name string
	ScopeID      *int
}

// SubcategoryInput is a subcategory's category, handle and name.
type SubcategoryInput struct {
	CategoryID   int
	Handle, Name string
}

// Countries lists every country by name.
func (s *Service) Countries(ctx context.Context) ([]*ent.Country, error) {
	return s.client.Country.Query().Order(ent.Asc(country.FieldName)).All(ctx)
}

func (in CountryInput) valid() (code, name string, err error) {
	if code, err = validate.Country("code", in.Code); err != nil {
		return
	}
	name, err = validate.Name("name", in.Name)
	return
}

func handleAndName(handle, name string) (string, string, error) {
	h, err := validate.Handle("handle", handle)
	if err != nil {
		return "", "", err
	}
	n, err := validate.Name("name", name)
	return h, n, err
}

func conflict(err error, what string) error {
	if ent.IsConstraintError(err) {
		return apperr.New(apperr.Conflict, "%s already exists", what)
	}
	return err
}

// run runs one write in a transaction so its audit record commits with it.
func (s *Service) run(ctx context.Context, fn func(tx *ent.Tx) error) error {
	return txn.Run(ctx, s.client, fn)
}

// CreateCountry adds a country.
func (s *Service) CreateCountry(ctx context.Context, in CountryInput) (*ent.Country, error) {
	code, name, err := in.valid()
	if err != nil {
		return nil, err
	}
	return txn.Write(ctx, s.client, func(tx *ent.Tx) (*ent.Country, error) {
		out, err := tx.Country.Create().SetCode(code).SetName(name).Save(ctx)
		return out, conflict(err, "a country with code "+code)
	})
}

// UpdateCountry changes a country.
func (s *Service) UpdateCountry(ctx context.Context, id int, in CountryInput) (*ent.Country, error) {
	code, name, err := in.valid()
	if err != nil {
		return nil, err
	}
	return txn.Write(ctx, s.client, func(tx *ent.Tx) (*ent.Country, error) {
		out, err := tx.Country.UpdateOneID(id).SetCode(code).SetName(name).Save(ctx)
		return out, conflict(err, "a country with code "+code)
	})
}

// DeleteCountry removes a country.
func (s *Service) DeleteCountry(ctx context.Context, id int) error {
	return s.run(ctx, func(tx *ent.Tx) error { return tx.Country.DeleteOneID(id).Exec(ctx) })
}

// CreateScope adds a scope.
func (s *Service) CreateScope(ctx context.Context, in ScopeInput) (*ent.Scope, error) {
	h, n, err := handleAndName(in.Handle, in.Name)
	if err != nil {
		return nil, err
	}
	return txn.Write(ctx, s.client, func(tx *ent.Tx) (*ent.Scope, error) {
		out, err := tx.Scope.Create().SetHandle(h).SetName(n).Save(ctx)
		return out, conflict(err, "a scope "+h)
	})
}

// UpdateScope changes a scope.
func (s *Service) UpdateScope(ctx context.Context, id int, in ScopeInput) (*ent.Scope, error) {
	h, n, err := handleAndName(in.Handle, in.Name)
	if err != nil {
		return nil, err
	}
	return txn.Write(ctx, s.client, func(tx *ent.Tx) (*ent.Scope, error) {
		out, err := tx.Scope.UpdateOneID(id).SetHandle(h).SetName(n).Save(ctx)
		return out, conflict(err, "a scope "+h)
	})
}

// DeleteScope removes a scope.
func (s *Service) DeleteScope(ctx context.Context, id int) error {
	return s.run(ctx, func(tx *ent.Tx) error { return tx.Scope.DeleteOneID(id).Exec(ctx) })
}

// CreateCategory adds a category.
func (s *Service) CreateCategory(ctx context.Context, in CategoryInput) (*ent.Category, error) {
	h, n, err := handleAndName(in.Handle, in.Name)
	if err != nil {
		return nil, err
	}
	return txn.Write(ctx, s.client, func(tx *ent.Tx) (*ent.Category, error) {
		out, err := tx.Category.Create().SetHandle(h).SetName(n).SetNillableScopeID(in.ScopeID).Save(ctx)
		return out, conflict(err, "a category "+h)
	})
}

// UpdateCategory changes a category.
func (s *Service) UpdateCategory(ctx context.Context, id int, in CategoryInput) (*ent.Category, error) {
	h, n, err := handleAndName(in.Handle, in.Name)
	if err != nil {
		return nil, err
	}
	return txn.Write(ctx, s.client, func(tx *ent.Tx) (*ent.Category, error) {
		u := tx.Category.UpdateOneID(id).SetHandle(h).SetName(n).ClearScopeID()
		if in.ScopeID != nil {
			u.SetScopeID(*in.ScopeID)
		}
		out, err := u.Save(ctx)
		return out, conflict(err, "a category "+h)
	})
}

// DeleteCategory removes a category.
func (s *Service) DeleteCategory(ctx context.Context, id int) error {
	return s.run(ctx, func(tx *ent.Tx) error {
		return conflict(tx.Category.DeleteOneID(id).Exec(ctx), "subcategories of this category")
	})
}

// CreateSubcategory adds a subcategory.
func (s *Service) CreateSubcategory(ctx context.Context, in SubcategoryInput) (*ent.Subcategory, error) {
	h, n, err := handleAndName(in.Handle, in.Name)
	if err != nil {
		return nil, err
	}
	return txn.Write(ctx, s.client, func(tx *ent.Tx) (*ent.Subcategory, error) {
		out, err := tx.Subcategory.Create().SetCategoryID(in.CategoryID).SetHandle(h).SetName(n).Save(ctx)
		return out, conflict(err, "a subcategory "+strings.ToLower(h)+" in that category")
	})
}

// UpdateSubcategory changes a subcategory.
func (s *Service) UpdateSubcategory(ctx context.Context, id int, in SubcategoryInput) (*ent.Subcategory, error) {
	h, n, err := handleAndName(in.Handle, in.Name)
	if err != nil {
		return nil, err
	}
	return txn.Write(ctx, s.client, func(tx *ent.Tx) (*ent.Subcategory, error) {
		out, err := tx.Subcategory.UpdateOneID(id).SetCategoryID(in.CategoryID).SetHandle(h).SetName(n).Save(ctx)
		return out, conflict(err, "a subcategory "+h+" in that category")
	})
}

// DeleteSubcategory removes a subcategory.
func (s *Service) DeleteSubcategory(ctx context.Context, id int) error {
	return s.run(ctx, func(tx *ent.Tx) error { return tx.Subcategory.DeleteOneID(id).Exec(ctx) })
}
