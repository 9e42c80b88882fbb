package txn

import (
	"github.com/dakkah/cityos/apperr"
	"github.com/dakkah/cityos/ent"
)

// Conflict turns storage errors into client errors: a unique-index violation is a
// CONFLICT with a message the caller can act on; anything else passes through.
func Conflict(err error, conflictMsg string) error {
	if err == nil {
		return nil
	}
	if ent.IsConstraintError(err) {
		return apperr.New(apperr.Conflict, "%s", conflictMsg)
	}
	return err
}
