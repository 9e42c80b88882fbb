package notification

import (
	"fmt"
	"strings"
)

// RenewalFailed is the email a customer gets when a subscription's renewal failed on
// every retry (its payment declined, its item out of stock…) and the subscription was
// paused. reason is why the last try failed, as the API would have told the customer;
// empty when it is not known.
func RenewalFailed(email, storeName, item string, attempts int, reason string) Message {
	why := "."
	if reason != "" {
		why = ": " + strings.TrimSuffix(reason, ".") + "."
	}
	return Message{
		To:      email,
		Subject: fmt.Sprintf("%s: your subscription is paused", storeName),
		Text: fmt.Sprintf("We could not renew your subscription to %s at %s after %d tries%s\n"+
			"It is paused: resume it once that is resolved, and the next order is placed at once.\n",
			item, storeName, attempts, why),
	}
}
