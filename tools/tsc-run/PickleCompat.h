//===- PickleCompat.h - read every pickle torch.save writes -----*- C++ -*-===//
#ifndef TSC_TOOLS_TSCRUN_PICKLECOMPAT_H
#define TSC_TOOLS_TSCRUN_PICKLECOMPAT_H

#include <ATen/core/ivalue.h>

#include <string>
#include <vector>

namespace tsc {

/// Rewrites a pickle (protocol <= 4) into the subset LibTorch 1.13's
/// Unpickler reads: APPEND becomes MARK .. APPENDS, SETITEM becomes
/// MARK .. SETITEMS, and LONG1 integers get the 8 bytes it expects. Throws
/// std::runtime_error on a malformed pickle.
std::string makePickleReadable(const std::string &pickle);

/// Loads what Python's torch.save wrote to `path`.
c10::IValue loadTorchSave(const std::string &path);

/// A method's arguments as `torch.save(args_tuple, path)` wrote them (a
/// value that is not a tuple is the one argument).
std::vector<c10::IValue> loadArguments(const std::string &path);

} // namespace tsc

#endif // TSC_TOOLS_TSCRUN_PICKLECOMPAT_H
