package notification

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
)

// Order is what an order email says about an order.
type Order struct {
	Email          string
	StoreName      string
	DisplayID      int
	Currency       string
	Lines          []OrderLine
	Subtotal       int64
	ShippingTotal  int64
	TaxTotal       int64
	Total          int64
	ShippingMethod string
}

// OrderLine is one line of an order email; Total is in minor units.
type OrderLine struct {
	Title    string
	SKU      string
	Quantity int
	Total    int64
}

// OrderConfirmation is the email a customer gets when an order is placed.
func OrderConfirmation(o Order) Message {
	subject := fmt.Sprintf("%s: order #%d confirmed", o.StoreName, o.DisplayID)
	var text strings.Builder
	fmt.Fprintf(&text, "Thank you for your order at %s.\n\nOrder #%d\n\n", o.StoreName, o.DisplayID)
	for _, l := range o.Lines {
		fmt.Fprintf(&text, "%d × %s — %s\n", l.Quantity, l.Title, FormatMoney(l.Total, o.Currency))
	}
	fmt.Fprintf(&text, "\nSubtotal: %s\nShipping: %s\nTax: %s\nTotal: %s\n",
		FormatMoney(o.Subtotal, o.Currency), FormatMoney(o.ShippingTotal, o.Currency),
		FormatMoney(o.TaxTotal, o.Currency), FormatMoney(o.Total, o.Currency))
	return Message{To: o.Email, Subject: subject, Text: text.String(), HTML: render(confirmationHTML, o)}
}

// ShippingNotice is the email a customer gets when an order ships.
func ShippingNotice(o Order) Message {
	subject := fmt.Sprintf("%s: order #%d has shipped", o.StoreName, o.DisplayID)
	var text strings.Builder
	fmt.Fprintf(&text, "Good news: your order #%d from %s is on its way.\n", o.DisplayID, o.StoreName)
	if o.ShippingMethod != "" {
		fmt.Fprintf(&text, "Shipping method: %s\n", o.ShippingMethod)
	}
	text.WriteString("\n")
	for _, l := range o.Lines {
		fmt.Fprintf(&text, "%d × %s\n", l.Quantity, l.Title)
	}
	return Message{To: o.Email, Subject: subject, Text: text.String(), HTML: render(shippedHTML, o)}
}

var funcs = template.FuncMap{"money": FormatMoney}

var confirmationHTML = template.Must(template.New("confirmation").Funcs(funcs).Parse(`<p>Thank you for your order at {{.StoreName}}.</p>
<h2>Order #{{.DisplayID}}</h2>
<table>
{{- range .Lines}}
<tr><td>{{.Quantity}} × {{.Title}}</td><td>{{money .Total $.Currency}}</td></tr>
{{- end}}
<tr><td>Subtotal</td><td>{{money .Subtotal .Currency}}</td></tr>
<tr><td>Shipping</td><td>{{money .ShippingTotal .Currency}}</td></tr>
<tr><td>Tax</td><td>{{money .TaxTotal .Currency}}</td></tr>
<tr><th>Total</th><th>{{money .Total .Currency}}</th></tr>
</table>
`))

var shippedHTML = template.Must(template.New("shipped").Parse(`<p>Good news: your order #{{.DisplayID}} from {{.StoreName}} is on its way.</p>
{{- if .ShippingMethod}}
<p>Shipping method: {{.ShippingMethod}}</p>
{{- end}}
<ul>
{{- range .Lines}}
<li>{{.Quantity}} × {{.Title}}</li>
{{- end}}
</ul>
`))

func render(t *template.Template, o Order) string {
	var b bytes.Buffer
	if err := t.Execute(&b, o); err != nil {
		return "" // the text part still carries the message
	}
	return b.String()
}
