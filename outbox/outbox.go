// Package outbox records events in the same transaction as the change that raised them.
// Every change of an evented entity raises one (see Aggregates, Raise): package audit's
// hook, attached to every entity, reads the change once and hands it here. A relay
// worker later hands each event to the queue; a crash can delay an event but never lose
// it, and consumers de-duplicate by event id.
package outbox
