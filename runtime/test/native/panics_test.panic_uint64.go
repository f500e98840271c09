// panic(v): The largest uint64.
package main

func main() {
	panic(uint64(1<<64 - 1))
}
