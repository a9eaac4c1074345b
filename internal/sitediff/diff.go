package sitediff

import (
	"fmt"
	"strings"
)

// op is one line of an edit script: ' ' kept, '-' only expected, '+' only actual.
type op struct {
	kind byte
	x, y int // indexes into the expected and actual units
}

// maxDPCells bounds the LCS table; beyond it the differing middle is shown
// as one replaced block, which is still a correct (if coarse) diff.
const maxDPCells = 1 << 22

// editScript returns a shortest-ish edit script from x to y: common prefix
// and suffix first, then a longest common subsequence of what is left.
func editScript(x, y []string) []op {
	pre := 0
	for pre < len(x) && pre < len(y) && x[pre] == y[pre] {
		pre++
	}
	suf := 0
	for suf < len(x)-pre && suf < len(y)-pre && x[len(x)-1-suf] == y[len(y)-1-suf] {
		suf++
	}
	var ops []op
	for i := 0; i < pre; i++ {
		ops = append(ops, op{' ', i, i})
	}
	mx, my := x[pre:len(x)-suf], y[pre:len(y)-suf]
	n, m := len(mx), len(my)
	if n*m <= maxDPCells && n > 0 && m > 0 {
		// lcs[i][j] is the LCS length of mx[i:] and my[j:].
		w := m + 1
		lcs := make([]int32, (n+1)*w)
		for i := n - 1; i >= 0; i-- {
			for j := m - 1; j >= 0; j-- {
				if mx[i] == my[j] {
					lcs[i*w+j] = lcs[(i+1)*w+j+1] + 1
				} else if a, b := lcs[(i+1)*w+j], lcs[i*w+j+1]; a >= b {
					lcs[i*w+j] = a
				} else {
					lcs[i*w+j] = b
				}
			}
		}
		i, j := 0, 0
		for i < n || j < m {
			switch {
			case i < n && j < m && mx[i] == my[j]:
				ops = append(ops, op{' ', pre + i, pre + j})
				i++
				j++
			case j >= m || (i < n && lcs[(i+1)*w+j] >= lcs[i*w+j+1]):
				ops = append(ops, op{'-', pre + i, pre + j})
				i++
			default:
				ops = append(ops, op{'+', pre + i, pre + j})
				j++
			}
		}
	} else {
		for i := 0; i < n; i++ {
			ops = append(ops, op{'-', pre + i, pre})
		}
		for j := 0; j < m; j++ {
			ops = append(ops, op{'+', pre + n, pre + j})
		}
	}
	for k := 0; k < suf; k++ {
		ops = append(ops, op{' ', len(x) - suf + k, len(y) - suf + k})
	}
	return ops
}

// unifiedDiff renders the differences between x and y as unified-diff hunks
// with one line of context, without file headers, cut to maxLines lines of
// at most 160 characters.
func unifiedDiff(x, y []string, maxLines int) string {
	ops := editScript(x, y)
	var lines []string
	const ctx = 1
	for k := 0; k < len(ops); {
		if ops[k].kind == ' ' {
			k++
			continue
		}
		// A hunk spans changes closer than 2*ctx kept lines apart.
		start := max(k-ctx, 0)
		end := k
		for end < len(ops) {
			if ops[end].kind != ' ' {
				end++
				continue
			}
			run := end
			for run < len(ops) && ops[run].kind == ' ' {
				run++
			}
			if run == len(ops) || run-end > 2*ctx {
				end = min(end+ctx, len(ops))
				break
			}
			end = run
		}
		var xs, xn, ys, yn int
		xs, ys = ops[start].x, ops[start].y
		for _, o := range ops[start:end] {
			if o.kind != '+' {
				xn++
			}
			if o.kind != '-' {
				yn++
			}
		}
		lines = append(lines, fmt.Sprintf("@@ -%s +%s @@", hunkRange(xs, xn), hunkRange(ys, yn)))
		for _, o := range ops[start:end] {
			var s string
			switch o.kind {
			case '-':
				s = x[o.x]
			case '+':
				s = y[o.y]
			default:
				s = x[o.x]
			}
			lines = append(lines, string(o.kind)+s)
		}
		k = end
		if len(lines) >= maxLines {
			break
		}
	}
	if len(lines) > maxLines {
		lines = lines[:maxLines]
	}
	for i, l := range lines {
		if len(l) > 160 {
			cut := 160
			for cut > 0 && l[cut]&0xC0 == 0x80 {
				cut--
			}
			lines[i] = l[:cut]
		}
		lines[i] = strings.ReplaceAll(lines[i], "\n", `\n`)
	}
	return strings.Join(lines, "\n")
}

// hunkRange formats a hunk side as difflib does: 1-based start, and the
// length unless it is 1 (an empty side names the line before it).
func hunkRange(start, n int) string {
	if n == 1 {
		return fmt.Sprint(start + 1)
	}
	if n == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}
