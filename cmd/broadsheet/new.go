package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/broadsheet-ssg/broadsheet/internal/scaffold"
)

const newUsage = `Usage:
  broadsheet new [flags] SITE           make a news site in the folder SITE
  broadsheet new post [flags] "Title"   add _posts/YYYY-MM-DD-title.md to the site

Flags of new SITE:
      --title TEXT         the site's title (default: made of the folder's name)
      --url URL            the site's url (default: https://example.com)
      --vendor-theme       copy the built-in theme into _themes/broadsheet-news
      --force              write into a folder that is not empty

Flags of new post:
  -s, --source DIR         the site's folder (default: .)
      --date YYYY-MM-DD[THH:MM]  the post's date (default: now)
      --author KEY         the author's key in site.authors (default: the first)
      --category NAME      the post's category (default: the first of sections)
      --force              replace a post of the same name
`

// runNew is `broadsheet new ...`: args are the arguments after "new".
func runNew(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
		fmt.Fprint(stdout, newUsage)
		return exitOK
	}
	if len(args) > 0 && args[0] == "post" {
		return runNewPost(args[1:], stdout, stderr)
	}
	var o scaffold.SiteOptions
	var dir string
	err := eachFlag(args, func(name string, value func() (string, error)) error {
		var err error
		switch name {
		case "--title":
			o.Title, err = value()
		case "--url":
			o.URL, err = value()
		case "--vendor-theme":
			o.VendorTheme = true
		case "--force", "-f":
			o.Force = true
		default:
			return &usageError{"unknown flag " + name}
		}
		return err
	}, func(arg string) error {
		if dir != "" {
			return &usageError{"new: give one folder"}
		}
		dir = arg
		return nil
	})
	if err == nil && dir == "" {
		err = &usageError{"new: give the folder to make the site in: broadsheet new SITE"}
	}
	if err != nil {
		return newFailed(err, stderr)
	}
	files, err := scaffold.NewSite(dir, o)
	if err != nil {
		return newFailed(err, stderr)
	}
	fmt.Fprintf(stdout, "New site in %s (%d files).\n\n  cd %s\n  broadsheet build\n\nthen open _site/index.html, or add a story with: broadsheet new post \"A headline\"\n",
		dir, len(files), shellQuote(dir))
	return exitOK
}

func runNewPost(args []string, stdout, stderr io.Writer) int {
	var o scaffold.PostOptions
	source := "."
	var title []string
	err := eachFlag(args, func(name string, value func() (string, error)) error {
		var err error
		var v string
		switch name {
		case "-s", "--source":
			source, err = value()
		case "--author":
			o.Author, err = value()
		case "--category":
			o.Category, err = value()
		case "--date":
			if v, err = value(); err == nil {
				o.Date, err = parseNewDate(v)
			}
		case "--force", "-f":
			o.Force = true
		default:
			return &usageError{"unknown flag " + name}
		}
		return err
	}, func(arg string) error {
		title = append(title, arg)
		return nil
	})
	if err == nil && len(title) == 0 {
		err = &usageError{`new post: give the title: broadsheet new post "A headline"`}
	}
	if err != nil {
		return newFailed(err, stderr)
	}
	rel, err := scaffold.NewPost(source, strings.Join(title, " "), o)
	if err != nil {
		return newFailed(err, stderr)
	}
	fmt.Fprintf(stdout, "New post: %s\n", rel)
	return exitOK
}

// eachFlag walks args: flags (with --name=value or a following value) go
// to flag, other arguments to arg. "--" ends the flags.
func eachFlag(args []string, flag func(name string, value func() (string, error)) error, arg func(string) error) error {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			for _, rest := range args[i+1:] {
				if err := arg(rest); err != nil {
					return err
				}
			}
			return nil
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			if err := arg(a); err != nil {
				return err
			}
			continue
		}
		name, val, hasVal := a, "", false
		if j := strings.IndexByte(a, '='); j >= 0 && strings.HasPrefix(a, "--") {
			name, val, hasVal = a[:j], a[j+1:], true
		}
		value := func() (string, error) {
			if hasVal {
				return val, nil
			}
			if i+1 >= len(args) {
				return "", &usageError{fmt.Sprintf("flag %s needs a value", name)}
			}
			i++
			return args[i], nil
		}
		if err := flag(name, value); err != nil {
			return err
		}
	}
	return nil
}

// parseNewDate reads --date: a day, or a day and a time, in local time.
func parseNewDate(s string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", "2006-01-02T15:04", "2006-01-02T15:04:05", "2006-01-02 15:04", "2006-01-02 15:04:05"} {
		if t, err := time.ParseInLocation(layout, s, time.Local); err == nil {
			return t, nil
		}
	}
	return time.Time{}, &usageError{fmt.Sprintf("--date %q: give YYYY-MM-DD or YYYY-MM-DDTHH:MM", s)}
}

func newFailed(err error, stderr io.Writer) int {
	fmt.Fprintln(stderr, "broadsheet:", err)
	var u *usageError
	if errors.As(err, &u) {
		fmt.Fprint(stderr, "\n"+newUsage)
		return exitUsage
	}
	return exitSite
}

// shellQuote quotes a folder name for the hint printed after new.
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r == '/' || r == '.' || r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
