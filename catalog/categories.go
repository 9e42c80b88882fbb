package catalog

import (
	"context"
	"sort"

	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/ent/productcategory"
	"github.com/dakkah/cityos/ent/productcollection"
	"github.com/dakkah/cityos/storefront"
	"github.com/dakkah/cityos/txn"
)

// Categories lists a tenant's category tree, roots first and then each level below,
// by name within a level. The tenant is the request's store's, or tenantID (see
// storefront.Tenant).
func (s *Service) Categories(ctx context.Context, tenantID *int) ([]*ent.ProductCategory, error) {
	t, err := storefront.Tenant(ctx, s.client, tenantID)
	if err != nil {
		return nil, err
	}
	cs, err := s.client.ProductCategory.Query().Where(productcategory.TenantID(t)).
		Order(ent.Asc(productcategory.FieldName), ent.Asc(productcategory.FieldID)).All(ctx)
	if err != nil {
		return nil, err
	}
	return treeOrder(cs), nil
}

// Collections lists a tenant's collections by title (the tenant as for Categories).
func (s *Service) Collections(ctx context.Context, tenantID *int) ([]*ent.ProductCollection, error) {
	t, err := storefront.Tenant(ctx, s.client, tenantID)
	if err != nil {
		return nil, err
	}
	return s.client.ProductCollection.Query().Where(productcollection.TenantID(t)).
		Order(ent.Asc(productcollection.FieldTitle), ent.Asc(productcollection.FieldID)).All(ctx)
}

// treeOrder puts categories in levels: roots first, then their children, and so on,
// keeping the given order within a level. A category whose parent is not listed counts
// as a root.
func treeOrder(cs []*ent.ProductCategory) []*ent.ProductCategory {
	pos := map[int]int{}
	for i, c := range cs {
		pos[c.ID] = i
	}
	children := map[int][]*ent.ProductCategory{}
	var level []*ent.ProductCategory
	for _, c := range cs {
		if _, listed := pos[derefInt(c.ParentID)]; c.ParentID != nil && listed && *c.ParentID != c.ID {
			children[*c.ParentID] = append(children[*c.ParentID], c)
		} else {
			level = append(level, c)
		}
	}
	out := make([]*ent.ProductCategory, 0, len(cs))
	placed := map[int]bool{}
	for len(level) > 0 {
		sort.SliceStable(level, func(i, j int) bool { return pos[level[i].ID] < pos[level[j].ID] })
		var next []*ent.ProductCategory
		for _, c := range level {
			if placed[c.ID] {
				continue
			}
			placed[c.ID] = true
			out = append(out, c)
			next = append(next, children[c.ID]...)
		}
		level = next
	}
	for _, c := range cs { // a cycle cannot be reached from a root: it goes last
		if !placed[c.ID] {
			out = append(out, c)
		}
	}
	return out
}

func derefInt(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}

// CreateCategory adds a category to a tenant's tree, under a parent of the same tenant.
func (s *Service) CreateCategory(ctx context.Context, in CategoryInput) (*ent.ProductCategory, error) {
	name, err := Text("name", in.Name, maxNameLen)
	if err != nil {
		return nil, err
	}
	handle, err := Handle("handle", in.Handle)
	if err != nil {
		return nil, err
	}
	return change(ctx, s, func(tx *ent.Tx) (*ent.ProductCategory, error) {
		if _, err := tx.Tenant.Get(ctx, in.TenantID); err != nil {
			return nil, err
		}
		if in.ParentID != nil {
			p, err := tx.ProductCategory.Get(ctx, *in.ParentID)
			if err != nil {
				return nil, err
			}
			if p.TenantID != in.TenantID {
				return nil, apperr.Invalid("parentId", "the parent category belongs to another tenant")
			}
		}
		out, err := tx.ProductCategory.Create().SetTenantID(in.TenantID).SetName(name).SetHandle(handle).
			SetNillableParentID(in.ParentID).Save(ctx)
		return out, translate(err, "the tenant already has a category with that handle")
	})
}

// DeleteCategory deletes a category. Its subcategories move up to its parent; its
// products are left without a category.
func (s *Service) DeleteCategory(ctx context.Context, id int) error {
	return txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		c, err := tx.ProductCategory.Get(ctx, id)
		if err != nil {
			return err
		}
		children := tx.ProductCategory.Update().Where(productcategory.ParentID(id))
		if c.ParentID != nil {
			children.SetParentID(*c.ParentID)
		} else {
			children.ClearParentID()
		}
		if err := children.Exec(ctx); err != nil {
			return err
		}
		if err := tx.Product.Update().Where(product.CategoryID(id)).ClearCategoryID().Exec(ctx); err != nil {
			return err
		}
		return tx.ProductCategory.DeleteOneID(id).Exec(ctx)
	})
}

// CreateCollection adds a product collection to a tenant.
func (s *Service) CreateCollection(ctx context.Context, in CollectionInput) (*ent.ProductCollection, error) {
	title, err := Text("title", in.Title, maxNameLen)
	if err != nil {
		return nil, err
	}
	handle, err := Handle("handle", in.Handle)
	if err != nil {
		return nil, err
	}
	return change(ctx, s, func(tx *ent.Tx) (*ent.ProductCollection, error) {
		if _, err := tx.Tenant.Get(ctx, in.TenantID); err != nil {
			return nil, err
		}
		out, err := tx.ProductCollection.Create().SetTenantID(in.TenantID).SetTitle(title).SetHandle(handle).Save(ctx)
		return out, translate(err, "the tenant already has a collection with that handle")
	})
}

// DeleteCollection deletes a collection; its products are left outside any collection.
func (s *Service) DeleteCollection(ctx context.Context, id int) error {
	return txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		if _, err := tx.ProductCollection.Get(ctx, id); err != nil {
			return err
		}
		if err := tx.Product.Update().Where(product.CollectionID(id)).ClearCollectionID().Exec(ctx); err != nil {
			return err
		}
		return tx.ProductCollection.DeleteOneID(id).Exec(ctx)
	})
}
