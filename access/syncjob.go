package access

import (
	"context"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/predicate"
	"github.com/dakkah/cityos/ent/syncjob"
	"github.com/dakkah/cityos/viewer"
)

// SyncJobPolicy follows the endpoints': a sync job sends an endpoint a tenant's data, so
// only the tenant's admins start one; store managers read the jobs of the endpoints
// limited to their stores (the job keeps the endpoint's store for this). Reconciliation
// jobs have no store: tenant admins read them. Progress is written by the workers in the
// system context.
func SyncJobPolicy() ent.Policy {
	return storeRows[predicate.SyncJob]{
		kind: "sync jobs",
		visible: func(v *viewer.Viewer) (predicate.SyncJob, bool) {
			return staffScoped(v, syncjob.TenantIDIn, syncjob.StoreIDIn, syncjob.Or)
		},
		where: func(q ent.Query, p predicate.SyncJob) { q.(*ent.SyncJobQuery).Where(p) },
		load: func(ctx context.Context, c *ent.Client, id int) (rowScope, error) {
			j, err := c.SyncJob.Get(ctx, id)
			if err != nil {
				return rowScope{}, err
			}
			s := rowScope{TenantID: j.TenantID}
			if j.StoreID != nil {
				s.StoreID = *j.StoreID
			}
			return s, nil
		},
		managersMay: func(ent.Op) bool { return false },
	}.policy()
}
