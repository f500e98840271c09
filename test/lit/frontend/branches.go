// Labels and branch statements are checked while parsing, as gc does: in
// each function body without syntax errors, even when another body has one.
// RUN: not %origo tool compile -e %s 2>&1 | FileCheck %s

package p

func broken() {
	x := (1 + 2
	// CHECK: branches.go:[[@LINE-1]]:13: syntax error: unexpected newline, expecting )
	goto nowhere // no branch errors here: this body has a syntax error
}

func labels(s []int) {
	goto L
	// CHECK-NEXT: branches.go:[[@LINE-1]]:7: goto L jumps over declaration of v, w at {{.*}}branches.go:[[@LINE+1]]:7
	v, w := 1, 2
L:
	_, _ = v, w
unused:
	// CHECK-NEXT: branches.go:[[@LINE-1]]:1: label unused defined and not used
	for range s {
		break
	}
	{
	inner:
		for {
			continue inner
		}
	}
	goto inner
	// CHECK-NEXT: branches.go:[[@LINE-1]]:7: goto inner jumps into block starting at {{.*}}branches.go:[[@LINE-7]]:2
	continue
	// CHECK-NEXT: branches.go:[[@LINE-1]]:2: continue is not in a loop
	switch {
	case true:
		fallthrough
	case false:
		fallthrough
		// CHECK-NEXT: branches.go:[[@LINE-1]]:3: cannot fallthrough final case in switch
	}
	lit := func() {
		break
		// CHECK-NEXT: branches.go:[[@LINE-1]]:3: break is not in a loop, switch, or select
	}
	_ = lit
B:
	if true {
		break B
		// CHECK-NEXT: branches.go:[[@LINE-1]]:9: invalid break label B
	}
}
