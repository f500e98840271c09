// string(integer): the UTF-8 encoding of the code point, or "\uFFFD" for
// negative values, surrogates and values beyond U+10FFFF (any integer type).
package main

func main() {
	for i := 0; i < 5; i++ {
		print(string(rune('a' + i)))
	}
	println()
	var r rune = 0x4e16
	var big uint64 = 0x10001f4a9
	var neg int8 = -1
	var sur int32 = 0xd800
	println(string(r), string(big) == "\uFFFD", string(neg) == "\uFFFD", string(sur) == "\uFFFD", len(string(rune(0x10ffff))))
}
