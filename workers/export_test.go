package workers

// PublishLive exposes the live-feed consumer to the external tests (the dispatch of
// events calls it in the package).
var PublishLive = Deps.publishLive

// RecordCommissions exposes the ledger's consumer to the external tests.
var RecordCommissions = Deps.recordCommissions
