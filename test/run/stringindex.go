// Indexing, slicing and ranging over strings: bytes, substrings (an empty
// one too), runes with invalid UTF-8 decoded as U+FFFD one byte at a
// time, and the index-out-of-range report.
package main

func count(s string) (n, bytes int) {
	for i, r := range s {
		n++
		bytes = i
		_ = r
	}
	return
}

func main() {
	s := "héllo, 世界!"
	println(len(s), s[0], s[1], s[len(s)-1])
	println(s[1:3], s[:5], s[7:], s[3:3] == "", s[:])
	n, last := count(s)
	println(n, last)
	for i, r := range s {
		print(i, ":", r, " ")
	}
	println()
	bad := "a\xffb\xe4\xb8"
	for i, r := range bad {
		print(i, "=", r, " ")
	}
	println()
	k := 0
	for range s {
		k++
	}
	for i := range s {
		if s[i] == ',' {
			println("comma at", i)
			break
		}
	}
	println(k)
	var u uint8 = 2
	println(s[u])
	idx := 20
	println(s[idx])
}
