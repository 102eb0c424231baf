// Human-readable renderings of the migration report (Markdown, HTML), made from its JSON so that
// a merged report renders like any other.
#pragma once

#include "migrate/MigrationReport.h"

#include <iosfwd>

namespace tdp::migrate {

void renderMarkdown(const Json &Report, std::ostream &Out);
void renderHtml(const Json &Report, std::ostream &Out);

} // namespace tdp::migrate
