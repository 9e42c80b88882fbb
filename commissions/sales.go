package commissions

import (
	"context"
	"fmt"
	"time"

	"github.com/dakkah/cityos/commission"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/commissionline"
	"github.com/dakkah/cityos/ent/commissionrule"
	"github.com/dakkah/cityos/ent/order"
	"github.com/dakkah/cityos/ent/orderlineitem"
	"github.com/dakkah/cityos/ent/product"
	"github.com/dakkah/cityos/ent/productcategory"
	"github.com/dakkah/cityos/ent/productvariant"
	"github.com/dakkah/cityos/txn"
	"github.com/dakkah/cityos/viewer"
)

// system is the ledger's own context: lines are written by the workers, never by a person.
func system(ctx context.Context) context.Context { return viewer.SystemContext(ctx, "commissions") }

// RecordSales writes a sale line for every vendor order line of order orderID that has
// none yet (order.placed, event eventID): its gross, and the commission of the rule that
// applied when the order was placed. A line already on the ledger is left alone, so a
// redelivered event, or the same order seen twice, writes nothing more. Orders with no
// vendor orders write nothing. The sales count as captured at once when the order's
// payment already is (else on order.payment_captured, see MarkCaptured).
func (s *Service) RecordSales(ctx context.Context, eventID string, orderID int) (int, error) {
	ctx = system(ctx)
	// Every order of every store comes here; most have no vendor: one indexed read
	// answers them, without a transaction.
	split, err := s.client.OrderLineItem.Query().Where(orderlineitem.OrderID(orderID), orderlineitem.SuborderIDNotNil()).Exist(ctx)
	if err != nil || !split {
		return 0, err
	}
	created := 0
	err = txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		o, err := tx.Order.Query().Where(order.ID(orderID)).
			WithItems(func(q *ent.OrderLineItemQuery) {
				q.Where(orderlineitem.SuborderIDNotNil(), orderlineitem.VendorIDNotNil()).Order(orderlineitem.ByID())
			}).Only(ctx)
		if err != nil {
			return fmt.Errorf("commissions: order %d: %w", orderID, err)
		}
		if len(o.Edges.Items) == 0 {
			return nil
		}
		done, err := tx.CommissionLine.Query().Where(commissionline.OrderID(orderID), commissionline.KindEQ(commissionline.KindSale)).
			Select(commissionline.FieldOrderLineItemID).Ints(ctx)
		if err != nil {
			return err
		}
		rules, err := tx.CommissionRule.Query().Where(commissionrule.TenantID(o.TenantID)).All(ctx)
		if err != nil {
			return err
		}
		compRules := make([]commission.Rule, len(rules))
		for i, r := range rules {
			compRules[i] = RuleOf(r)
		}
		var captured *time.Time
		if paid(o.PaymentStatus) {
			now := s.now()
			captured = &now
		}
		skip := map[int]bool{}
		for _, id := range done {
			skip[id] = true
		}
		var todo []*ent.OrderLineItem
		for _, it := range o.Edges.Items {
			if !skip[it.ID] {
				todo = append(todo, it)
			}
		}
		if len(todo) == 0 {
			return nil
		}
		facts, err := readLineFacts(ctx, tx.Client(), o.TenantID, todo)
		if err != nil {
			return err
		}
		var builders []*ent.CommissionLineCreate
		for _, it := range todo {
			c, err := commission.For(compRules, facts.lineOf(o, it), o.CreatedAt)
			if err != nil {
				return fmt.Errorf("commissions: order %d line %d: %w", orderID, it.ID, err)
			}
			b := tx.CommissionLine.Create().SetTenantID(o.TenantID).SetKind(commissionline.KindSale).
				SetVendorID(*it.VendorID).SetSuborderID(*it.SuborderID).SetOrderID(o.ID).SetOrderLineItemID(it.ID).
				SetCurrencyCode(o.CurrencyCode).SetAmount(it.Total).SetCommission(c.Amount).SetFlat(c.Flat).
				SetEventID(eventID).SetNillableCapturedAt(captured)
			if r, ok := ruleByID(rules, c.RuleID); ok {
				b.SetRuleID(r.ID).SetBps(r.Bps)
			} else {
				b.SetBps(0)
			}
			builders = append(builders, b)
		}
		if len(builders) == 0 {
			return nil
		}
		created = len(builders)
		return tx.CommissionLine.CreateBulk(builders...).Exec(ctx)
	})
	// Two deliveries of one event at once: the unique (event_id, order_line_item_id) lets
	// one commit; the other fails here and, retried, finds the lines written.
	return created, err
}

