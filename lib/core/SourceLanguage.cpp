#include "core/SourceLanguage.h"

#include <set>
#include <string>

namespace tdp {
namespace {

std::string lowerExtension(const std::filesystem::path &P) {
  std::string E = P.extension().string();
  for (char &C : E)
    C = static_cast<char>(std::tolower(static_cast<unsigned char>(C)));
  return E;
}

} // namespace

bool isCppSource(const std::filesystem::path &P) {
  static const std::set<std::string> Ext = {".cpp", ".cc", ".cxx", ".c++", ".cp"};
  return Ext.count(lowerExtension(P)) > 0;
}

bool isCppHeader(const std::filesystem::path &P) {
  static const std::set<std::string> Ext = {".h", ".hpp", ".hh", ".hxx", ".h++", ".inl"};
  return Ext.count(lowerExtension(P)) > 0;
}

} // namespace tdp
