// panic(v): A bool.
package main

func main() {
	panic(true)
}
