#include "rules/Rule.h"

namespace tdp {

std::string_view targetName(Target T) {
  switch (T) {
  case Target::Auto:
    return "auto";
  case Target::Cpu:
    return "cpu";
  case Target::Mps:
    return "mps";
  case Target::Cuda:
    return "cuda";
  }
  return "auto";
}

std::optional<Target> parseTarget(std::string_view Name) {
  for (Target T : AllTargets)
    if (targetName(T) == Name)
      return T;
  return std::nullopt;
}

std::string_view ruleKindName(RuleKind K) {
  switch (K) {
  case RuleKind::Rename:
    return "rename";
  case RuleKind::Rewrite:
    return "rewrite";
  case RuleKind::Keep:
    return "keep";
  case RuleKind::Unsupported:
    return "unsupported";
  }
  return "rename";
}

const Template *Rule::rewriteFor(Target T) const {
  if (auto It = Rewrite.find(std::string(targetName(T))); It != Rewrite.end())
    return &It->second;
  if (auto It = Rewrite.find("default"); It != Rewrite.end())
    return &It->second;
  return nullptr;
}

const std::map<std::string, std::string, std::less<>> &ruleCategories() {
  static const std::map<std::string, std::string, std::less<>> Categories = {
      {"device", "DEV"}, {"move", "MOV"},    {"query", "QRY"},   {"sync", "SYN"},
      {"memory", "MEM"}, {"random", "RNG"},  {"stream", "STR"},  {"amp", "AMP"},
      {"legacy", "LEG"}, {"backend", "BKN"}, {"distributed", "DST"}, {"unsupported", "UNS"},
      {"include", "INC"}};
  return Categories;
}

} // namespace tdp
