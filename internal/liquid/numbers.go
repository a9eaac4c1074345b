package liquid

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// number is what Liquid's Utils.to_number makes of a value for the math
// filters: an Integer, or a BigDecimal. Floats go through BigDecimal (from
// their shortest decimal form), which is why 0.1 | plus: 0.2 is 0.3; here an
// exact rational plays BigDecimal, and special floats stay floats.
type number struct {
	dec bool
	i   int
	r   *big.Rat // when dec and finite
	f   float64  // when dec and r == nil: Infinity or NaN
}

func toNumber(v any) number {
	switch v := v.(type) {
	case int:
		return number{i: v}
	case float64:
		return floatNumber(v)
	case string:
		s := rubyStrip(v)
		if isDecimalString(s) {
			r, ok := new(big.Rat).SetString(s)
			if ok {
				return number{dec: true, r: r}
			}
		}
		return number{i: rubyStringToI(v)}
	}
	return number{}
}

func floatNumber(f float64) number {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return number{dec: true, f: f}
	}
	r, _ := new(big.Rat).SetString(strconv.FormatFloat(f, 'e', -1, 64))
	return number{dec: true, r: r}
}

// isDecimalString matches /\A-?\d+\.\d+\z/.
func isDecimalString(s string) bool {
	s = strings.TrimPrefix(s, "-")
	dot := strings.IndexByte(s, '.')
	if dot <= 0 || dot == len(s)-1 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i != dot && !isDigit(s[i]) {
			return false
		}
	}
	return true
}

func (n number) rat() *big.Rat {
	if n.dec {
		return n.r
	}
	return new(big.Rat).SetInt64(int64(n.i))
}

func (n number) float() float64 {
	if !n.dec {
		return float64(n.i)
	}
	if n.r == nil {
		return n.f
	}
	f, _ := n.r.Float64()
	return f
}

// value is the filter's result: an Integer stays one, a BigDecimal becomes
// a Float.
func (n number) value() any {
	if n.dec {
		return n.float()
	}
	return n.i
}

func (n number) special() bool { return n.dec && n.r == nil }

// arith applies + - * / % as Ruby does for Integer and BigDecimal operands.
func arith(a, b number, op byte) (any, error) {
	if !a.dec && !b.dec {
		x, y := a.i, b.i
		switch op {
		case '+':
			return x + y, nil
		case '-':
			return x - y, nil
		case '*':
			return x * y, nil
		case '/', '%':
			if y == 0 {
				return nil, renderError("divided by 0")
			}
			q, m := x/y, x%y
			if m != 0 && (m < 0) != (y < 0) {
				q--
				m += y
			}
			if op == '/' {
				return q, nil
			}
			return m, nil
		}
	}
	if a.special() || b.special() {
		x, y := a.float(), b.float()
		switch op {
		case '+':
			return x + y, nil
		case '-':
			return x - y, nil
		case '*':
			return x * y, nil
		case '/':
			return x / y, nil
		case '%':
			if y == 0 {
				return nil, renderError("divided by 0")
			}
			return math.Mod(x, y), nil
		}
	}
	x, y := a.rat(), b.rat()
	r := new(big.Rat)
	switch op {
	case '+':
		r.Add(x, y)
	case '-':
		r.Sub(x, y)
	case '*':
		r.Mul(x, y)
	case '/':
		if y.Sign() == 0 {
			// BigDecimal division by zero gives Infinity or NaN.
			switch x.Sign() {
			case 0:
				return math.NaN(), nil
			case 1:
				return math.Inf(1), nil
			}
			return math.Inf(-1), nil
		}
		r.Quo(x, y)
	case '%':
		if y.Sign() == 0 {
			return nil, renderError("divided by 0")
		}
		// floor modulo: x - y*floor(x/y)
		q := new(big.Rat).Quo(x, y)
		fl := ratFloor(q)
		r.Sub(x, new(big.Rat).Mul(y, new(big.Rat).SetInt(fl)))
	}
	f, _ := r.Float64()
	return f, nil
}

func ratFloor(r *big.Rat) *big.Int {
	q, m := new(big.Int).DivMod(r.Num(), r.Denom(), new(big.Int))
	_ = m // Euclidean division with a positive denominator is the floor
	return q
}

func ratCeil(r *big.Rat) *big.Int {
	q := ratFloor(r)
	if !r.IsInt() {
		q.Add(q, big.NewInt(1))
	}
	return q
}

// roundHalfUp rounds r to digits decimals, halves away from zero, as
// BigDecimal's default mode does.
func roundHalfUp(r *big.Rat, digits int) *big.Rat {
	// No template value has 400 significant decimals; beyond that the
	// result is known without computing 10^digits.
	if digits >= 400 {
		return r
	}
	if digits <= -400 {
		return new(big.Rat)
	}
	scale := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(digits))), nil))
	x := new(big.Rat).Set(r)
	if digits >= 0 {
		x.Mul(x, scale)
	} else {
		x.Quo(x, scale)
	}
	neg := x.Sign() < 0
	if neg {
		x.Neg(x)
	}
	x.Add(x, big.NewRat(1, 2))
	n := new(big.Rat).SetInt(ratFloor(x))
	if neg {
		n.Neg(n)
	}
	if digits >= 0 {
		return n.Quo(n, scale)
	}
	return n.Mul(n, scale)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// floatDomainError is BigDecimal's complaint about rounding Infinity/NaN.
func floatDomainError(f float64) error {
	return renderError("Computation results in '" + strings.TrimPrefix(formatSpecial(f), "+") + "'")
}

func formatSpecial(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	}
	return "-Infinity"
}

func bigToInt(b *big.Int) int {
	if b.IsInt64() {
		return int(b.Int64())
	}
	f, _ := new(big.Float).SetInt(b).Float64()
	return int(f)
}
