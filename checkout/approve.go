package checkout

import (
	"context"
	"errors"
	"time"

	"github.com/dakkah/cityos/access"
	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/approvalrequest"
	"github.com/dakkah/cityos/ent/employee"
	"github.com/dakkah/cityos/ent/privacy"
	"github.com/dakkah/cityos/inventory"
	"github.com/dakkah/cityos/txn"
	"github.com/dakkah/cityos/viewer"
)

// errDecided: the request left pending meanwhile (a twin approval, a rejection, expiry).
var errDecided = errors.New("checkout: the approval request was decided meanwhile")

// request reads approval request id as the caller sees it: NOT_FOUND when they do not.
func (s *Service) request(ctx context.Context, id int) (*ent.ApprovalRequest, error) {
	r, err := s.client.ApprovalRequest.Get(ctx, id)
	if ent.IsNotFound(err) || errors.Is(err, privacy.Deny) {
		return nil, apperr.New(apperr.NotFound, "approval request not found")
	}
	return r, err
}

// Approve places the order of a pending approval request from its frozen cart: the
// lines, prices and totals the buyer checked out, the units reserved for it, paid as the
// cart was to be paid. The company's admins (and the tenant's) approve; approving again
// answers the same order. An expired request is refused: its stock is going back.
func (s *Service) Approve(ctx context.Context, id int) (*ent.Order, error) {
	r, err := s.request(ctx, id)
	if err != nil {
		return nil, err
	}
	v := viewer.FromContext(ctx)
	if err := access.MayDecideApproval(v, r.TenantID, r.CompanyID); err != nil {
		return nil, err
	}
	switch {
	case r.Status == approvalrequest.StatusApproved && r.OrderID != nil:
		return s.read(ctx, *r.OrderID, Edges{})
	case r.Status != approvalrequest.StatusPending:
		return nil, apperr.New(apperr.Conflict, "the request was %s", r.Status)
	case !s.now().Before(r.ExpiresAt):
		return nil, apperr.New(apperr.Conflict, "the request expired: the buyer checks out again")
	}
	c, err := s.client.Cart.Get(sys(ctx), r.CartID)
	if err != nil {
		return nil, err
	}
	p := planFrom(r)
	co, err := s.client.Company.Get(sys(ctx), r.CompanyID)
	if err != nil {
		return nil, err
	}
	p.buyer = &buyer{company: co, employee: &ent.Employee{UserID: r.CustomerID, Role: employee.RoleBuyer}}
	now := s.now()
	o, err := s.placeHeld(ctx, c, p, r.IdempotencyKey,
		func(ctx context.Context, tx *ent.Tx) error {
			return decide(ctx, tx, r.ID, approvalrequest.StatusApproved, v, now, nil)
		},
		func(ctx context.Context, tx *ent.Tx, orderID int) error {
			return tx.ApprovalRequest.UpdateOneID(r.ID).SetOrderID(orderID).Exec(ctx)
		})
	if errors.Is(err, errDecided) || errors.Is(err, errCartMoved) {
		return s.afterDecision(ctx, r.ID)
	}
	return o, err
}

// placeHeld places the order of plan p for held cart c with key, in one transaction with
// claim, which moves the request or quote holding the cart to its decision (or fails
// when another got there first), and link, which points it at the order. An
// authorisation made for a transaction that then failed is let go.
func (s *Service) placeHeld(ctx context.Context, c *ent.Cart, p *plan, key string,
	claim func(context.Context, *ent.Tx) error, link func(context.Context, *ent.Tx, int) error) (*ent.Order, error) {
	pay, err := s.charge(ctx, c, p)
	if err != nil {
		return nil, err
	}
	return s.placeCharged(ctx, c, p, key, pay, claim, link)
}

// placeCharged is placeHeld paid with pay (a renewal's stored payment method: see
// PlaceRenewal). The order's number is taken in the transaction, once claim has
// succeeded: a twin that loses the claim (a second approver, a second acceptance) waits
// on the claimed row and fails before it takes one, so it leaves no gap (see number.go).
func (s *Service) placeCharged(ctx context.Context, c *ent.Cart, p *plan, key string, pay *charge,
	claim func(context.Context, *ent.Tx) error, link func(context.Context, *ent.Tx, int) error) (*ent.Order, error) {
	if s.beforePlace != nil {
		s.beforePlace()
	}
	var (
		placed    *ent.Order
		reference string
	)
	err := txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		ctx := sys(ctx)
		if err := claim(ctx, tx); err != nil {
			return err
		}
		displayID, err := bump(ctx, tx, bumpCounter, c.StoreID)
		if err != nil {
			return err
		}
		placed, err = s.place(ctx, tx, c, p, displayID, key, pay, &reference)
		if err != nil {
			return err
		}
		return link(ctx, tx, placed.ID)
	})
	if err != nil {
		pay.release(ctx, reference)
		return nil, err
	}
	return placed.Unwrap(), nil
}

