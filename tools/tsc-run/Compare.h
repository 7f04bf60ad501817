//===- Compare.h - compare two TorchScript values ---------------*- C++ -*-===//
#ifndef TSC_TOOLS_TSCRUN_COMPARE_H
#define TSC_TOOLS_TSCRUN_COMPARE_H

#include <ATen/core/ivalue.h>

#include <ostream>
#include <string>
#include <vector>

namespace tsc {

struct Tolerance {
  double rtol = 1e-5;
  double atol = 1e-6;
};

/// Compares `got` with `want` element by element (recursing through lists,
/// tuples, dicts); prints one line per leaf to `os`, with the maximum
/// absolute and relative error for tensors. True if all match: tensors of
/// the same dtype and shape with |got - want| <= atol + rtol * |want|,
/// everything else equal.
bool compareValues(const c10::IValue &got, const c10::IValue &want,
                   const Tolerance &tol, const std::string &path,
                   std::ostream &os);

/// For each tensor inside `outputs` (depth first through lists, tuples and
/// dict values), the index of the first tensor among `inputs` (same
/// traversal) whose storage it shares, or -1: the aliasing a method's
/// results have with its arguments.
std::vector<int> getAliasPattern(const c10::IValue &outputs,
                                 const std::vector<c10::IValue> &inputs);

/// Converts `v` (as the unpickler returns it: lists and dicts untyped) to
/// TorchScript type `type`, so that typed code accepts it.
c10::IValue retype(const c10::IValue &v, const c10::TypePtr &type);

} // namespace tsc

#endif // TSC_TOOLS_TSCRUN_COMPARE_H
