// panic(v): A string, printed raw (newline included).
package main

func main() {
	panic("hello\nworld")
}
