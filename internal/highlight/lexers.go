package highlight

// lexFunc returns our lexer for a Rouge tag. It is a switch, not a map,
// because lexers that embed other languages call it.
func lexFunc(tag string) func(string) []span {
	switch tag {
	case "plaintext":
		return lexPlain
	case "diff":
		return lexDiff
	case "json":
		return lexJSON
	case "python":
		return lexPython
	case "javascript":
		return lexJavascript
	case "typescript":
		return lexTypescript
	case "ruby":
		return lexRuby
	case "yaml":
		return lexYAML
	case "css":
		return lexCSS
	case "scss":
		return lexSCSS
	case "html":
		return lexHTML
	case "xml":
		return lexXML
	case "java":
		return lexJava
	case "sql":
		return lexSQL
	case "c":
		return lexC
	case "cpp":
		return lexCpp
	case "rust":
		return lexRust
	case "markdown":
		return lexMarkdown
	case "liquid":
		return lexLiquid
	case "toml":
		return lexTOML
	case "docker":
		return lexDocker
	case "go":
		return lexGo
	case "shell":
		return lexShell
	case "console":
		return lexConsole
	}
	return nil
}

// rougeAliases maps Rouge's aliases to its tags, for the languages we
// lex; names of other languages Rouge knows are in rougeOthers.
var rougeAliases = map[string]string{
	"golang": "go", "rb": "ruby", "py": "python", "js": "javascript", "ts": "typescript",
	"yml": "yaml", "bash": "shell", "sh": "shell", "zsh": "shell", "ksh": "shell",
	"terminal": "console", "shell_session": "console", "shell-session": "console",
	"c++": "cpp", "rs": "rust", "rust,no_run": "rust", "rs,no_run": "rust",
	"rust,ignore": "rust", "rs,ignore": "rust", "rust,should_panic": "rust",
	"rs,should_panic": "rust", "patch": "diff", "udiff": "diff", "md": "markdown",
	"mkd": "markdown", "text": "plaintext", "dockerfile": "docker",
}

// find returns the lexer for a lower-cased Rouge tag or alias.
func find(name string) *Lexer {
	if t, ok := rougeAliases[name]; ok {
		name = t
	}
	f := lexFunc(name)
	if f == nil {
		tag, ok := rougeOthers[name]
		if !ok {
			return nil
		}
		// Rouge would highlight it: the same markup, without token spans
		return &Lexer{tag: tag, lex: lexPlain}
	}
	return &Lexer{tag: name, lex: f}
}
