// Command gen-news-site writes a deterministic synthetic news site for
// benchmarks: a Jekyll site, or with -hugo the equivalent Hugo site.
//
//	go run ./bench/cmd/gen-news-site -n 1000 -o /tmp/news-1k
//	go run ./bench/cmd/gen-news-site -n 1000 -hugo -o /tmp/news-1k-hugo
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/broadsheet-ssg/broadsheet/bench/gen"
)

func main() {
	fs := flag.NewFlagSet("gen-news-site", flag.ContinueOnError)
	n := fs.Int("n", 1000, "number of posts")
	seed := fs.String("seed", "1", "seed: the same seed and -n give the same site, byte for byte")
	out := fs.String("o", "", "output folder (must be empty, or a site written by this command with -force)")
	hugo := fs.Bool("hugo", false, "write the equivalent Hugo site instead of a Jekyll site")
	force := fs.Bool("force", false, "replace the output folder if this command wrote it")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: gen-news-site -n N -o DIR [-hugo] [-seed S] [-force]\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(os.Args[1:]); err != nil {
		os.Exit(2)
	}
	if *out == "" || *n < 0 || fs.NArg() > 0 {
		fs.Usage()
		os.Exit(2)
	}
	o := gen.Options{Posts: *n, Seed: *seed, Force: *force}
	if *hugo {
		o.Flavour = gen.Hugo
	}
	if err := gen.Write(*out, o); err != nil {
		fmt.Fprintln(os.Stderr, "gen-news-site:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote a %s site with %d posts to %s\n", o.Flavour, *n, *out)
}
