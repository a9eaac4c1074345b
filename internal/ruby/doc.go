// Package ruby reproduces the few behaviours of Ruby's core library that leak
// into a Jekyll site's output: Time#strftime, Time#to_s, Time.parse and
// Float#to_s. Jekyll sites print dates and numbers through these, so matching
// them byte for byte is what makes Broadsheet's pages identical to Jekyll's.
//
// Everything here is a pure function of its arguments, safe to call from many
// goroutines at once.
package ruby
