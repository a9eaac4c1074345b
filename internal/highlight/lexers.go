package highlight

// find returns the lexer for a lower-cased Rouge tag or alias.
func find(name string) *Lexer {
	switch name {
	case "plaintext", "text", "plain":
		return plainText
	}
	return nil
}
