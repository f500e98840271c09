// Integer arithmetic, shifts and comparisons.
package main

func main() {
	a, b := 47, -6
	println(a+b, a-b, a*b, a/b, a%b, -a/b, -a%b)
	println(a&b, a|b, a^b, a&^b, ^a)
	var x uint32 = 0xdeadbeef
	println(x>>4, x<<4, x>>31, x<<31, x>>32, x<<32)
	var s int16 = -1234
	println(s>>3, s<<3, s>>15, s>>16, s>>100)
	var n uint = 65
	println(1<<n, int64(1)<<62, uint64(1)<<63, int8(1)<<6)
	for sh := uint(0); sh <= 8; sh += 4 {
		var v int8 = -128
		println(sh, v>>sh, uint8(v)>>sh)
	}
	println(a < b, a <= b, a > b, a >= b, a == b, a != b)
	var u1, u2 uint8 = 250, 5
	println(u1 < u2, u1 > u2, int8(u1) < int8(u2))
	println("abc" < "abd", "abc" == "abc", "b" > "abc", "" < "a")
	const big = 1 << 40
	println(big>>38, big/3)
}
