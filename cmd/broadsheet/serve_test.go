package main

import (
	"strings"
	"testing"
)

func TestSplitServeFlags(t *testing.T) {
	tests := []struct {
		args    []string
		want    serveFlags
		rest    string
		wantErr string
	}{
		{args: nil, want: serveFlags{host: "127.0.0.1", port: 4000, livereload: true, watch: true}},
		{args: []string{"-H", "0.0.0.0", "-P", "4001", "--drafts", "-s", "site"},
			want: serveFlags{host: "0.0.0.0", port: 4001, livereload: true, watch: true}, rest: "--drafts -s site"},
		{args: []string{"--port=8080", "--no-livereload", "--no-watch", "-o", "--baseurl", "/blog"},
			want: serveFlags{host: "127.0.0.1", port: 8080, watch: false, open: true}, rest: "--baseurl /blog"},
		{args: []string{"--livereload-port", "35729", "-l"},
			want: serveFlags{host: "127.0.0.1", port: 4000, livereload: true, lrPort: 35729, watch: true}},
		{args: []string{"-P", "http"}, wantErr: "port number"},
		{args: []string{"-P"}, wantErr: "needs a value"},
		{args: []string{"--detach"}, wantErr: "not supported"},
	}
	for _, tc := range tests {
		sf, rest, err := splitServeFlags(tc.args)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%v: error %v, want %q", tc.args, err, tc.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%v: %v", tc.args, err)
			continue
		}
		if *sf != tc.want {
			t.Errorf("%v: %+v, want %+v", tc.args, *sf, tc.want)
		}
		if got := strings.Join(rest, " "); got != tc.rest {
			t.Errorf("%v: build flags %q, want %q", tc.args, got, tc.rest)
		}
	}
}

func TestRunServeUsage(t *testing.T) {
	var out, errOut strings.Builder
	if code := runServe([]string{"--bogus"}, &out, &errOut); code != exitUsage {
		t.Errorf("unknown flag: exit %d, want %d (%s)", code, exitUsage, errOut.String())
	}
	if code := runServe([]string{"--help"}, &out, &errOut); code != exitOK || !strings.Contains(out.String(), "--livereload-port") {
		t.Errorf("--help: exit %d, output %q", code, out.String())
	}
}
