// Unused imports in gc 1.19's words; a dot import counts as used when any
// of its names is; a package name is only valid in a selector.
// RUN: not %origo tool compile -e %s 2>&1 | FileCheck %s

package p

import "fmt"
import xx "os"
import . "strings"
import . "errors"
import "bufio"
import bufio "bytes"
import init "sort"

var _ = New("used through the dot import")

func f() {
	_ = bufio
}

// CHECK: dot_imports.go:7:8: imported and not used: "fmt"
// CHECK: dot_imports.go:8:8: imported and not used: "os" as xx
// CHECK: dot_imports.go:9:8: imported and not used: "strings"
// CHECK-NOT: "errors"
// CHECK: dot_imports.go:12:8: bufio redeclared in this block
// CHECK-NEXT: dot_imports.go:11:8: other declaration of bufio
// CHECK: dot_imports.go:13:8: cannot import package as init - init must be a func
// CHECK: dot_imports.go:18:6: use of package bufio not in selector
