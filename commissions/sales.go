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
	created := 0
	err := txn.Run(ctx, s.client, func(tx *ent.Tx) error {
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
		var builders []*ent.CommissionLineCreate
		for _, it := range o.Edges.Items {
			if skip[it.ID] {
				continue
			}
			line, err := lineOf(ctx, tx.Client(), o, it)
			if err != nil {
				return err
			}
			c, err := commission.For(compRules, line, o.CreatedAt)
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

// lineOf is an order line as the commission sees it: its product, the product's category
// with that category's ancestors, and its collection. A line whose variant is gone is
// matched by tenant and vendor only.
func lineOf(ctx context.Context, c *ent.Client, o *ent.Order, it *ent.OrderLineItem) (commission.Line, error) {
	l := commission.Line{Amount: it.Total, Quantity: int64(it.Quantity), Currency: o.CurrencyCode,
		Tenant: o.TenantID, Vendor: *it.VendorID}
	if it.VariantID == nil {
		return l, nil
	}
	p, err := c.Product.Query().Where(product.HasVariantsWith(productvariant.ID(*it.VariantID))).
		Select(product.FieldID, product.FieldCategoryID, product.FieldCollectionID).Only(ctx)
	if ent.IsNotFound(err) {
		return l, nil
	}
	if err != nil {
		return l, err
	}
	l.Product = p.ID
	if p.CollectionID != nil {
		l.Collection = *p.CollectionID
	}
	// A category's ancestors: a rule on "Food" covers a product in "Food > Spices". The
	// depth bound stops a cycle someone made by hand.
	for id, depth := p.CategoryID, 0; id != nil && depth < 32; depth++ {
		l.Categories = append(l.Categories, *id)
		cat, err := c.ProductCategory.Query().Where(productcategory.ID(*id)).Select(productcategory.FieldParentID).Only(ctx)
		if ent.IsNotFound(err) {
			break
		}
		if err != nil {
			return l, err
		}
		id = cat.ParentID
	}
	return l, nil
}
