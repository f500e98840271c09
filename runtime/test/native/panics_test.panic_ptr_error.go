// panic(v): A pointer whose method set has Error.
package main

type E struct{}

func (*E) Error() string { return "ptr error" }

func main() {
	panic(&E{})
}
