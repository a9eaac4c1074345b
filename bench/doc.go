// Package bench holds the whole-site benchmarks: Broadsheet building the
// generated news site (bench/gen) in process, so `go test -bench` can take
// CPU and memory profiles of a realistic build. scripts/bench times the
// broadsheet command against Hugo and Jekyll; docs/benchmarks.md explains both.
package bench
