// A function whose frame needs a checking wrapper (over 4 KiB) and whose
// results do not fit the return registers: the wrapper's call to the body
// cannot be a guaranteed tail call (this crashed LLVM once).
package main

//go:noinline
func big(n int) (a, b, c, d, e int) {
	var buf [8192]byte
	for i := range buf {
		buf[i] = byte(i * n)
	}
	return int(buf[n]), int(buf[n+1]), int(buf[n+2]), len(buf), n
}

func main() {
	a, b, c, d, e := big(3)
	println(a, b, c, d, e)
}
