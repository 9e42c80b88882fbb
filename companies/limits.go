package companies

import (
	"context"
	"time"

	"entgo.io/ent/dialect/sql"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/company"
	"github.com/dakkah/cityos/ent/employee"
	"github.com/dakkah/cityos/ent/order"
)

// Why a buyer's checkout waits for a company admin (ApprovalRequest.reasons).
const (
	ReasonOverLimit        = "over_limit"        // the order would pass the buyer's limit for the period
	ReasonApprovalRequired = "approval_required" // the company approves every order
	ReasonAboveThreshold   = "above_threshold"   // the order's total is above the company's threshold
)

// Window is the calendar period of kind p that holds now, in time zone tz: a day from
// midnight, a week from Monday's midnight, a month from the first's. A limit counts the
// orders placed within it, so it resets at the company's midnight, not the server's.
func Window(now time.Time, tz string, p employee.SpendingPeriod) (start, end time.Time) {
	loc, err := time.LoadLocation(tz)
	if err != nil {
		loc = time.UTC // checked when the company was saved; a zone the system lost is read as UTC
	}
	t := now.In(loc)
	y, m, d := t.Date()
	switch p {
	case employee.SpendingPeriodWeek:
		back := (int(t.Weekday()) + 6) % 7 // days since Monday
		start = time.Date(y, m, d-back, 0, 0, 0, 0, loc)
		return start, start.AddDate(0, 0, 7)
	case employee.SpendingPeriodMonth:
		start = time.Date(y, m, 1, 0, 0, 0, 0, loc)
		return start, start.AddDate(0, 1, 0)
	default:
		start = time.Date(y, m, d, 0, 0, 0, 0, loc)
		return start, start.AddDate(0, 0, 1)
	}
}

// Reasons says why an order of total (minor units of the company's currency) by employee
// e of company co, who placed spent within the current period already, needs a company
// admin's approval; none when it may be placed. A company's admins are its approvers:
// their own orders wait only when they pass a limit set on them.
func Reasons(co *ent.Company, e *ent.Employee, spent, total int64) []string {
	var out []string
	if e.Role == employee.RoleBuyer {
		switch {
		case co.Approval == company.ApprovalAll:
			out = append(out, ReasonApprovalRequired)
		case co.Approval == company.ApprovalAbove && co.ApprovalThreshold != nil && total > *co.ApprovalThreshold:
			out = append(out, ReasonAboveThreshold)
		}
	}
	if e.SpendingLimit != nil && e.SpendingPeriod != nil && spent+total > *e.SpendingLimit {
		out = append(out, ReasonOverLimit)
	}
	return out
}

// Spent sums the orders employee e placed for its company in the period of its limit
// that holds now, canceled ones aside; 0 when it has no limit. Read through client (a
// transaction's, when the employee's row is locked), in the caller's context.
func Spent(ctx context.Context, client *ent.Client, co *ent.Company, e *ent.Employee, now time.Time) (int64, error) {
	if e.SpendingLimit == nil || e.SpendingPeriod == nil {
		return 0, nil
	}
	byUser, err := spentBy(ctx, client, co, *e.SpendingPeriod, []int{e.UserID}, now)
	return byUser[e.UserID], err
}

// spentBy sums, for each of the customers userIDs, the orders it placed for company co
// in the period of the given length that holds now, canceled ones aside, in one
// statement: by customer, missing when it placed none.
func spentBy(ctx context.Context, client *ent.Client, co *ent.Company, period employee.SpendingPeriod, userIDs []int, now time.Time) (map[int]int64, error) {
	start, end := Window(now, co.TimeZone, period)
	var rows []struct {
		CustomerID int           `json:"customer_id"`
		Sum        sql.NullInt64 `json:"sum"`
	}
	err := client.Order.Query().
		Where(order.CompanyID(co.ID), order.CustomerIDIn(userIDs...), order.CreatedAtGTE(start), order.CreatedAtLT(end),
			order.StatusNEQ(order.StatusCanceled)).
		GroupBy(order.FieldCustomerID).Aggregate(ent.As(ent.Sum(order.FieldTotal), "sum")).Scan(ctx, &rows)
	if err != nil {
		return nil, err
	}
	out := make(map[int]int64, len(rows))
	for _, r := range rows {
		out[r.CustomerID] = r.Sum.Int64
	}
	return out, nil
}
