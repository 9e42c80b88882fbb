package audit

import (
	"context"
	"fmt"

	gen "github.com/dakkah/cityos/ent"
)

// load reads one row of an audited type in its JSON form.
func load(ctx context.Context, c *gen.Client, entityType string, id int) (map[string]any, error) {
	var (
		v   any
		err error
	)
	switch entityType {
	case "Tenant":
		v, err = c.Tenant.Get(ctx, id)
	case "Store":
		v, err = c.Store.Get(ctx, id)
	case "Domain":
		v, err = c.Domain.Get(ctx, id)
	case "Membership":
		v, err = c.Membership.Get(ctx, id)
	case "APIKey":
		v, err = c.APIKey.Get(ctx, id)
	case "Invitation":
		v, err = c.Invitation.Get(ctx, id)
	case "User":
		v, err = c.User.Get(ctx, id)
	case "Country":
		v, err = c.Country.Get(ctx, id)
	case "Scope":
		v, err = c.Scope.Get(ctx, id)
	case "Category":
		v, err = c.Category.Get(ctx, id)
	case "Subcategory":
		v, err = c.Subcategory.Get(ctx, id)
	default:
		return nil, fmt.Errorf("audit: no loader for %s", entityType)
	}
	if err != nil {
		return nil, err
	}
	return toMap(v)
}
