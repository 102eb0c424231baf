// A source file's bytes with what the porter needs to know about them: encoding checks, the
// newline style, and byte offset -> line/column mapping.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tdp {

struct LineColumn {
  unsigned Line = 0;   ///< 1-based
  unsigned Column = 0; ///< 1-based, in characters (Unicode code points), as editors count
};

/// Why a text cannot be treated as source code, or nullopt when it can.
/// Checks for NUL bytes and invalid UTF-8 (a leading UTF-8 BOM is allowed).
std::optional<std::string> checkSourceEncoding(std::string_view Text);

/// True when the text starts with a UTF-8 byte order mark.
bool hasUtf8Bom(std::string_view Text);

/// "\r\n" when the first line break of the text is CRLF, "\n" otherwise.
std::string_view detectNewline(std::string_view Text);

/// Maps byte offsets to 1-based line and column numbers. The text must outlive the index.
class LineIndex {
public:
  explicit LineIndex(std::string_view Text);
  LineColumn locate(std::size_t Offset) const;
  std::size_t lineCount() const { return LineStarts.size(); }
  /// Byte offset where a 1-based line starts.
  std::size_t lineStart(unsigned Line) const { return LineStarts[Line - 1]; }

private:
  std::string_view Text;
  std::vector<std::size_t> LineStarts;
};

} // namespace tdp
