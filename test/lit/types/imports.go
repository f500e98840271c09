// Unused imports in gc's words (the name shown when it is not the path's
// last element; dot imports are used through any of their objects);
// struct fields and imports redeclared name the other declaration.
// RUN: not %origo tool compile -e %s 2>&1 | FileCheck %s

package p

import (
	"fmt"
	fmt "math"
	. "strings"
	. "unicode/utf8"
	str "strconv"
	strconv "strconv"
	"os"
)

var _ = RuneLen('x')

var _ = os.Args

type S struct {
	x int
	x string
}

// CHECK: imports.go:9:2: imported and not used: "fmt"
// CHECK-NEXT: imports.go:10:2: fmt redeclared in this block
// CHECK-NEXT: {{^}}	{{.*}}imports.go:9:2: other declaration of fmt
// CHECK-NEXT: imports.go:10:2: imported and not used: "math" as fmt
// CHECK-NEXT: imports.go:11:2: imported and not used: "strings"
// CHECK-NEXT: imports.go:13:2: imported and not used: "strconv" as str
// CHECK-NEXT: imports.go:14:2: imported and not used: "strconv"
// CHECK-NEXT: imports.go:24:2: x redeclared
// CHECK-NEXT: {{^}}	{{.*}}imports.go:23:2: other declaration of x
