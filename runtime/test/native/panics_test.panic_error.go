// panic(v): A value with an Error method: its result.
package main

type E struct{ msg string }

func (e E) Error() string { return "E:" + e.msg }

func main() {
	panic(E{"boom"})
}
