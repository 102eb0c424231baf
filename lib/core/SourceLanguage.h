// Which frontend a file belongs to, by its name.
#pragma once

#include <filesystem>

namespace tdp {

enum class SourceLanguage { Python, Cpp };

/// C++ translation units (.cpp, .cc, .cxx, .c++) and headers (.h, .hpp, .hh, .hxx, .inl).
bool isCppSource(const std::filesystem::path &P);
bool isCppHeader(const std::filesystem::path &P);

} // namespace tdp
