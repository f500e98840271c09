// The driver reports its name and version.
// RUN: %origo version | FileCheck %s
// CHECK: origo version

package main
