package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"

	"golang.org/x/sync/errgroup"

	"github.com/dakkah/cityos/config"
	"github.com/dakkah/cityos/platform"
	"github.com/dakkah/cityos/server"
	"github.com/dakkah/cityos/workers"
)

func open(ctx context.Context, log *slog.Logger, migrate bool) (*platform.App, error) {
	cfg, err := config.FromEnv()
	if err != nil {
		return nil, err
	}
	return platform.Open(ctx, cfg, log, migrate)
}

func runServe(ctx context.Context, log *slog.Logger, api, work bool) error {
	app, err := open(ctx, log, false)
	if err != nil {
		return err
	}
	defer app.Close()
	g, ctx := errgroup.WithContext(ctx)
	if api {
		if err := app.ListenForChanges(ctx); err != nil {
			return err
		}
		announce(log, app)
		g.Go(func() error {
			err := server.Serve(ctx, ":"+app.Config.Port, app.Handler(), log)
			if errors.Is(err, http.ErrServerClosed) {
				return nil
			}
			return err
		})
	}
	if work {
		g.Go(func() error { return workers.Run(ctx, app.RedisAddr, app.WorkerDeps()) })
	}
	return g.Wait()
}

func announce(log *slog.Logger, app *platform.App) {
	c := app.Config
	mode := "production (PostgreSQL, Redis)"
	db := "postgres"
	if c.Embedded() {
		mode, db = "embedded (SQLite file, in-process Redis)", c.SQLitePath()
	} else if c.RedisURL == "" {
		mode = "PostgreSQL with in-process Redis"
	}
	base := "http://localhost:" + c.Port
	log.Info("CityOS Commerce is up",
		"mode", mode, "database", db, "env", c.Env,
		"graphql", base+"/graphql", "health", base+"/healthz", "metrics", base+"/metrics",
		"storefront_example", "http://saudi-traditional."+c.PlatformDomain+":"+c.Port,
		"next", "run `cityos seed --demo` for demo tenants and logins, then open "+base+"/graphql")
}

func runMigrate(ctx context.Context, log *slog.Logger) error {
	app, err := open(ctx, log, true)
	if err != nil {
		return err
	}
	defer app.Close()
	log.Info("database schema is up to date")
	return nil
}
