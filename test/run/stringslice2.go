// The high bound of a string slice beyond the length.
package main

func main() {
	s := "hello"
	hi := 7
	println(s[:hi])
}
