// A nil pointer dereference. gc's report has a second line,
// "[signal SIGSEGV: ...]", for the fault; origo's explicit check
// (runtime.panicmem) prints only the panic line, so record.sh drops it.
package main

type T struct{ A int }

var sink interface{}

func main() {
	var p *T
	sink = p.A
}
