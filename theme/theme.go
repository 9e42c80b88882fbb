// Package theme holds a store's visual identity: colours, fonts and brand images.
// It is stored as JSON on the store and validated before every write.
package theme

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/dakkah/cityos/apperr"
)

// Colors are hex colours in #rrggbb form.
type Colors struct {
	Primary   string `json:"primary,omitempty"`
	Secondary string `json:"secondary,omitempty"`
	Accent    string `json:"accent,omitempty"`
}

// Fonts name the typefaces a storefront uses.
type Fonts struct {
	Heading string `json:"heading,omitempty"`
	Body    string `json:"body,omitempty"`
}

// Config is a store's theme.
type Config struct {
	Colors  Colors `json:"colors"`
	Fonts   Fonts  `json:"fonts"`
	Logo    string `json:"logo,omitempty"`
	Favicon string `json:"favicon,omitempty"`
}

var hexColor = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// Normalize lower-cases colours and trims names, so equal themes compare equal.
func (c Config) Normalize() Config {
	c.Colors.Primary = strings.ToLower(strings.TrimSpace(c.Colors.Primary))
	c.Colors.Secondary = strings.ToLower(strings.TrimSpace(c.Colors.Secondary))
	c.Colors.Accent = strings.ToLower(strings.TrimSpace(c.Colors.Accent))
	c.Fonts.Heading = strings.TrimSpace(c.Fonts.Heading)
	c.Fonts.Body = strings.TrimSpace(c.Fonts.Body)
	c.Logo = strings.TrimSpace(c.Logo)
	c.Favicon = strings.TrimSpace(c.Favicon)
	return c
}

// Validate reports the first field that is not acceptable.
func (c Config) Validate() error {
	for field, v := range map[string]string{
		"theme.colors.primary":   c.Colors.Primary,
		"theme.colors.secondary": c.Colors.Secondary,
		"theme.colors.accent":    c.Colors.Accent,
	} {
		if v != "" && !hexColor.MatchString(v) {
			return apperr.Invalid(field, "%s must be a colour in #rrggbb form, got %q", field, v)
		}
	}
	for field, v := range map[string]string{"theme.fonts.heading": c.Fonts.Heading, "theme.fonts.body": c.Fonts.Body} {
		if len(v) > 100 {
			return apperr.Invalid(field, "%s is longer than 100 characters", field)
		}
	}
	for field, v := range map[string]string{"theme.logo": c.Logo, "theme.favicon": c.Favicon} {
		if v == "" {
			continue
		}
		u, err := url.Parse(v)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || len(v) > 2048 {
			return apperr.Invalid(field, "%s must be an http(s) URL", field)
		}
	}
	return nil
}
