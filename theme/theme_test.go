package theme

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dakkah/cityos/apperr"
)

func TestValidate(t *testing.T) {
	ok := Config{Colors: Colors{Primary: "#D97706", Secondary: "#92400e"}, Fonts: Fonts{Heading: "Tajawal"},
		Logo: "https://cdn.example/logo.svg", Favicon: "http://cdn.example/f.ico"}.Normalize()
	require.NoError(t, ok.Validate())
	require.Equal(t, "#d97706", ok.Colors.Primary, "colours are lower-cased")

	for name, c := range map[string]Config{
		"theme.colors.primary":   {Colors: Colors{Primary: "red"}},
		"theme.colors.secondary": {Colors: Colors{Secondary: "#12345"}},
		"theme.colors.accent":    {Colors: Colors{Accent: "#1234567"}},
		"theme.fonts.body":       {Fonts: Fonts{Body: string(make([]byte, 101))}},
		"theme.logo":             {Logo: "javascript:alert(1)"},
		"theme.favicon":          {Favicon: "/relative.ico"},
	} {
		err := c.Validate()
		e, isApp := apperr.As(err)
		require.True(t, isApp, name)
		require.Equal(t, apperr.BadUserInput, e.Code, name)
		require.Equal(t, name, e.Field)
	}
	require.NoError(t, Config{}.Validate(), "an empty theme is valid")
}
