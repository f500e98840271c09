//===- frontend/frontend.h - public interface of frontend/ ------*- C++ -*-===//
/// \file
/// What later stages include from frontend/: sources and diagnostics, tokens,
/// the syntax tree and parsing.
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/ast.h"
#include "frontend/lexer.h"
#include "frontend/parse.h"
#include "frontend/source.h"
#include "frontend/token.h"
