//===- PickleCompat.cpp - read every pickle torch.save writes -------------===//
//
// Python's pickler writes APPEND/SETITEM for one-element lists and one-item
// dicts, and minimal-length LONG1 for integers beyond 32 bits; LibTorch
// 1.13's C++ unpickler rejects all three. The rewrite below walks the opcode
// stream, remembering where each stack entry's bytes begin, so that a MARK
// can be inserted before the item(s) an APPEND/SETITEM consumes.
//
//===----------------------------------------------------------------------===//

#include "PickleCompat.h"

#include <caffe2/serialize/inline_container.h>
#include <torch/csrc/jit/serialization/unpickler.h>

#include <cstring>
#include <stdexcept>
#include <vector>

namespace tsc {
namespace {

constexpr size_t kMark = static_cast<size_t>(-1);

struct Rewriter {
  const std::string &in;
  std::string out;
  size_t pos = 0;
  // Output offset where each stack entry starts; kMark-tagged entries are
  // marks (their own offset is kept in markStarts).
  std::vector<size_t> stack;
  std::vector<size_t> markStarts;

  explicit Rewriter(const std::string &in) : in(in) {}

  [[noreturn]] void malformed() {
    throw std::runtime_error("malformed pickle at byte " + std::to_string(pos));
  }
  void need(size_t n) {
    if (pos + n > in.size())
      malformed();
  }
  uint64_t readLE(size_t n) {
    need(n);
    uint64_t v = 0;
    for (size_t i = 0; i < n; ++i)
      v |= static_cast<uint64_t>(static_cast<uint8_t>(in[pos + i])) << (8 * i);
    return v;
  }
  /// Copies the argument bytes of the current opcode.
  void copyArg(size_t n) {
    need(n);
    out.append(in, pos, n);
    pos += n;
  }
  void copyLine() {
    size_t nl = in.find('\n', pos);
    if (nl == std::string::npos)
      malformed();
    copyArg(nl + 1 - pos);
  }
  size_t pop() {
    if (stack.empty() || stack.back() == kMark)
      malformed();
    size_t s = stack.back();
    stack.pop_back();
    return s;
  }
  /// Pops to the topmost mark; returns the mark's output offset.
  size_t popMark() {
    while (!stack.empty() && stack.back() != kMark)
      stack.pop_back();
    if (stack.empty() || markStarts.empty())
      malformed();
    stack.pop_back();
    size_t s = markStarts.back();
    markStarts.pop_back();
    return s;
  }

