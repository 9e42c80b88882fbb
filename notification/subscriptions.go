package notification

import "fmt"

// RenewalFailed is the email a customer gets when a subscription's payment failed on
// every retry and the subscription was paused.
func RenewalFailed(email, storeName, item string, attempts int) Message {
	return Message{
		To:      email,
		Subject: fmt.Sprintf("%s: your subscription is paused", storeName),
		Text: fmt.Sprintf("We could not renew your subscription to %s at %s: the payment failed %d times.\n"+
			"It is paused: resume it once your payment method is in order and the next order is placed at once.\n",
			item, storeName, attempts),
	}
}
