// String literals, comparison and concatenation.
package main

func greet(name string) string {
	return "hello, " + name + "!"
}

func main() {
	println("plain")
	println(`raw\n with "quotes"`)
	println("esc: \t|\x41\u00e9\U0001F600\101|")
	println("日本語", len("日本語"))
	println(greet("world"))
	s := "ab"
	s += "cd"
	println(s, len(s), s == "abcd", s != "abc")
	print("no newline ", 1, true, "\n")
	print("a", "b", 3, 4, "\n")
	println()
	println("")
	println("multi", "args", 1, -2, false)
}
