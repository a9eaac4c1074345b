// Command demosite builds the demo site with the built-in theme and serves
// it on 127.0.0.1 until it is stopped, printing the base URL and the paths
// of the pages worth measuring. scripts/lighthouse uses it.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/broadsheet-ssg/broadsheet/internal/scaffold/browse"
)

func main() {
	stories := flag.Int("stories", 40, "generated stories added to the example site")
	flag.Parse()
	work, err := os.MkdirTemp("", "broadsheet-demo-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "demosite:", err)
		os.Exit(1)
	}
	defer os.RemoveAll(work)
	site, err := browse.BuildDemo(work, *stories)
	if err != nil {
		fmt.Fprintln(os.Stderr, "demosite:", err)
		os.Exit(1)
	}
	base, stop, err := browse.Serve(site)
	if err != nil {
		fmt.Fprintln(os.Stderr, "demosite:", err)
		os.Exit(1)
	}
	defer stop()
	fmt.Printf("base %s\nfront %s\narticle %s\ncategory %s\n", base, browse.FrontPage, browse.ArticlePage, browse.CategoryPage)
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	<-sig
}
