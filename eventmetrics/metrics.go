// Package eventmetrics measures the event pipeline for Prometheus: events relayed from
// the outbox, webhook deliveries, retries and dead deliveries, live subscription clients
// (counted by the code that does the work), and, computed at each scrape, the outbox lag
// and the depth of the queues. The metrics register on a registry the caller gives, like
// the HTTP metrics, so an API and a worker in one process share one /metrics.
package eventmetrics

import "github.com/prometheus/client_golang/prometheus"

// Metrics are the counters the pipeline's code moves. A nil *Metrics counts nothing, so
// code under test needs no registry.
type Metrics struct {
	relayed             prometheus.Counter
	deliveries          *prometheus.CounterVec
	retries             prometheus.Counter
	dead                prometheus.Counter
	subscriptionClients prometheus.Gauge
}

// New registers the pipeline's counters with reg; it panics if they are already there
// (a wiring bug).
func New(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		relayed: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "events_relayed_total",
			Help: "Outbox events handed to the queue.",
		}),
		deliveries: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "webhook_deliveries_total",
			Help: "Webhook delivery attempts by outcome (the status of their WebhookDelivery row).",
		}, []string{"status"}),
		retries: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "webhook_retries_total",
			Help: "Webhook deliveries scheduled for another attempt.",
		}),
		dead: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "webhook_dead_deliveries_total",
			Help: "Webhook deliveries given up after their last attempt.",
		}),
		subscriptionClients: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "subscription_clients",
			Help: "GraphQL subscriptions open on this instance.",
		}),
	}
	reg.MustRegister(m.relayed, m.deliveries, m.retries, m.dead, m.subscriptionClients)
	return m
}

// Relayed counts n events handed to the queue.
func (m *Metrics) Relayed(n int) {
	if m != nil && n > 0 {
		m.relayed.Add(float64(n))
	}
}

// Delivery counts one delivery attempt that ended with status. Statuses come from the
// delivery's own small set (succeeded, failed, …), never from a receiver's answer, so
// the number of series stays bounded.
func (m *Metrics) Delivery(status string) {
	if m != nil {
		m.deliveries.WithLabelValues(status).Inc()
	}
}

// Retry counts a delivery scheduled for another attempt.
func (m *Metrics) Retry() {
	if m != nil {
		m.retries.Inc()
	}
}

// Dead counts a delivery given up for good.
func (m *Metrics) Dead() {
	if m != nil {
		m.dead.Inc()
	}
}

// SubscriptionOpened counts a subscription client in; call SubscriptionClosed when it
// ends, however it ends.
func (m *Metrics) SubscriptionOpened() {
	if m != nil {
		m.subscriptionClients.Inc()
	}
}

// SubscriptionClosed counts a subscription client out.
func (m *Metrics) SubscriptionClosed() {
	if m != nil {
		m.subscriptionClients.Dec()
	}
}
