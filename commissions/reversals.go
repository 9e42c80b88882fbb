package commissions

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/dakkah/cityos/commission"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/commissionline"
	"github.com/dakkah/cityos/ent/orderlineitem"
	"github.com/dakkah/cityos/ent/suborder"
	"github.com/dakkah/cityos/txn"
)

// RecordReversals brings the reversals of vendor order suborderID up to what it has given
// back (vendor_order.refunded or vendor_order.canceled, event eventID). It reads the
// vendor order as it is now, not the event's payload: its refunded total (a cancelled one
// counts as wholly refunded), capped at the gross of its lines, is what its lines must have
// reversed in all. What is not reversed yet is spread over the lines in proportion to what
// each has left (commission.Allocate), and each line's commission is given back with
// commission.Reverse. Events handled late, twice or out of order therefore reverse each
// unit once: the later ones find nothing left to do.
//
// Refunds count against the lines before shipping and tax: the vendor's gross is its
// lines, so a refund of a vendor order reduces them first.
func (s *Service) RecordReversals(ctx context.Context, eventID string, suborderID int) (int, error) {
	ctx = system(ctx)
	created := 0
	err := txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		// Locked: two refunds handled at once would each see the other's part unreversed.
		so, err := tx.Suborder.Query().Where(suborder.ID(suborderID), txn.LockedOnPostgres).Only(ctx)
		if err != nil {
			return fmt.Errorf("commissions: vendor order %d: %w", suborderID, err)
		}
		lines, err := tx.CommissionLine.Query().Where(commissionline.SuborderID(suborderID)).
			Order(commissionline.ByOrderLineItemID(), commissionline.ByID()).All(ctx)
		if err != nil {
			return err
		}
		led := ledgerOf(lines)
		if len(led.sales) == 0 {
			// Its sales are not on the ledger yet (order.placed still queued): retried.
			if n, err := tx.OrderLineItem.Query().Where(orderlineitem.SuborderID(suborderID)).Count(ctx); err != nil || n > 0 {
				return errors.Join(err, fmt.Errorf("commissions: vendor order %d waits for its sales", suborderID))
			}
			return nil
		}
		target := so.RefundedTotal
		if so.Status == suborder.StatusCanceled || so.CanceledAt != nil {
			target = led.gross
		}
		target = min(target, led.gross)
		due := target - led.refunded
		if due <= 0 {
			return nil
		}
		left := make([]int64, len(led.sales))
		for i, sale := range led.sales {
			left[i] = sale.Amount - led.refundedOf[sale.OrderLineItemID]
		}
		shares, err := commission.Allocate(due, left)
		if err != nil {
			return fmt.Errorf("commissions: vendor order %d: %w", suborderID, err)
		}
		now := s.now()
		var builders []*ent.CommissionLineCreate
		for i, sale := range led.sales {
			if shares[i] == 0 {
				continue
			}
			so := led.refundedOf[sale.OrderLineItemID]
			back, err := commission.Reverse(commission.Commission{Amount: sale.Commission}, sale.Amount, so, shares[i])
			if err != nil {
				return fmt.Errorf("commissions: line %d: %w", sale.OrderLineItemID, err)
			}
			// A reversal of a sale not yet captured waits with it: neither counts until
			// the payment is (see MarkCaptured), so a sale cancelled unpaid nets to nothing.
			var at *time.Time
			if sale.CapturedAt != nil {
				at = &now
			}
			builders = append(builders, tx.CommissionLine.Create().SetTenantID(sale.TenantID).
				SetKind(commissionline.KindReversal).SetVendorID(sale.VendorID).SetSuborderID(sale.SuborderID).
				SetOrderID(sale.OrderID).SetOrderLineItemID(sale.OrderLineItemID).SetNillableRuleID(sale.RuleID).
				SetCurrencyCode(sale.CurrencyCode).SetAmount(shares[i]).SetCommission(back).SetBps(sale.Bps).
				SetFlat(sale.Flat).SetEventID(eventID).SetNillableCapturedAt(at))
		}
		created = len(builders)
		return tx.CommissionLine.CreateBulk(builders...).Exec(ctx)
	})
	return created, err
}

// suborderLedger is what a vendor order's lines have recorded: its sales in line order,
// and per order line what was reversed so far.
type suborderLedger struct {
	sales           []*ent.CommissionLine
	refundedOf      map[int]int64
	gross, refunded int64
}

func ledgerOf(lines []*ent.CommissionLine) suborderLedger {
	l := suborderLedger{refundedOf: map[int]int64{}}
	for _, c := range lines {
		if c.Kind == commissionline.KindSale {
			l.sales = append(l.sales, c)
			l.gross += c.Amount
			continue
		}
		l.refundedOf[c.OrderLineItemID] += c.Amount
		l.refunded += c.Amount
	}
	return l
}

// MarkCaptured counts order orderID's sales from now (order.payment_captured), and the
// reversals that waited for them. Lines already captured keep their time.
func (s *Service) MarkCaptured(ctx context.Context, orderID int) (int, error) {
	ctx = system(ctx)
	return s.client.CommissionLine.Update().
		Where(commissionline.OrderID(orderID), commissionline.CapturedAtIsNil()).
		SetCapturedAt(s.now()).Save(ctx)
}
