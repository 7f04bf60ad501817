//===- TSOps.h - ts dialect operations --------------------------*- C++ -*-===//
#ifndef TSC_DIALECT_TS_IR_TSOPS_H
#define TSC_DIALECT_TS_IR_TSOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "tsc/Dialect/TS/IR/TSDialect.h"
#include "tsc/Dialect/TS/IR/TSTypes.h"

namespace tsc::ts::OpTrait {
/// See TS_InPlace in TSOps.td.
template <typename ConcreteType>
class InPlace : public mlir::OpTrait::TraitBase<ConcreteType, InPlace> {};
/// See TS_ReturnsAlias in TSOps.td.
template <typename ConcreteType>
class ReturnsAlias
    : public mlir::OpTrait::TraitBase<ConcreteType, ReturnsAlias> {};
/// See TS_HasOperatorKey in TSOps.td.
template <typename ConcreteType>
class HasOperatorKey
    : public mlir::OpTrait::TraitBase<ConcreteType, HasOperatorKey> {};
} // namespace tsc::ts::OpTrait

#define GET_OP_CLASSES
#include "tsc/Dialect/TS/IR/TSOps.h.inc"

namespace tsc::ts {

/// For an op of the ts dialect that names a registered TorchScript operator
/// (ts.aten.*, ts.prim.* with a schema, ts.operator): its registry key, e.g.
/// {"aten::add", "Tensor"}. Returns failure for structural ops.
struct OperatorKey {
  std::string name;
  std::string overload;
};
std::optional<OperatorKey> getOperatorKey(mlir::Operation *op);

/// The bytes a float32 tensor of static sizes takes in an arena
/// (-tsc-plan-memory): a multiple of 64, at least 64. Nullopt for other
/// types.
std::optional<int64_t> getArenaBytes(mlir::Type type);

} // namespace tsc::ts

#endif // TSC_DIALECT_TS_IR_TSOPS_H
