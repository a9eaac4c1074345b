package utils

import "unsafe"

// StringOf views b as a string without copying it. The caller must never
// change b afterwards: Broadsheet uses it for bytes it read or rendered once
// and only passes on (a source file's text, a finished page).
func StringOf(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// BytesOf views s as bytes without copying it, for writing a rendered page
// out; the bytes must never be changed.
func BytesOf(s string) []byte {
	return unsafe.Slice(unsafe.StringData(s), len(s))
}
