package access_test

import (
	"context"
	"testing"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/integrationendpoint"
	"github.com/dakkah/cityos/ent/syncjob"
)

// addSyncJobs gives each fixture endpoint a finished full sync, and tenant A a
// reconciliation run. A job's cursor_entity carries its label ("A erp") so a row reads
// which job it is.
func addSyncJobs(ctx context.Context, c *ent.Client) {
	eps, err := c.IntegrationEndpoint.Query().All(ctx)
	if err != nil {
		panic(err)
	}
	for _, ep := range eps {
		if err := c.SyncJob.Create().SetTenantID(ep.TenantID).SetEndpointID(ep.ID).SetNillableStoreID(ep.StoreID).
			SetKind(syncjob.KindFull).SetStatus(syncjob.StatusSucceeded).SetCursorEntity(ep.Description).Exec(ctx); err != nil {
			panic(err)
		}
		if ep.Description == "A erp" {
			if err := c.SyncJob.Create().SetTenantID(ep.TenantID).SetKind(syncjob.KindReconcile).
				SetStatus(syncjob.StatusSucceeded).SetCursorEntity("A reconcile").Exec(ctx); err != nil {
				panic(err)
			}
		}
	}
}

func endpointID(f *fx, description string) int {
	return f.DB.Client.IntegrationEndpoint.Query().Where(integrationendpoint.Description(description)).OnlyIDX(sysCtx())
}

func syncJobID(f *fx, label string) int {
	return f.DB.Client.SyncJob.Query().Where(syncjob.CursorEntity(label)).OnlyIDX(sysCtx())
}

func syncQueryCases() []Case {
	forbidden, unauthenticated := Deny("FORBIDDEN"), Deny("UNAUTHENTICATED")
	const list = `{ syncJobs(first: 50) { totalCount edges { node { cursorEntity kind status tenant { handle } } } } }`
	jobNode := func(label string) func(testing.TB, *fx) map[string]any {
		return func(_ testing.TB, f *fx) map[string]any { return map[string]any{"id": gid(syncJobID(f, label))} }
	}
	const node = `query($id: ID!) { node(id: $id) { id ... on SyncJob { cursorEntity sent total } } }`
	return []Case{
		{
			Name: "syncJobs",
			Op:   list,
			Expect: Cells{
				SA: Filtered(Set("syncJobs", "cursorEntity", "A erp", "A1 search", "B crm", "A reconcile")),
				TA: Filtered(Set("syncJobs", "cursorEntity", "A erp", "A1 search", "A reconcile")),
				SM: Filtered(Set("syncJobs", "cursorEntity", "A1 search")),
				CU: forbidden,
				PK: unauthenticated,
				SK: Filtered(Set("syncJobs", "cursorEntity", "B crm"), Eq("syncJobs.edges.0.node.tenant.handle", "bolt")),
				AN: unauthenticated,
			},
		},
		{
			Name: "syncJobs/endpoint A erp",
			Op:   `query($e: ID!) { syncJobs(endpointId: $e, first: 50) { totalCount edges { node { cursorEntity } } } }`,
			Vars: func(_ testing.TB, f *fx) map[string]any { return map[string]any{"e": gid(endpointID(f, "A erp"))} },
			Expect: Cells{
				SA: Filtered(Set("syncJobs", "cursorEntity", "A erp")),
				TA: Filtered(Set("syncJobs", "cursorEntity", "A erp")),
				SM: Filtered(Set("syncJobs", "cursorEntity")),
				CU: forbidden,
				PK: unauthenticated,
				SK: Filtered(Set("syncJobs", "cursorEntity")),
				AN: unauthenticated,
			},
		},
		{
			Name: "node/sync job A1 search",
			Op:   node,
			Vars: jobNode("A1 search"),
			Expect: Cells{
				SA: Filtered(Eq("node.cursorEntity", "A1 search")),
				TA: Filtered(Eq("node.cursorEntity", "A1 search")),
				SM: Filtered(Eq("node.cursorEntity", "A1 search")),
				CU: forbidden,
				PK: unauthenticated,
				SK: Deny("NOT_FOUND"),
				AN: unauthenticated,
			},
		},
	}
}

func syncMutationCases() []Case {
	forbidden, notFound, unauthenticated := Deny("FORBIDDEN"), Deny("NOT_FOUND"), Deny("UNAUTHENTICATED")
	const start = `mutation($e: ID!) { startSync(endpointId: $e, kind: full) { kind status endpoint { description } tenant { handle } } }`
	on := func(description string) func(testing.TB, *fx) map[string]any {
		return func(_ testing.TB, f *fx) map[string]any { return map[string]any{"e": gid(endpointID(f, description))} }
	}
	queued := func(description, tenant string) Outcome {
		return Allow(Eq("startSync.status", "queued"), Eq("startSync.endpoint.description", description),
			Eq("startSync.tenant.handle", tenant))
	}
	return []Case{
		{
			Name: "startSync/A erp",
			Op:   start,
			Vars: on("A erp"),
			Expect: Cells{SA: queued("A erp", "acme"), TA: queued("A erp", "acme"), SM: notFound, CU: forbidden,
				PK: unauthenticated, SK: notFound, AN: unauthenticated, VA1: notFound, VA2: notFound},
		},
		{
			// Its store's managers see the endpoint, and may not start its syncs.
			Name: "startSync/A1 search",
			Op:   start,
			Vars: on("A1 search"),
			Expect: Cells{SA: queued("A1 search", "acme"), TA: queued("A1 search", "acme"), SM: forbidden, CU: forbidden,
				PK: unauthenticated, SK: notFound, AN: unauthenticated, VA1: notFound, VA2: notFound},
		},
		{
			Name: "startSync/B crm",
			Op:   start,
			Vars: on("B crm"),
			Expect: Cells{SA: queued("B crm", "bolt"), TA: notFound, SM: notFound, CU: forbidden,
				PK: unauthenticated, SK: queued("B crm", "bolt"), AN: unauthenticated, VA1: notFound, VA2: notFound},
		},
	}
}
