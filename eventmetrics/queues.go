package eventmetrics

import (
	"github.com/hibiken/asynq"
	"github.com/prometheus/client_golang/prometheus"
)

var (
	depthDesc = prometheus.NewDesc("queue_depth",
		"Tasks in an asynq queue by state.", []string{"queue", "state"}, nil)
	latencyDesc = prometheus.NewDesc("queue_latency_seconds",
		"How long the oldest pending task of an asynq queue has waited.", []string{"queue"}, nil)
)

// QueueDepth is a collector reading, at each scrape, the size of every asynq queue in
// insp's Redis, so a backlog shows whichever process is scraped.
func QueueDepth(insp *asynq.Inspector) prometheus.Collector { return queueDepth{insp} }

type queueDepth struct{ insp *asynq.Inspector }

func (c queueDepth) Describe(ch chan<- *prometheus.Desc) { ch <- depthDesc; ch <- latencyDesc }

func (c queueDepth) Collect(ch chan<- prometheus.Metric) {
	queues, err := c.insp.Queues()
	if err != nil {
		ch <- prometheus.NewInvalidMetric(depthDesc, err)
		return
	}
	for _, q := range queues {
		info, err := c.insp.GetQueueInfo(q)
		if err != nil {
			continue // deleted between the two calls
		}
		for state, n := range map[string]int{"pending": info.Pending, "active": info.Active, "scheduled": info.Scheduled,
			"retry": info.Retry, "archived": info.Archived, "completed": info.Completed} {
			ch <- prometheus.MustNewConstMetric(depthDesc, prometheus.GaugeValue, float64(n), q, state)
		}
		ch <- prometheus.MustNewConstMetric(latencyDesc, prometheus.GaugeValue, info.Latency.Seconds(), q)
	}
}