  std::string run() {
    while (pos < in.size()) {
      size_t start = out.size();
      char op = in[pos++];
      switch (static_cast<unsigned char>(op)) {
      case '(': // MARK
        out.push_back(op);
        stack.push_back(kMark);
        markStarts.push_back(start);
        break;
      case '.': // STOP
        out.push_back(op);
        return out;
      case '0': // POP
        out.push_back(op);
        pop();
        break;
      case '1': // POP_MARK
        out.push_back(op);
        popMark();
        break;
      case 'F':
      case 'I':
      case 'L':
      case 'S':
      case 'V':
      case 'P':
      case 'g':
        out.push_back(op);
        copyLine();
        stack.push_back(start);
        break;
      case 'J':
        out.push_back(op);
        copyArg(4);
        stack.push_back(start);
        break;
      case 'K':
        out.push_back(op);
        copyArg(1);
        stack.push_back(start);
        break;
      case 'M':
        out.push_back(op);
        copyArg(2);
        stack.push_back(start);
        break;
      case 'G':
        out.push_back(op);
        copyArg(8);
        stack.push_back(start);
        break;
      case 'h':
        out.push_back(op);
        copyArg(1);
        stack.push_back(start);
        break;
      case 'j':
        out.push_back(op);
        copyArg(4);
        stack.push_back(start);
        break;
      case 'N':
      case '}':
      case ']':
      case ')':
      case 0x88:
      case 0x89:
      case 0x8f:
        out.push_back(op);
        stack.push_back(start);
        break;
      case 'T':
      case 'X':
      case 'B': { // 4-byte length + data
        out.push_back(op);
        size_t n = readLE(4);
        copyArg(4 + n);
        stack.push_back(start);
        break;
      }
      case 'U':
      case 'C':
      case 0x8c: { // 1-byte length + data
        out.push_back(op);
        size_t n = readLE(1);
        copyArg(1 + n);
        stack.push_back(start);
        break;
      }
      case 0x8d:
      case 0x8e: { // 8-byte length + data
        out.push_back(op);
        size_t n = readLE(8);
        copyArg(8 + n);
        stack.push_back(start);
        break;
      }
      case 0x8a: { // LONG1: widen to the 8 bytes LibTorch expects
        size_t n = readLE(1);
        ++pos;
        need(n);
        if (n > 8) {
          out.push_back(op);
          out.push_back(static_cast<char>(n));
          copyArg(n);
        } else {
          bool negative =
              n > 0 && (static_cast<uint8_t>(in[pos + n - 1]) & 0x80);
          out.push_back(op);
          out.push_back(8);
          out.append(in, pos, n);
          out.append(8 - n, negative ? '\xff' : '\0');
          pos += n;
        }
        stack.push_back(start);
        break;
      }
      case 0x8b: { // LONG4
        out.push_back(op);
        size_t n = readLE(4);
        copyArg(4 + n);
        stack.push_back(start);
        break;
      }
      case 'c': // GLOBAL module\nname\n
        out.push_back(op);
        copyLine();
        copyLine();
        stack.push_back(start);
        break;
      case 'i': // INST module\nname\n, pops to mark
        out.push_back(op);
        copyLine();
        copyLine();
        stack.push_back(popMark());
        break;
      case 'p':
        out.push_back(op);
        copyLine();
        break; // PUT
      case 'q':
        out.push_back(op);
        copyArg(1);
        break; // BINPUT
      case 'r':
        out.push_back(op);
        copyArg(4);
        break; // LONG_BINPUT
      case 0x94:
        out.push_back(op);
        break; // MEMOIZE
      case 0x80:
        out.push_back(op);
        copyArg(1);
        break; // PROTO
      case 0x95:
        out.push_back(op);
        copyArg(8);
        break; // FRAME
      case 0x82:
        out.push_back(op);
        copyArg(1);
        stack.push_back(start);
        break;
      case 0x83:
        out.push_back(op);
        copyArg(2);
        stack.push_back(start);
        break;
      case 0x84:
        out.push_back(op);
        copyArg(4);
        stack.push_back(start);
        break;
      case 'Q':  // BINPERSID: pid -> obj
      case 0x85: // TUPLE1
        out.push_back(op);
        stack.push_back(pop());
        break;
      case 'R':
      case 0x81:
      case 0x86:
      case 0x93: { // two in, one out
        out.push_back(op);
        pop();
        stack.push_back(pop());
        break;
      }
      case 0x87:
      case 0x92: { // three in, one out
        out.push_back(op);
        pop();
        pop();
        stack.push_back(pop());
        break;
      }
      case 'b': // BUILD: state consumed, object stays
        out.push_back(op);
        pop();
        break;
      case 't':
      case 'l':
      case 'd':
      case 'o':
      case 0x91:
        out.push_back(op);
        stack.push_back(popMark());
        break;
      case 'e':
      case 'u':
      case 0x90: // APPENDS, SETITEMS, ADDITEMS
        out.push_back(op);
        popMark();
        break;
      case 'a': { // APPEND -> MARK item APPENDS
        size_t item = pop();
        out.insert(item, 1, '(');
        out.push_back('e');
        break;
      }
      case 's': { // SETITEM -> MARK key value SETITEMS
        pop();
        size_t key = pop();
        out.insert(key, 1, '(');
        out.push_back('u');
        break;
      }
      case '2': // DUP
        out.push_back(op);
        if (stack.empty())
          malformed();
        stack.push_back(start);
        break;
      default:
        --pos;
        malformed();
      }
    }
    malformed();
  }
};

} // namespace

std::string makePickleReadable(const std::string &pickle) {
  return Rewriter(pickle).run();
}

c10::IValue loadTorchSave(const std::string &path) {
  caffe2::serialize::PyTorchStreamReader zip(path);
  auto [data, size] = zip.getRecord("data.pkl");
  std::string pickle = makePickleReadable(
      std::string(static_cast<const char *>(data.get()), size));
  size_t offset = 0;
  auto reader = [&](char *buf, size_t n) {
    size_t k = std::min(n, pickle.size() - offset);
    std::memcpy(buf, pickle.data() + offset, k);
    offset += k;
    return k;
  };
  auto readRecord = [&](const std::string &name) {
    return std::get<0>(zip.getRecord("data/" + name));
  };
  torch::jit::Unpickler unpickler(reader, nullptr, nullptr, readRecord,
                                  c10::nullopt);
  return unpickler.parse_ivalue();
}

std::vector<c10::IValue> loadArguments(const std::string &path) {
  c10::IValue loaded = loadTorchSave(path);
  if (loaded.isTuple())
    return loaded.toTupleRef().elements().vec();
  return {loaded};
}

} // namespace tsc
