package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"

	"github.com/dakkah/cityos/ent/membership"
	"github.com/dakkah/cityos/ent/store"
	"github.com/dakkah/cityos/ent/tenant"
	"github.com/dakkah/cityos/seed"
	"github.com/dakkah/cityos/tenancy"
	"github.com/dakkah/cityos/viewer"
)

func runAdmin(ctx context.Context, log *slog.Logger, args []string) error {
	if len(args) == 0 || args[0] != "create-user" {
		return errors.New("usage: cityos admin create-user --email E --password P --role ROLE [--tenant HANDLE] [--store HANDLE]")
	}
	fs := flag.NewFlagSet("create-user", flag.ContinueOnError)
	email := fs.String("email", "", "e-mail to sign in with")
	password := fs.String("password", "", "password (at least 8 characters)")
	role := fs.String("role", "super_admin", "super_admin, tenant_admin, store_manager or customer")
	tenantHandle := fs.String("tenant", "", "tenant handle, for tenant roles")
	storeHandle := fs.String("store", "", "store handle within the tenant, for store_manager")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	app, err := open(ctx, log, false)
	if err != nil {
		return err
	}
	defer app.Close()
	ctx = viewer.SystemContext(ctx, "cli-admin")
	var tenantID, storeID *int
	if *tenantHandle != "" {
		t, err := app.Client.Tenant.Query().Where(tenant.Handle(*tenantHandle)).Only(ctx)
		if err != nil {
			return fmt.Errorf("tenant %q: %w", *tenantHandle, err)
		}
		tenantID = &t.ID
		if *storeHandle != "" {
			s, err := app.Client.Store.Query().Where(store.TenantID(t.ID), store.Handle(*storeHandle)).Only(ctx)
			if err != nil {
				return fmt.Errorf("store %q: %w", *storeHandle, err)
			}
			storeID, tenantID = &s.ID, nil
		}
	}
	u, err := app.Tenancy.CreateUser(ctx, tenancy.CreateUserInput{Email: *email, Password: *password})
	if err != nil {
		return err
	}
	m, err := app.Tenancy.GrantRole(ctx, u.ID, membership.Role(*role), tenantID, storeID)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stdout, "created user %s (id %d) with role %s (membership %d)\n", u.Email, u.ID, m.Role, m.ID)
	return nil
}

func runSeed(ctx context.Context, log *slog.Logger, args []string) error {
	fs := flag.NewFlagSet("seed", flag.ContinueOnError)
	demo := fs.Bool("demo", false, "load the demo data")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if !*demo {
		return errors.New("usage: cityos seed --demo")
	}
	app, err := open(ctx, log, false)
	if err != nil {
		return err
	}
	defer app.Close()
	out, err := seed.Demo(ctx, app.Client, app.Tenancy, demoPassword())
	if err != nil {
		return err
	}
	out.Print(os.Stdout)
	return nil
}

// demoPassword is CITYOS_DEMO_PASSWORD, or the documented default.
func demoPassword() string {
	if p := os.Getenv("CITYOS_DEMO_PASSWORD"); p != "" {
		return p
	}
	return seed.DefaultPassword
}
