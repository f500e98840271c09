// Slicing a string past its length: gc's "slice bounds out of range"
// report (the high bound is checked before the low one).
package main

func cut(s string, lo, hi int) string { return s[lo:hi] }

func main() {
	println(cut("hello", 1, 3))
	println(cut("hello", 3, 2))
}
