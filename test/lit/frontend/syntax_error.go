// Syntax errors are reported in gc's words, with the position of the token.
// RUN: not %origo build -stop-after=parse %s 2>&1 | FileCheck %s

package main

func main() {
	x := (1 + 2
	println(x)
}

// CHECK: # command-line-arguments
// CHECK-NEXT: syntax_error.go:7:13: syntax error: unexpected newline, expecting )
