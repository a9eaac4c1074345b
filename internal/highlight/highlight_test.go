package highlight

import (
	"strings"
	"testing"
)

func TestFindFancy(t *testing.T) {
	tests := []struct{ name, tag string }{
		{"ruby", "ruby"}, {"rb", "ruby"}, {"Python", "python"}, {"py", "python"},
		{"js", "javascript"}, {"ts", "typescript"}, {"yml", "yaml"}, {"json", "json"},
		{"bash", "shell"}, {"sh", "shell"}, {"zsh", "shell"}, {"console", "console"},
		{"shell-session", "console"}, {"terminal", "console"}, {"css", "css"}, {"scss", "scss"},
		{"html", "html"}, {"xml", "xml"}, {"java", "java"}, {"rs", "rust"},
		{"rust,ignore", "rust"}, {"patch", "diff"}, {"sql", "sql"}, {"c", "c"},
		{"c++", "cpp"}, {"md", "markdown"}, {"golang", "go"}, {"text", "plaintext"},
		{"liquid", "liquid"}, {"console?lang=ruby", "console"}, {"guess", "plaintext"},
		// Rouge knows these, we show them unhighlighted
		{"php", "php"}, {"kotlin", "kotlin"},
		{"Dockerfile", "docker"}, {"toml", "toml"},
		// Rouge knows neither
		{"plain", ""}, {"nosuchlang", ""},
	}
	for _, tt := range tests {
		l := FindFancy(tt.name, "")
		got := ""
		if l != nil {
			got = l.Tag()
		}
		if got != tt.tag {
			t.Errorf("FindFancy(%q) = %q, want %q", tt.name, got, tt.tag)
		}
	}
}

// TestTokens checks a few splits where Rouge differs from a naive lexer
// (the corpus in testdata/markdown checks whole programs against Rouge).
func TestTokens(t *testing.T) {
	tests := []struct {
		lang, code string
		want       []Token
	}{
		// keywords take the spaces after them when a word follows
		{"shell", "then echo", []Token{{"k", "then "}, {"nb", "echo"}}},
		// \b counts Unicode letters as word characters (\w does not)
		{"shell", "then é", []Token{{"k", "then "}, {"", "é"}}},
		{"python", "inà", []Token{{"n", "inà"}}},
		// "--" alone is an option too
		{"shell", "-- x", []Token{{"nt", "--"}, {"", " x"}}},
		// a console prompt ends at the first of $ # > ;
		{"console", "a>b\nout", []Token{{"gp", "a>"}, {"", "b\n"}, {"go", "out"}}},
		// YAML: Name::Constant, and numbers only before a line break
		{"yaml", "a: true\nb: 1\n", []Token{{"na", "a"}, {"pi", ":"}, {"", " "}, {"no", "true"}, {"", "\n"}, {"na", "b"}, {"pi", ":"}, {"", " "}, {"m", "1"}, {"", "\n"}}},
		// Python's "@" is an operator before it can be a decorator
		{"python", "@x", []Token{{"o", "@"}, {"n", "x"}}},
		// JSON keywords need no word boundary
		{"json", "[trueish]", []Token{{"p", "["}, {"kc", "true"}, {"err", "ish"}, {"p", "]"}}},
		// unmatched characters are errors, one character at a time, merged
		{"go", "a ¤", []Token{{"n", "a"}, {"", " "}, {"err", "¤"}}},
	}
	for _, tt := range tests {
		got := FindFancy(tt.lang, "").Tokens(tt.code)
		if !equalTokens(got, tt.want) {
			t.Errorf("%s %q:\n got %q\nwant %q", tt.lang, tt.code, got, tt.want)
		}
	}
}

func equalTokens(a, b []Token) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestLexersCoverInput feeds every lexer every prefix of a text mixing
// all languages: tokens must never panic, never be empty, never repeat a
// class twice in a row, and must cover the input exactly.
func TestLexersCoverInput(t *testing.T) {
	mixed := "#!/bin/sh\n---\na: [1, {b: \"c\\n\"}]\n---\n<div a='1'>&amp;<script>x = /re/g; `t${1}`</script></div>\n" +
		"def f(x):\n    return f'{x!r}' # c\n/* c */ int main(void) { return 0x1F; }\n" +
		"```ruby\nputs :sym, %w[a b], <<~EOS\n  hi #{x}\nEOS\n```\n$ echo \"$(ls)\" | grep -- -x\n" +
		"SELECT 'a''b' FROM t; -- c\n@@ -1 +1 @@\n-a\n+b\nfn main() { println!(\"{}\", 1u8); }\n" +
		"body { color: #fff !important; } @media (x) { .a::before { content: '\\''; } }\n\\ \" ' ` é \t\r\n"
	tags := []string{"plaintext", "liquid", "toml", "docker", "go", "ruby", "python", "javascript", "typescript", "json", "yaml",
		"shell", "console", "css", "scss", "html", "xml", "java", "rust", "diff", "sql", "c", "cpp", "markdown"}
	for _, tag := range tags {
		l := FindFancy(tag, "")
		for i := 0; i <= len(mixed); i++ {
			code := mixed[:i]
			toks := l.Tokens(code)
			var b strings.Builder
			for k, tok := range toks {
				if tok.Text == "" {
					t.Fatalf("%s: empty token lexing %q", tag, code)
				}
				if k > 0 && toks[k-1].Class == tok.Class {
					t.Fatalf("%s: unmerged %q tokens lexing %q", tag, tok.Class, code)
				}
				b.WriteString(tok.Text)
			}
			if b.String() != code {
				t.Fatalf("%s: tokens give %q for %q", tag, b.String(), code)
			}
		}
	}
}

func TestBlock(t *testing.T) {
	tests := []struct {
		code, lang string
		opts       BlockOptions
		want       string
	}{
		{"x = 1", "ruby", BlockOptions{},
			`<figure class="highlight"><pre><code class="language-ruby" data-lang="ruby"><span class="n">x</span> <span class="o">=</span> <span class="mi">1</span></code></pre></figure>`},
		{"a\nb", "nosuch", BlockOptions{LineNumbers: true},
			`<figure class="highlight"><pre><code class="language-nosuch" data-lang="nosuch"><table class="rouge-table"><tbody><tr><td class="gutter gl"><pre class="lineno">1` + "\n2\n" + `</pre></td><td class="code"><pre>a` + "\nb\n" + `</pre></td></tr></tbody></table></code></pre></figure>`},
		{"<b>", "c++", BlockOptions{},
			`<figure class="highlight"><pre><code class="language-c--" data-lang="c++"><span class="o">&lt;</span><span class="n">b</span><span class="o">&gt;</span></code></pre></figure>`},
	}
	for _, tt := range tests {
		if got := Block(tt.code, tt.lang, tt.opts); got != tt.want {
			t.Errorf("Block(%q, %q):\n got %s\nwant %s", tt.code, tt.lang, got, tt.want)
		}
	}
}

// BenchmarkFormat highlights the mixed text as Ruby, JavaScript and YAML.
func BenchmarkFormat(b *testing.B) {
	code := strings.Repeat("def f(x)\n  puts \"#{x}\" if x > 1 # c\nend\nconst a = [1, 'b', /c/g];\nkey: [1, two]\n", 50)
	ls := []*Lexer{FindFancy("ruby", ""), FindFancy("js", ""), FindFancy("yaml", "")}
	b.SetBytes(int64(len(code) * len(ls)))
	for b.Loop() {
		for _, l := range ls {
			Format(l, code)
		}
	}
}
