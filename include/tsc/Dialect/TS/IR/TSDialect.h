//===- TSDialect.h - ts dialect ---------------------------------*- C++ -*-===//
#ifndef TSC_DIALECT_TS_IR_TSDIALECT_H
#define TSC_DIALECT_TS_IR_TSDIALECT_H

#include "mlir/IR/Dialect.h"

#include "tsc/Dialect/TS/IR/TSOpsDialect.h.inc"

#endif // TSC_DIALECT_TS_IR_TSDIALECT_H
