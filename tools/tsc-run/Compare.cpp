//===- Compare.cpp - compare two TorchScript values -----------------------===//

#include "Compare.h"

#include <ATen/ATen.h>

#include <cmath>
#include <iomanip>

namespace tsc {

static void collectTensors(const c10::IValue &v, std::vector<at::Tensor> &out) {
  if (v.isTensor()) {
    out.push_back(v.toTensor());
  } else if (v.isList()) {
    for (const c10::IValue &e : v.toListRef())
      collectTensors(e, out);
  } else if (v.isTuple()) {
    for (const c10::IValue &e : v.toTupleRef().elements())
      collectTensors(e, out);
  } else if (v.isGenericDict()) {
    for (const auto &entry : v.toGenericDict())
      collectTensors(entry.value(), out);
  }
}

std::vector<int> getAliasPattern(const c10::IValue &outputs,
                                 const std::vector<c10::IValue> &inputs) {
  std::vector<at::Tensor> outs, ins;
  collectTensors(outputs, outs);
  for (const c10::IValue &in : inputs)
    collectTensors(in, ins);
  std::vector<int> pattern;
  for (const at::Tensor &o : outs) {
    int found = -1;
    for (size_t i = 0; i < ins.size() && found < 0; ++i)
      if (o.defined() && ins[i].defined() && o.has_storage() &&
          ins[i].has_storage() && o.storage().is_alias_of(ins[i].storage()))
        found = static_cast<int>(i);
    pattern.push_back(found);
  }
  return pattern;
}

bool compareValues(const c10::IValue &got, const c10::IValue &want,
                   const Tolerance &tol, const std::string &path,
                   std::ostream &os) {
  auto mismatch = [&](const std::string &why) {
    os << path << ": MISMATCH: " << why << "\n";
    return false;
  };
  if (want.isTensor()) {
    if (!got.isTensor())
      return mismatch(std::string("expected a Tensor, got ") + got.tagKind());
    at::Tensor g = got.toTensor(), w = want.toTensor();
    if (g.scalar_type() != w.scalar_type())
      return mismatch(std::string("dtype ") + c10::toString(g.scalar_type()) +
                      " != " + c10::toString(w.scalar_type()));
    if (g.sizes() != w.sizes()) {
      std::ostringstream s;
      s << "sizes " << g.sizes() << " != " << w.sizes();
      return mismatch(s.str());
    }
    double maxAbs = 0, maxRel = 0;
    bool ok = true;
    if (g.numel() > 0) {
      at::Tensor gd = g.detach().cpu(), wd = w.detach().cpu();
      if (gd.is_complex()) {
        gd = at::view_as_real(gd);
        wd = at::view_as_real(wd);
      }
      gd = gd.to(at::kDouble);
      wd = wd.to(at::kDouble);
      at::Tensor diff = (gd - wd).abs();
      // NaNs match NaNs, as torch.testing does.
      at::Tensor bothNan = gd.isnan().logical_and(wd.isnan());
      diff = diff.masked_fill(bothNan, 0);
      at::Tensor rel = diff / wd.abs().clamp_min(1e-30);
      maxAbs = diff.max().item<double>();
      maxRel = rel.masked_fill(diff == 0, 0).max().item<double>();
      ok = (diff <= tol.atol + tol.rtol * wd.abs()).all().item<bool>() &&
           !diff.isnan().any().item<bool>();
    }
    os << path << ": Tensor " << c10::toString(g.scalar_type()) << g.sizes()
       << " max abs err " << std::setprecision(3) << maxAbs << ", max rel err "
       << maxRel << (ok ? " ok" : " MISMATCH") << "\n";
    return ok;
  }
  if (want.isTuple() || want.isList()) {
    if (!(got.isTuple() || got.isList()))
      return mismatch(std::string("expected a sequence, got ") + got.tagKind());
    std::vector<c10::IValue> g, w;
    auto items = [](const c10::IValue &v, std::vector<c10::IValue> &out) {
      if (v.isTuple())
        out = v.toTupleRef().elements().vec();
      else
        for (const c10::IValue &e : v.toListRef())
          out.push_back(e);
    };
    items(got, g);
    items(want, w);
    if (g.size() != w.size())
      return mismatch("length " + std::to_string(g.size()) +
                      " != " + std::to_string(w.size()));
    bool ok = true;
    for (size_t i = 0; i < g.size(); ++i)
      ok &= compareValues(g[i], w[i], tol, path + "[" + std::to_string(i) + "]",
                          os);
    return ok;
  }
  if (want.isDouble() && got.isDouble()) {
    double a = got.toDouble(), b = want.toDouble();
    bool ok = (std::isnan(a) && std::isnan(b)) ||
              std::abs(a - b) <= tol.atol + tol.rtol * std::abs(b);
    os << path << ": float " << a << " vs " << b << (ok ? " ok" : " MISMATCH")
       << "\n";
    return ok;
  }
  std::ostringstream g, w;
  g << got;
  w << want;
  bool ok = got.tagKind() == want.tagKind() && g.str() == w.str();
  os << path << ": " << want.tagKind() << " " << g.str();
  if (!ok)
    os << " vs " << w.str() << " MISMATCH";
  else
    os << " ok";
  os << "\n";
  return ok;
}

c10::IValue retype(const c10::IValue &v, const c10::TypePtr &type) {
  if (!type)
    return v;
  switch (type->kind()) {
  case c10::TypeKind::OptionalType:
    if (v.isNone())
      return v;
    return retype(v, type->expectRef<c10::OptionalType>().getElementType());
  case c10::TypeKind::ListType: {
    if (!v.isList())
      return v;
    c10::TypePtr elem = type->expectRef<c10::ListType>().getElementType();
    c10::impl::GenericList list(elem);
    for (const c10::IValue &e : v.toListRef())
      list.push_back(retype(e, elem));
    return list;
  }
  case c10::TypeKind::TupleType: {
    if (!v.isTuple())
      return v;
    const auto &elems = type->expectRef<c10::TupleType>().elements();
    const auto &items = v.toTupleRef().elements();
    if (elems.size() != items.size())
      return v;
    std::vector<c10::IValue> out;
    for (size_t i = 0; i < items.size(); ++i)
      out.push_back(retype(items[i], elems[i]));
    return c10::ivalue::Tuple::create(std::move(out));
  }
  case c10::TypeKind::DictType: {
    if (!v.isGenericDict())
      return v;
    const auto &d = type->expectRef<c10::DictType>();
    c10::impl::GenericDict dict(d.getKeyType(), d.getValueType());
    for (const auto &entry : v.toGenericDict())
      dict.insert(retype(entry.key(), d.getKeyType()),
                  retype(entry.value(), d.getValueType()));
    return dict;
  }
  default:
    return v;
  }
}

} // namespace tsc
