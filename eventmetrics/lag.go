package eventmetrics

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/dakkah/cityos/ent"
	"github.com/dakkah/cityos/ent/outboxevent"
	"github.com/dakkah/cityos/viewer"
)

// scrapeTimeout bounds the queries a scrape runs: a slow database makes the series
// missing for that scrape, not the scrape hang.
const scrapeTimeout = 5 * time.Second

var (
	lagDesc = prometheus.NewDesc("outbox_lag_seconds",
		"Age of the oldest outbox event not yet relayed (0 when none waits).", nil, nil)
	unpublishedDesc = prometheus.NewDesc("outbox_unpublished_events",
		"Outbox events not yet relayed.", nil, nil)
)

// OutboxLag is a collector reading, at each scrape, how far the relay is behind. Computed
// when scraped, not by the relay, so a relay that has stopped altogether still shows.
func OutboxLag(client *ent.Client) prometheus.Collector {
	return outboxLag{client: client, now: time.Now}
}

type outboxLag struct {
	client *ent.Client
	now    func() time.Time
}

func (c outboxLag) Describe(ch chan<- *prometheus.Desc) { ch <- lagDesc; ch <- unpublishedDesc }

func (c outboxLag) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(viewer.SystemContext(context.Background(), "metrics"), scrapeTimeout)
	defer cancel()
	waiting := c.client.OutboxEvent.Query().Where(outboxevent.PublishedAtIsNil())
	n, err := waiting.Clone().Count(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(unpublishedDesc, err)
		return
	}
	ch <- prometheus.MustNewConstMetric(unpublishedDesc, prometheus.GaugeValue, float64(n))
	lag := 0.0
	if n > 0 {
		// The oldest by time, not the lowest id: a long transaction commits its event
		// after later ones.
		oldest, err := waiting.Order(outboxevent.ByCreatedAt()).First(ctx)
		if err != nil && !ent.IsNotFound(err) {
			ch <- prometheus.NewInvalidMetric(lagDesc, err)
			return
		}
		if oldest != nil {
			lag = max(0, c.now().Sub(oldest.CreatedAt).Seconds())
		}
	}
	ch <- prometheus.MustNewConstMetric(lagDesc, prometheus.GaugeValue, lag)
}
