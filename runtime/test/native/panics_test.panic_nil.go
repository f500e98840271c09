// panic(v): panic(nil) (in Go 1.19, before PanicNilError).
package main

func main() {
	panic(nil)
}
