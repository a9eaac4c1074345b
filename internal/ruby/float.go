package ruby

import (
	"math"
	"strconv"
)

// FormatFloat prints f as Ruby's Float#to_s: the shortest digits that read
// back as f, in plain notation with at least one decimal ("1.0", "0.0001",
// "123456789012345.0") up to the point where Ruby switches to exponents
// ("1.0e+15", "1.0e-05"), and "Infinity",
// "-Infinity" and "NaN" for the special values.
func FormatFloat(f float64) string {
	return string(AppendFloat(nil, f))
}

// AppendFloat appends FormatFloat(f) to buf.
func AppendFloat(buf []byte, f float64) []byte {
	switch {
	case math.IsNaN(f):
		return append(buf, "NaN"...)
	case math.IsInf(f, 1):
		return append(buf, "Infinity"...)
	case math.IsInf(f, -1):
		return append(buf, "-Infinity"...)
	}
	if f == 0 {
		if math.Signbit(f) {
			return append(buf, "-0.0"...)
		}
		return append(buf, "0.0"...)
	}
	// Shortest round-trip digits in the form d.ddde±x; split them into the
	// digit string and the position of the decimal point, as Ruby's flo_to_s
	// does with dtoa's result.
	var tmp [32]byte
	e := strconv.AppendFloat(tmp[:0], f, 'e', -1, 64)
	if e[0] == '-' {
		buf = append(buf, '-')
		e = e[1:]
	}
	var digits [24]byte
	nd := 0
	i := 0
	for ; i < len(e) && e[i] != 'e'; i++ {
		if e[i] != '.' {
			digits[nd] = e[i]
			nd++
		}
	}
	exp, _ := strconv.Atoi(string(e[i+1:]))
	decpt := exp + 1
	ds := digits[:nd]
	switch {
	// Ruby's rule: plain when the point falls inside the digits (up to 16
	// places in), or when the number is integral with at most 15 digits.
	case decpt > 0 && (decpt < nd && decpt <= 16 || decpt <= 15):
		if nd <= decpt {
			buf = append(buf, ds...)
			for n := decpt - nd; n > 0; n-- {
				buf = append(buf, '0')
			}
			return append(buf, ".0"...)
		}
		buf = append(buf, ds[:decpt]...)
		buf = append(buf, '.')
		return append(buf, ds[decpt:]...)
	case decpt <= 0 && decpt > -4:
		buf = append(buf, "0."...)
		for n := -decpt; n > 0; n-- {
			buf = append(buf, '0')
		}
		return append(buf, ds...)
	}
	buf = append(buf, ds[0], '.')
	if nd > 1 {
		buf = append(buf, ds[1:]...)
	} else {
		buf = append(buf, '0')
	}
	buf = append(buf, 'e')
	x := decpt - 1
	if x < 0 {
		buf = append(buf, '-')
		x = -x
	} else {
		buf = append(buf, '+')
	}
	if x < 10 {
		buf = append(buf, '0')
	}
	return strconv.AppendInt(buf, int64(x), 10)
}
