// Usage errors are one line on stderr and exit status 2.
// RUN: not %origo build -nosuchflag %s 2>&1 | FileCheck %s --check-prefix=FLAG
// RUN: not %origo build %s.missing.go 2>&1 | FileCheck %s --check-prefix=MISSING
// RUN: env GOARCH=mips not %origo build %s 2>&1 | FileCheck %s --check-prefix=ARCH
// RUN: not %origo build %s %s.txt 2>&1 | FileCheck %s --check-prefix=NOTGO
// RUN: not %origo build -stop-after=types nosuch/pkg 2>&1 | FileCheck %s --check-prefix=NOPKG
// RUN: sh -c '%origo build -nosuchflag %s 2>/dev/null; test $? -eq 2'
// RUN: sh -c 'GOARCH=mips %origo build %s 2>/dev/null; test $? -eq 2'
// RUN: sh -c '%origo build %s.missing.go 2>/dev/null; test $? -eq 2'
// FLAG: origo: build: flag provided but not defined: -nosuchflag
// MISSING: origo: open {{.*}}errors.go.missing.go: No such file or directory
// ARCH: origo: unsupported GOOS/GOARCH pair linux/mips
// NOTGO: origo: named files must be .go files: {{.*}}errors.go.txt
// NOPKG: package nosuch/pkg is not in GOROOT ({{.*}}/src/nosuch/pkg)

package main

func main() {}
