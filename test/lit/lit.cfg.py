# lit configuration for origo's FileCheck tests: test/lit/<stage>/*.go files
# with `// RUN:` lines such as
#   // RUN: %origo build -stop-after=parse %s | FileCheck %s
# Run through CMake's lit.site.cfg.py (build/test/lit), which sets
# config.origo_obj_root and config.llvm_tools_dir; run from the source tree,
# ORIGO_BUILD names the build directory (default ./build).

import os

import lit.formats

config.name = 'origo'
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = ['.go']
config.excludes = ['Inputs']
config.test_source_root = os.path.dirname(__file__)

obj_root = getattr(config, 'origo_obj_root', None) or os.environ.get(
    'ORIGO_BUILD', os.path.join(config.test_source_root, '..', '..', 'build'))
obj_root = os.path.abspath(obj_root)
config.test_exec_root = os.path.join(obj_root, 'test', 'lit')
tools_dir = getattr(config, 'llvm_tools_dir', None) or '/usr/lib/llvm-19/bin'

origo = os.path.join(obj_root, 'bin', 'origo')
config.substitutions.append(('%origo', origo))
config.substitutions.append(('%goroot', getattr(config, 'goroot', '/usr/share/go-1.19')))

# FileCheck, not and count come from LLVM; origo's own tools from bin/.
config.environment['PATH'] = os.pathsep.join(
    [os.path.join(obj_root, 'bin'), tools_dir, config.environment.get('PATH', os.environ.get('PATH', ''))])
# Tests see a fixed target unless they set GOARCH themselves.
config.environment['GOARCH'] = 'amd64'
config.environment['GOOS'] = 'linux'
for var in ('HOME', 'TMPDIR'):
    if var in os.environ:
        config.environment[var] = os.environ[var]

if os.path.exists('/usr/bin/qemu-aarch64') or os.path.exists('/usr/local/bin/qemu-aarch64'):
    config.available_features.add('qemu-aarch64')
