package notification_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/config"
	"github.com/dakkah/cityos/notification"
)

type captured struct {
	method, path, auth, contentType string
	body                            []byte
}

func server(t *testing.T, status int, got *[]captured) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		*got = append(*got, captured{r.Method, r.URL.Path, r.Header.Get("Authorization"), r.Header.Get("Content-Type"), body})
		w.WriteHeader(status)
		if status >= 300 {
			_, _ = w.Write([]byte(`{"errors":[{"message":"boom"}]}`))
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestSendGridSendsTheMailSendRequest(t *testing.T) {
	var got []captured
	srv := server(t, http.StatusAccepted, &got)
	sg := notification.NewSendGrid(srv.URL+"/", "SG.test-key", "orders@shop.example")

	err := sg.Send(context.Background(), notification.Message{
		To: "buyer@example.com", Subject: "Order #7 confirmed", Text: "Thanks!", HTML: "<p>Thanks!</p>",
	})
	require.NoError(t, err)
	require.Len(t, got, 1)
	require.Equal(t, http.MethodPost, got[0].method)
	require.Equal(t, "/v3/mail/send", got[0].path)
	require.Equal(t, "Bearer SG.test-key", got[0].auth)
	require.Equal(t, "application/json", got[0].contentType)
	require.JSONEq(t, `{
		"personalizations": [{"to": [{"email": "buyer@example.com"}]}],
		"from": {"email": "orders@shop.example"},
		"subject": "Order #7 confirmed",
		"content": [
			{"type": "text/plain", "value": "Thanks!"},
			{"type": "text/html", "value": "<p>Thanks!</p>"}
		]
	}`, string(got[0].body))
}

func TestSendGridLeavesOutAnEmptyHTMLPart(t *testing.T) {
	var got []captured
	srv := server(t, http.StatusAccepted, &got)
	require.NoError(t, notification.NewSendGrid(srv.URL, "k", "f@x.example").Send(context.Background(),
		notification.Message{To: "a@x.example", Subject: "s", Text: "t"}))
	var body struct {
		Content []map[string]string `json:"content"`
	}
	require.NoError(t, json.Unmarshal(got[0].body, &body))
	require.Equal(t, []map[string]string{{"type": "text/plain", "value": "t"}}, body.Content)
}

func TestSendGridReportsAFailedStatus(t *testing.T) {
	var got []captured
	srv := server(t, http.StatusInternalServerError, &got)
	err := notification.NewSendGrid(srv.URL, "k", "f@x.example").Send(context.Background(),
		notification.Message{To: "a@x.example", Subject: "s", Text: "t"})
	require.Error(t, err)
	require.Contains(t, err.Error(), "500")
	require.Len(t, got, 1)
}

func TestFromConfigPicksTheProvider(t *testing.T) {
	_, isLog := notification.FromConfig(config.Config{Notifications: "log"}, nil).(notification.Log)
	require.True(t, isLog)
	_, isLog = notification.FromConfig(config.Config{}, nil).(notification.Log)
	require.True(t, isLog, "log is the default")
	sg, ok := notification.FromConfig(config.Config{Notifications: "sendgrid", SendGridAPIKey: "k", SendGridAPIBase: "http://sg.local", MailFrom: "f@x.example"}, nil).(*notification.SendGrid)
	require.True(t, ok)
	require.Equal(t, "http://sg.local", sg.Base)
	require.Equal(t, "f@x.example", sg.From)
}

func TestFormatMoney(t *testing.T) {
	for amount, want := range map[int64]string{57500: "SAR 575.00", 5: "SAR 0.05", -1250: "SAR -12.50", 0: "SAR 0.00"} {
		require.Equal(t, want, notification.FormatMoney(amount, "SAR"))
	}
	require.Equal(t, "KWD 1.500", notification.FormatMoney(1500, "KWD"))
	require.Equal(t, "JPY 300", notification.FormatMoney(300, "jpy"))
}

func TestOrderConfirmationSaysWhatWasBought(t *testing.T) {
	m := notification.OrderConfirmation(notification.Order{
		Email: "buyer@example.com", StoreName: "A <One>", DisplayID: 12, Currency: "SAR",
		Lines:    []notification.OrderLine{{Title: "Thobe", Quantity: 2, Total: 50000}},
		Subtotal: 50000, ShippingTotal: 2500, TaxTotal: 5000, Total: 57500,
	})
	require.Equal(t, "buyer@example.com", m.To)
	require.Equal(t, "A <One>: order #12 confirmed", m.Subject)
	require.Contains(t, m.Text, "2 × Thobe — SAR 500.00")
	require.Contains(t, m.Text, "Total: SAR 575.00")
	require.Contains(t, m.HTML, "A &lt;One&gt;", "HTML escapes what tenants typed")
	require.Contains(t, m.HTML, "SAR 575.00")
}