// afterDecision answers an approval that lost a race: the order of a request approved
// meanwhile, or why the request is no longer pending.
func (s *Service) afterDecision(ctx context.Context, id int) (*ent.Order, error) {
	r, err := s.client.ApprovalRequest.Get(sys(ctx), id)
	if err != nil {
		return nil, err
	}
	if r.Status == approvalrequest.StatusApproved && r.OrderID != nil {
		return s.read(ctx, *r.OrderID, Edges{})
	}
	return nil, apperr.New(apperr.Conflict, "the request was %s", r.Status)
}

// decide moves request id from pending to status, as v decided at now, with note: the
// conditional update makes one decision win; errDecided for the others.
func decide(ctx context.Context, tx *ent.Tx, id int, status approvalrequest.Status, v *viewer.Viewer, now time.Time, note *string) error {
	u := tx.ApprovalRequest.Update().
		Where(approvalrequest.ID(id), approvalrequest.StatusEQ(approvalrequest.StatusPending)).
		SetStatus(status).SetDecidedAt(now).SetUpdatedAt(now).SetNillableNote(note)
	if v.Kind == viewer.User {
		u.SetDecidedBy(v.UserID)
	}
	n, err := u.Save(ctx)
	if err == nil && n == 0 {
		err = errDecided
	}
	return err
}

// Reject turns a pending request down with the admin's reason: its units go back to
// stock and its cart is the buyer's to change again.
func (s *Service) Reject(ctx context.Context, id int, reason string) (*ent.ApprovalRequest, error) {
	if reason == "" || len(reason) > 1000 {
		return nil, apperr.Invalid("reason", "give the buyer a reason of 1-1000 characters")
	}
	r, err := s.request(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := access.MayDecideApproval(viewer.FromContext(ctx), r.TenantID, r.CompanyID); err != nil {
		return nil, err
	}
	return s.letGo(ctx, r, approvalrequest.StatusRejected, &reason)
}

// Cancel withdraws a pending request: the buyer who made it, or the company's admins.
func (s *Service) Cancel(ctx context.Context, id int) (*ent.ApprovalRequest, error) {
	r, err := s.request(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := access.MayActForBuyer(viewer.FromContext(ctx), r.TenantID, r.CustomerID, r.CompanyID); err != nil {
		return nil, err
	}
	return s.letGo(ctx, r, approvalrequest.StatusCanceled, nil)
}

// letGo ends pending request r without an order (rejected, canceled or expired): its
// units go back to stock and its cart is let go, in one transaction.
func (s *Service) letGo(ctx context.Context, r *ent.ApprovalRequest, status approvalrequest.Status, note *string) (*ent.ApprovalRequest, error) {
	now := s.now()
	err := txn.Run(ctx, s.client, func(tx *ent.Tx) error {
		ctx := sys(ctx)
		if err := decide(ctx, tx, r.ID, status, viewer.FromContext(ctx), now, note); err != nil {
			return err
		}
		if err := inventory.ReleaseApproval(ctx, tx, r.ID); err != nil {
			return err
		}
		return unholdCart(ctx, tx, r.CartID, now)
	})
	if errors.Is(err, errDecided) {
		r, err = s.client.ApprovalRequest.Get(sys(ctx), r.ID)
		if err == nil && r.Status != status {
			return nil, apperr.New(apperr.Conflict, "the request was %s", r.Status)
		}
		return r, err
	}
	if err != nil {
		return nil, err
	}
	return s.client.ApprovalRequest.Get(sys(ctx), r.ID)
}

// ExpireApprovals lets go every pending request whose time is up, at most batch of them
// (the next run takes the rest), and answers how many it expired.
func (s *Service) ExpireApprovals(ctx context.Context, batch int) (int, error) {
	due, err := s.client.ApprovalRequest.Query().
		Where(approvalrequest.StatusEQ(approvalrequest.StatusPending), approvalrequest.ExpiresAtLTE(s.now())).
		Order(ent.Asc(approvalrequest.FieldExpiresAt)).Limit(batch).All(sys(ctx))
	if err != nil {
		return 0, err
	}
	return expireEach(due, func(r *ent.ApprovalRequest) error {
		_, err := s.letGo(sys(ctx), r, approvalrequest.StatusExpired, nil)
		return err
	})
}

// expireEach ends each of due with end and answers how many it ended: one decided
// meanwhile (CONFLICT) is passed over, any other error stops the run.
func expireEach[T any](due []T, end func(T) error) (int, error) {
	n := 0
	for _, x := range due {
		err := end(x)
		switch {
		case apperr.CodeOf(err) == apperr.Conflict:
		case err != nil:
			return n, err
		default:
			n++
		}
	}
	return n, nil
}