// paid reports whether an order's payment was captured (a refund comes after a capture).
func paid(s order.PaymentStatus) bool {
	return s == order.PaymentStatusCaptured || s == order.PaymentStatusPartiallyRefunded || s == order.PaymentStatusRefunded
}

func ruleByID(rules []*ent.CommissionRule, id int) (*ent.CommissionRule, bool) {
	for _, r := range rules {
		if id != 0 && r.ID == id {
			return r, true
		}
	}
	return nil, false
}

// lineFacts are what the rules match an order's lines on, read once per order: each
// variant's product (its category and collection) and the ancestors of those categories.
type lineFacts struct {
	products map[int]*ent.Product // by variant id
	parents  map[int]*int         // category id → its parent's id
}

// readLineFacts reads the facts of items in three statements however many lines there
// are: their variants' products, then the category tree of the tenant (categories are
// few; a rule on "Food" covers a product in "Food > Spices").
func readLineFacts(ctx context.Context, c *ent.Client, tenantID int, items []*ent.OrderLineItem) (lineFacts, error) {
	f := lineFacts{products: map[int]*ent.Product{}, parents: map[int]*int{}}
	var variantIDs []int
	for _, it := range items {
		if it.VariantID != nil {
			variantIDs = append(variantIDs, *it.VariantID)
		}
	}
	if len(variantIDs) == 0 {
		return f, nil
	}
	variants, err := c.ProductVariant.Query().Where(productvariant.IDIn(variantIDs...)).
		Select(productvariant.FieldID, productvariant.FieldProductID).All(ctx)
	if err != nil {
		return f, err
	}
	productIDs := make([]int, 0, len(variants))
	for _, v := range variants {
		productIDs = append(productIDs, v.ProductID)
	}
	products, err := c.Product.Query().Where(product.IDIn(productIDs...)).
		Select(product.FieldID, product.FieldCategoryID, product.FieldCollectionID).All(ctx)
	if err != nil {
		return f, err
	}
	byID := make(map[int]*ent.Product, len(products))
	categorised := false
	for _, p := range products {
		byID[p.ID] = p
		categorised = categorised || p.CategoryID != nil
	}
	for _, v := range variants {
		if p, ok := byID[v.ProductID]; ok {
			f.products[v.ID] = p
		}
	}
	if !categorised {
		return f, nil
	}
	cats, err := c.ProductCategory.Query().Where(productcategory.TenantID(tenantID)).
		Select(productcategory.FieldID, productcategory.FieldParentID).All(ctx)
	if err != nil {
		return f, err
	}
	for _, cat := range cats {
		f.parents[cat.ID] = cat.ParentID
	}
	return f, nil
}

// lineOf is an order line as the commission sees it: its product, the product's category
// with that category's ancestors, and its collection. A line whose variant is gone is
// matched by tenant and vendor only.
func (f lineFacts) lineOf(o *ent.Order, it *ent.OrderLineItem) commission.Line {
	l := commission.Line{Amount: it.Total, Quantity: int64(it.Quantity), Currency: o.CurrencyCode,
		Tenant: o.TenantID, Vendor: *it.VendorID}
	if it.VariantID == nil {
		return l
	}
	p, ok := f.products[*it.VariantID]
	if !ok {
		return l
	}
	l.Product = p.ID
	if p.CollectionID != nil {
		l.Collection = *p.CollectionID
	}
	// The depth bound stops a cycle someone made by hand.
	for id, depth := p.CategoryID, 0; id != nil && depth < 32; depth++ {
		l.Categories = append(l.Categories, *id)
		parent, ok := f.parents[*id]
		if !ok {
			break
		}
		id = parent
	}
	return l
}
