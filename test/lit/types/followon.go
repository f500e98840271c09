// After a first error, messages about invalid operands or types (not at
// their start) are follow-on errors and dropped, as types2 does; a package
// cannot be imported as init.
// RUN: not %origo tool compile -e %s 2>&1 | FileCheck %s

package p

import init "fmt"

var mult [3][...]byte = [3][5]byte{}

var x undefinedType = 1

// CHECK: followon.go:8:8: cannot import package as init - init must be a func
// CHECK-NEXT: followon.go:10:13: invalid use of [...] array (outside a composite literal)
// CHECK-NEXT: followon.go:12:7: undefined: undefinedType
// CHECK-NOT: {{.}}
