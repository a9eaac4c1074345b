package highlight

import (
	"strings"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// rougeNames maps Rouge tags and aliases to chroma lexer names, for the
// languages Broadsheet highlights; anything else is unknown to us, which
// Rouge would highlight and we print as plain code (docs/markdown.md).
var rougeNames = map[string]string{
	"go": "Go", "golang": "Go",
	"ruby": "Ruby", "rb": "Ruby",
	"python": "Python", "py": "Python",
	"javascript": "JavaScript", "js": "JavaScript",
	"typescript": "TypeScript", "ts": "TypeScript",
	"html": "HTML", "css": "CSS", "scss": "SCSS",
	"json": "JSON", "yaml": "YAML", "yml": "YAML",
	"shell": "Bash", "bash": "Bash", "sh": "Bash", "zsh": "Bash", "ksh": "Bash",
	"console": "Bash Session", "terminal": "Bash Session", "shell_session": "Bash Session",
	"sql": "SQL", "c": "C", "cpp": "C++", "c++": "C++", "java": "Java",
	"rust": "Rust", "rs": "Rust", "diff": "Diff", "patch": "Diff", "udiff": "Diff",
	"markdown": "Markdown", "md": "Markdown", "mkd": "Markdown",
}

var rougeTags = map[string]string{
	"golang": "go", "rb": "ruby", "py": "python", "js": "javascript", "ts": "typescript",
	"yml": "yaml", "bash": "shell", "sh": "shell", "zsh": "shell", "ksh": "shell",
	"terminal": "console", "shell_session": "console", "c++": "cpp", "rs": "rust",
	"patch": "diff", "udiff": "diff", "md": "markdown", "mkd": "markdown",
}

// find returns the lexer for a lower-cased Rouge tag or alias.
func find(name string) *Lexer {
	switch name {
	case "plaintext", "text", "plain":
		return plainText
	}
	cn, ok := rougeNames[name]
	if !ok {
		return nil
	}
	cl := lexers.Get(cn)
	if cl == nil {
		return nil
	}
	tag := name
	if t, ok := rougeTags[name]; ok {
		tag = t
	}
	remap := classRemap[tag]
	return &Lexer{tag: tag, lexFn: func(code string) []Token { return chromaTokens(cl, code, remap) }}
}

// chromaTokens lexes with chroma and names tokens with Rouge's short
// classes (both follow Pygments' token names); whitespace is plain text in
// Rouge's lexers, and adjacent tokens of one class are merged as Rouge's
// formatter input is.
func chromaTokens(l chroma.Lexer, code string, remap map[string]string) []Token {
	it, err := l.Tokenise(&chroma.TokeniseOptions{State: "root", EnsureLF: false}, code)
	if err != nil {
		return []Token{{"", code}}
	}
	var out []Token
	for t := it(); t != chroma.EOF; t = it() {
		cls := ""
		if t.Type != chroma.Text && t.Type != chroma.TextWhitespace && t.Type != chroma.Whitespace {
			cls = chroma.StandardTypes[t.Type]
		}
		if r, ok := remap[cls+t.Value]; ok && len(t.Value) == 1 {
			cls = r
		} else if r, ok := remap[cls]; ok {
			cls = r
		}
		if n := len(out); n > 0 && out[n-1].Class == cls {
			out[n-1].Text += t.Value
			continue
		}
		out = append(out, Token{cls, t.Value})
	}
	// chroma adds a final newline the input lacked
	if !strings.HasSuffix(code, "\n") && len(out) > 0 {
		last := &out[len(out)-1]
		last.Text = strings.TrimSuffix(last.Text, "\n")
		if last.Text == "" {
			out = out[:len(out)-1]
		}
	}
	return out
}

// classRemap corrects chroma's classes where Rouge's lexer for the language
// names the same token differently.
var classRemap = map[string]map[string]string{
	"go": {"kn": "k", "kd": "k", "nx": "n", "nf": "n", "kt": "kt", "mi": "m", "mf": "m", "p.": "o"},
}
