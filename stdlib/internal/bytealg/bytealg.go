// Package bytealg is origo's replacement of the upstream internal/bytealg,
// whose amd64 and arm64 versions are assembly: the same API in plain Go,
// which LLVM optimizes. MaxLen is 0, so strings and bytes take their
// Rabin-Karp and brute-force paths rather than asking for Index.
package bytealg

// MaxLen is the longest pattern Index and IndexString accept; 0 means
// they are not provided (callers fall back to IndexRabinKarp).
const MaxLen = 0

// MaxBruteForce is the pattern length below which brute force beats
// Rabin-Karp, for callers that consult it with MaxLen > 0.
const MaxBruteForce = 0

// PrimeRK is the prime base of the Rabin-Karp rolling hash.
const PrimeRK = 16777619

// Cutover is only meaningful when MaxLen > 0.
func Cutover(n int) int {
	panic("unimplemented")
}

// Index and IndexString are only meaningful when MaxLen > 0.
func Index(a, b []byte) int {
	panic("unimplemented")
}

func IndexString(a, b string) int {
	panic("unimplemented")
}

// Compare returns -1, 0 or +1 as a is less than, equal to or greater
// than b, bytewise.
func Compare(a, b []byte) int {
	n := len(a)
	if len(b) < n {
		n = len(b)
	}
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return +1
		}
	}
	switch {
	case len(a) < len(b):
		return -1
	case len(a) > len(b):
		return +1
	}
	return 0
}

// Count returns the number of bytes of b equal to c.
func Count(b []byte, c byte) int {
	n := 0
	for _, x := range b {
		if x == c {
			n++
		}
	}
	return n
}

// CountString returns the number of bytes of s equal to c.
func CountString(s string, c byte) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
		}
	}
	return n
}

// Equal reports whether a and b hold the same bytes.
func Equal(a, b []byte) bool {
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

// IndexByte returns the index of the first c in b, or -1.
func IndexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

// IndexByteString returns the index of the first c in s, or -1.
func IndexByteString(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// HashStr returns the Rabin-Karp hash of sep and the factor that removes
// its first byte from a rolling hash of len(sep) bytes.
func HashStr(sep string) (uint32, uint32) {
	h := uint32(0)
	for i := 0; i < len(sep); i++ {
		h = h*PrimeRK + uint32(sep[i])
	}
	return h, powRK(len(sep))
}

// HashStrBytes is HashStr of a byte slice.
func HashStrBytes(sep []byte) (uint32, uint32) {
	h := uint32(0)
	for _, c := range sep {
		h = h*PrimeRK + uint32(c)
	}
	return h, powRK(len(sep))
}

// HashStrRev is HashStr over sep read backwards (for LastIndex).
func HashStrRev(sep string) (uint32, uint32) {
	h := uint32(0)
	for i := len(sep) - 1; i >= 0; i-- {
		h = h*PrimeRK + uint32(sep[i])
	}
	return h, powRK(len(sep))
}

// HashStrRevBytes is HashStrRev of a byte slice.
func HashStrRevBytes(sep []byte) (uint32, uint32) {
	h := uint32(0)
	for i := len(sep) - 1; i >= 0; i-- {
		h = h*PrimeRK + uint32(sep[i])
	}
	return h, powRK(len(sep))
}

// powRK is PrimeRK to the power n, modulo 2^32.
func powRK(n int) uint32 {
	pow, sq := uint32(1), uint32(PrimeRK)
	for ; n > 0; n >>= 1 {
		if n&1 != 0 {
			pow *= sq
		}
		sq *= sq
	}
	return pow
}

// IndexRabinKarp returns the index of the first substr in s, or -1, by
// comparing rolling hashes and checking candidates byte by byte.
func IndexRabinKarp(s, substr string) int {
	n := len(substr)
	if n > len(s) {
		return -1
	}
	want, pow := HashStr(substr)
	h := uint32(0)
	for i := 0; i < n; i++ {
		h = h*PrimeRK + uint32(s[i])
	}
	if h == want && s[:n] == substr {
		return 0
	}
	for i := n; i < len(s); {
		h = h*PrimeRK + uint32(s[i]) - pow*uint32(s[i-n])
		i++
		if h == want && s[i-n:i] == substr {
			return i - n
		}
	}
	return -1
}

// IndexRabinKarpBytes is IndexRabinKarp of byte slices.
func IndexRabinKarpBytes(s, sep []byte) int {
	n := len(sep)
	if n > len(s) {
		return -1
	}
	want, pow := HashStrBytes(sep)
	h := uint32(0)
	for i := 0; i < n; i++ {
		h = h*PrimeRK + uint32(s[i])
	}
	if h == want && Equal(s[:n], sep) {
		return 0
	}
	for i := n; i < len(s); {
		h = h*PrimeRK + uint32(s[i]) - pow*uint32(s[i-n])
		i++
		if h == want && Equal(s[i-n:i], sep) {
			return i - n
		}
	}
	return -1
}
